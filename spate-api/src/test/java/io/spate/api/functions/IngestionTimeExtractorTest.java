package io.spate.api.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** IngestionTimeExtractor: the clock's time, never going back, and watermarks just below it. */
class IngestionTimeExtractorTest {

  @Test
  void timestampsFollowTheClockButNeverGoBack() {
    qt().forAll(SourceDSL.lists().of(SourceDSL.longs().between(0, 1_000_000)).ofSizeBetween(1, 50))
        .checkAssert(readings -> {
          ArrayDeque<Long> clock = new ArrayDeque<>(readings);
          IngestionTimeExtractor<String> extractor = new IngestionTimeExtractor<>(clock::poll);
          long max = Long.MIN_VALUE;
          for (int i = 0; i < readings.size(); i++) {
            max = Math.max(max, readings.get(i));
            if (i % 2 == 0) {
              assertThat(extractor.extractTimestamp("record", -5)).isEqualTo(max);
            } else {
              assertThat(extractor.getCurrentWatermark().getTimestamp()).isEqualTo(max - 1);
            }
          }
        });
  }

  @Test
  void theDefaultReadsTheSystemClock() {
    IngestionTimeExtractor<String> extractor = new IngestionTimeExtractor<>();
    long before = System.currentTimeMillis();
    long timestamp = extractor.extractTimestamp("record", 0);
    long after = System.currentTimeMillis();
    assertThat(timestamp).isBetween(before, after);
    assertThat(extractor.getCurrentWatermark().getTimestamp()).isGreaterThanOrEqualTo(timestamp - 1);
    assertThat(List.of(extractor.extractTimestamp("a", 0), extractor.extractTimestamp("b", 0)))
        .isSorted().allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(timestamp));
  }
}
