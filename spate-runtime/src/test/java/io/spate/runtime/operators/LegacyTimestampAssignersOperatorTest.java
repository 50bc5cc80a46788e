package io.spate.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.dag.OneInputTransformation;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.Watermark;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.AssignerWithPunctuatedWatermarks;
import io.spate.api.functions.BoundedOutOfOrdernessTimestampExtractor;
import io.spate.api.operators.builtin.TimestampsAndWatermarksOperatorFactory;
import io.spate.api.windowing.time.Time;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.StreamRecord;
import io.spate.testing.TestHarnesses;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code assignTimestampsAndWatermarks} with the legacy assigners, on the operator a task runs: a
 * periodic assigner is asked at the auto-watermark interval, a punctuated one after each record.
 */
@SuppressWarnings("deprecation")
class LegacyTimestampAssignersOperatorTest {

  /** Timestamps are the values; records come at most 10 ms out of order. */
  static final class ValueTimestamps extends BoundedOutOfOrdernessTimestampExtractor<Long> {
    private static final long serialVersionUID = 1L;

    ValueTimestamps() {
      super(Time.milliseconds(10));
    }

    @Override
    public long extractTimestamp(Long value) {
      return value;
    }
  }

  /** Timestamps are the values; a multiple of 100 announces that time. */
  static final class HundredsMarkTime implements AssignerWithPunctuatedWatermarks<Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public long extractTimestamp(Long value, long recordTimestamp) {
      return value;
    }

    @Override
    public Watermark checkAndGetNextWatermark(Long lastElement, long extractedTimestamp) {
      return lastElement % 100 == 0 ? new Watermark(extractedTimestamp) : null;
    }
  }

  @SuppressWarnings("unchecked")
  private static OneInputTestHarness<Long, Long> harnessOf(DataStream<Long> assigned) {
    OneInputTransformation<Long, Long> t = (OneInputTransformation<Long, Long>) assigned.getTransformation();
    WatermarkStrategy<Long> strategy = ((TimestampsAndWatermarksOperatorFactory<Long>) t.getOperatorFactory()).strategy();
    return TestHarnesses.forTimestampsAndWatermarks(strategy);
  }

  private static DataStream<Long> input() {
    return StreamExecutionEnvironment.createLocalEnvironment(1).fromElements(0L);
  }

  @Test
  void aPeriodicAssignerIsAskedForItsWatermarkEveryAutoWatermarkInterval() throws Exception {
    OneInputTestHarness<Long, Long> harness = harnessOf(input().assignTimestampsAndWatermarks(new ValueTimestamps()));
    harness.setAutoWatermarkInterval(Duration.ofMillis(50)).open();
    harness.processElement(100L).processElement(95L);
    assertThat(harness.getOutput()).containsExactly(new StreamRecord<>(100L, 100), new StreamRecord<>(95L, 95));
    harness.setProcessingTime(49);
    assertThat(harness.getWatermarks()).as("not before the interval").isEmpty();
    harness.setProcessingTime(50);
    assertThat(harness.getWatermarks()).containsExactly(90L);
    harness.setProcessingTime(100);
    assertThat(harness.getWatermarks()).as("an unchanged watermark is not emitted again").containsExactly(90L);
    harness.processElement(200L);
    harness.setProcessingTime(149);
    assertThat(harness.getWatermarks()).containsExactly(90L);
    harness.setProcessingTime(150);
    assertThat(harness.getWatermarks()).containsExactly(90L, 190L);
  }

  @Test
  void aPeriodicAssignerEmitsNothingWhenTheIntervalIsZero() throws Exception {
    OneInputTestHarness<Long, Long> harness = harnessOf(input().assignTimestampsAndWatermarks(new ValueTimestamps()));
    harness.setAutoWatermarkInterval(Duration.ZERO).open();
    harness.processElement(100L);
    harness.setProcessingTime(1_000_000);
    assertThat(harness.getWatermarks()).isEmpty();
  }

  @Test
  void aPunctuatedAssignerEmitsRightAfterTheRecordThatCallsForIt() throws Exception {
    OneInputTestHarness<Long, Long> harness = harnessOf(input().assignTimestampsAndWatermarks(new HundredsMarkTime()));
    harness.setAutoWatermarkInterval(Duration.ofMillis(50)).open();
    harness.processElement(42L).processElement(100L).processElement(150L).processElement(300L);
    assertThat(harness.getRecordsAndWatermarks()).containsExactly(
        new StreamRecord<>(42L, 42), new StreamRecord<>(100L, 100), new Watermark(100), new StreamRecord<>(150L, 150),
        new StreamRecord<>(300L, 300), new Watermark(300));
    harness.setProcessingTime(500);
    assertThat(harness.getWatermarks()).as("nothing periodic").containsExactly(100L, 300L);
  }
}
