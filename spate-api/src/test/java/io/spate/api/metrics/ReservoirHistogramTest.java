package io.spate.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

class ReservoirHistogramTest {

  @Test
  void statisticsOfFiveValuesAreTheTextbookOnes() {
    ReservoirHistogram histogram = new ReservoirHistogram(10);
    for (long v : new long[] {5, 1, 4, 2, 3}) {
      histogram.update(v);
    }
    HistogramStatistics stats = histogram.getStatistics();
    assertThat(histogram.getCount()).isEqualTo(5);
    assertThat(stats.size()).isEqualTo(5);
    assertThat(stats.getValues()).containsExactly(1, 2, 3, 4, 5);
    assertThat(stats.getMin()).isEqualTo(1);
    assertThat(stats.getMax()).isEqualTo(5);
    assertThat(stats.getMean()).isEqualTo(3.0);
    // sample standard deviation: sqrt((4 + 1 + 0 + 1 + 4) / 4)
    assertThat(stats.getStdDev()).isCloseTo(Math.sqrt(2.5), within(1e-12));
    assertThat(stats.getQuantile(0)).isEqualTo(1.0);
    assertThat(stats.getQuantile(0.5)).isEqualTo(3.0);
    assertThat(stats.getQuantile(0.25)).isEqualTo(2.0);
    assertThat(stats.getQuantile(0.1)).isCloseTo(1.4, within(1e-12));
    assertThat(stats.getQuantile(1)).isEqualTo(5.0);
  }

  @Test
  void anEmptyHistogramHasNoQuantilesAndZeroBounds() {
    HistogramStatistics stats = new ReservoirHistogram(3).getStatistics();
    assertThat(stats.size()).isZero();
    assertThat(stats.getQuantile(0.5)).isNaN();
    assertThat(stats.getMean()).isNaN();
    assertThat(stats.getStdDev()).isZero();
    assertThat(stats.getMin()).isZero();
    assertThat(stats.getMax()).isZero();
  }

  @Test
  void badArgumentsAreRefusedWithTheirValue() {
    assertThatThrownBy(() -> new ReservoirHistogram(0)).hasMessageContaining("capacity 0");
    ReservoirHistogram histogram = new ReservoirHistogram(2);
    histogram.update(1);
    assertThatThrownBy(() -> histogram.getStatistics().getQuantile(1.5)).hasMessageContaining("1.5");
  }

  /** Whatever was recorded, the statistics are exactly those of the last {@code capacity} values. */
  @Test
  void statisticsCoverExactlyTheLastCapacityValues() {
    qt().withExamples(300)
        .forAll(SourceDSL.lists().of(SourceDSL.longs().between(-1_000_000, 1_000_000)).ofSizeBetween(0, 120),
            SourceDSL.integers().between(1, 40))
        .checkAssert((values, capacity) -> {
          ReservoirHistogram histogram = new ReservoirHistogram(capacity);
          values.forEach(histogram::update);
          List<Long> kept = values.subList(Math.max(0, values.size() - capacity), values.size());
          long[] sorted = kept.stream().mapToLong(Long::longValue).sorted().toArray();
          HistogramStatistics stats = histogram.getStatistics();
          assertThat(histogram.getCount()).isEqualTo(values.size());
          assertThat(stats.getValues()).containsExactly(sorted);
          if (sorted.length == 0) {
            return;
          }
          double mean = Arrays.stream(sorted).average().orElseThrow();
          assertThat(stats.getMin()).isEqualTo(sorted[0]);
          assertThat(stats.getMax()).isEqualTo(sorted[sorted.length - 1]);
          assertThat(stats.getMean()).isCloseTo(mean, within(1e-6));
          double squares = Arrays.stream(sorted).mapToDouble(v -> (v - mean) * (v - mean)).sum();
          double stdDev = sorted.length < 2 ? 0 : Math.sqrt(squares / (sorted.length - 1));
          assertThat(stats.getStdDev()).isCloseTo(stdDev, within(1e-6));
          // the median: the middle value, or the mean of the two middle ones
          int n = sorted.length;
          double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
          assertThat(stats.getQuantile(0.5)).isCloseTo(median, within(1e-6));
        });
  }
}
