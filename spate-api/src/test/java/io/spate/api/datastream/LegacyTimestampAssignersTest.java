package io.spate.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.eventtime.StrategyContext;
import io.spate.api.eventtime.TimestampAssigner;
import io.spate.api.eventtime.Watermark;
import io.spate.api.eventtime.WatermarkGenerator;
import io.spate.api.eventtime.WatermarkOutput;
import io.spate.api.functions.AscendingTimestampExtractor;
import io.spate.api.functions.AssignerWithPunctuatedWatermarks;
import io.spate.api.functions.BoundedOutOfOrdernessTimestampExtractor;
import io.spate.api.windowing.time.Time;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The legacy assigners Flink 1.20 still accepts, and the strategies that run them: timestamps and
 * watermarks as Flink computes them.
 */
@SuppressWarnings("deprecation")
class LegacyTimestampAssignersTest {

  record Reading(String sensor, long time) {}

  /** Collects emitted watermarks. */
  static final class Watermarks implements WatermarkOutput {
    final List<Long> emitted = new ArrayList<>();

    @Override
    public void emitWatermark(Watermark watermark) {
      emitted.add(watermark.getTimestamp());
    }

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}
  }

  private static final StrategyContext CONTEXT = StrategyContext.unregistered(() -> 0L);

  @Test
  void boundedOutOfOrdernessExtractorTrailsTheHighestTimestampByExactlyTheBound() {
    BoundedOutOfOrdernessTimestampExtractor<Reading> extractor =
        new BoundedOutOfOrdernessTimestampExtractor<>(Time.seconds(1)) {
          @Override
          public long extractTimestamp(Reading reading) {
            return reading.time();
          }
        };
    assertThat(extractor.getMaxOutOfOrdernessInMillis()).isEqualTo(1_000);
    BoundedOutOfOrdernessTimestampExtractor<Reading> byDuration =
        new BoundedOutOfOrdernessTimestampExtractor<>(Duration.ofMillis(1_500)) {
          @Override
          public long extractTimestamp(Reading reading) {
            return reading.time();
          }
        };
    assertThat(byDuration.getMaxOutOfOrdernessInMillis()).isEqualTo(1_500);
    assertThat(byDuration.getCurrentWatermark()).isEqualTo(Watermark.UNINITIALIZED);
    assertThat(extractor.getCurrentWatermark().getTimestamp()).as("nothing seen yet").isEqualTo(Long.MIN_VALUE);
    assertThat(extractor.extractTimestamp(new Reading("a", 5_000), 0)).isEqualTo(5_000);
    assertThat(extractor.getCurrentWatermark().getTimestamp()).isEqualTo(4_000);
    assertThat(extractor.extractTimestamp(new Reading("a", 4_500), 0)).isEqualTo(4_500);
    assertThat(extractor.getCurrentWatermark().getTimestamp()).as("never goes back").isEqualTo(4_000);
    assertThatThrownBy(() -> new BoundedOutOfOrdernessTimestampExtractor<Reading>(Time.seconds(-1)) {
      @Override
      public long extractTimestamp(Reading reading) {
        return reading.time();
      }
    }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative, but was -1000 ms");
  }

  @Test
  void ascendingExtractorEmitsTheLatestTimestampMinusOneAndReportsViolations() {
    List<String> violations = new ArrayList<>();
    AscendingTimestampExtractor<Reading> extractor = new AscendingTimestampExtractor<Reading>() {
      @Override
      public long extractAscendingTimestamp(Reading reading) {
        return reading.time();
      }
    }.withViolationHandler((timestamp, last) -> violations.add(timestamp + "<" + last));
    assertThat(extractor.getCurrentWatermark().getTimestamp()).isEqualTo(Long.MIN_VALUE);
    extractor.extractTimestamp(new Reading("a", 100), 0);
    assertThat(extractor.getCurrentWatermark().getTimestamp()).isEqualTo(99);
    assertThat(extractor.extractTimestamp(new Reading("a", 50), 0)).as("keeps its timestamp").isEqualTo(50);
    assertThat(extractor.getCurrentWatermark().getTimestamp()).isEqualTo(99);
    assertThat(violations).containsExactly("50<100");

    AscendingTimestampExtractor<Reading> failing = new AscendingTimestampExtractor<Reading>() {
      @Override
      public long extractAscendingTimestamp(Reading reading) {
        return reading.time();
      }
    }.withViolationHandler(new AscendingTimestampExtractor.FailingHandler());
    failing.extractTimestamp(new Reading("a", 100), 0);
    assertThatThrownBy(() -> failing.extractTimestamp(new Reading("a", 50), 0))
        .hasMessage("AscendingTimestampExtractor: timestamp 50 is lower than the previous one, 100; the timestamps"
            + " must not decrease.");
  }

  @Test
  void aPeriodicAssignerIsAskedForItsWatermarkOnEachPeriodicEmission() {
    BoundedOutOfOrdernessTimestampExtractor<Reading> extractor =
        new BoundedOutOfOrdernessTimestampExtractor<>(Time.milliseconds(10)) {
          @Override
          public long extractTimestamp(Reading reading) {
            return reading.time();
          }
        };
    LegacyPeriodicWatermarks<Reading> strategy = new LegacyPeriodicWatermarks<>(extractor);
    TimestampAssigner<Reading> assigner = strategy.createTimestampAssigner(CONTEXT);
    WatermarkGenerator<Reading> generator = strategy.createWatermarkGenerator(CONTEXT);
    Watermarks out = new Watermarks();
    generator.onPeriodicEmit(out);
    assertThat(out.emitted).as("the initial watermark is not emitted").isEmpty();
    long timestamp = assigner.extractTimestamp(new Reading("a", 100), 0);
    generator.onEvent(new Reading("a", 100), timestamp, out);
    assertThat(out.emitted).as("a periodic assigner emits nothing per record").isEmpty();
    generator.onPeriodicEmit(out);
    assertThat(out.emitted).containsExactly(90L);
    assertThat(strategy.isNoWatermarks()).isFalse();
  }

  @Test
  void aPunctuatedAssignerIsAskedAfterEachRecord() {
    AssignerWithPunctuatedWatermarks<Reading> punctuated = new AssignerWithPunctuatedWatermarks<>() {
      @Override
      public long extractTimestamp(Reading reading, long recordTimestamp) {
        return reading.time();
      }

      @Override
      public Watermark checkAndGetNextWatermark(Reading lastElement, long extractedTimestamp) {
        return lastElement.sensor().equals("mark") ? new Watermark(extractedTimestamp) : null;
      }
    };
    LegacyPunctuatedWatermarks<Reading> strategy = new LegacyPunctuatedWatermarks<>(punctuated);
    TimestampAssigner<Reading> assigner = strategy.createTimestampAssigner(CONTEXT);
    WatermarkGenerator<Reading> generator = strategy.createWatermarkGenerator(CONTEXT);
    Watermarks out = new Watermarks();
    for (Reading reading : List.of(new Reading("a", 5), new Reading("mark", 7), new Reading("b", 9))) {
      generator.onEvent(reading, assigner.extractTimestamp(reading, 0), out);
    }
    generator.onPeriodicEmit(out);
    assertThat(out.emitted).containsExactly(7L);
  }
}
