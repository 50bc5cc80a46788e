package io.spate.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.eventtime.Watermark;
import io.spate.api.eventtime.WatermarkGenerator;
import io.spate.api.eventtime.WatermarkOutput;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.operators.WatermarkStatus;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.TestHarnesses;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code assignTimestampsAndWatermarks}: periodic emission, idleness and the auto-watermark interval. */
class TimestampsAndWatermarksOperatorTest {

  private static WatermarkStrategy<Long> monotonous() {
    return WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v);
  }

  @Test
  void turnsIdleAfterTheTimeoutWithoutRecordsAndActiveWithTheNextRecord() throws Exception {
    OneInputTestHarness<Long, Long> harness = TestHarnesses.forTimestampsAndWatermarks(
        monotonous().withIdleness(Duration.ofMillis(100)));
    harness.setAutoWatermarkInterval(Duration.ofMillis(10)).open();
    harness.processElement(1_000L);
    harness.setProcessingTime(10);   // sees the record: quiet from here
    harness.setProcessingTime(100);
    assertThat(harness.getWatermarkStatuses()).isEmpty();
    harness.setProcessingTime(110);
    assertThat(harness.getWatermarkStatuses()).containsExactly(WatermarkStatus.IDLE);
    assertThat(harness.getWatermarks()).containsExactly(999L);
    harness.processElement(2_000L);
    assertThat(harness.getWatermarkStatuses()).containsExactly(WatermarkStatus.IDLE, WatermarkStatus.ACTIVE);
    harness.setProcessingTime(120);
    assertThat(harness.getWatermarks()).containsExactly(999L, 1_999L);
  }

  @Test
  void neverTurnsIdleWithoutAnIdlenessTimeout() throws Exception {
    OneInputTestHarness<Long, Long> harness = TestHarnesses.forTimestampsAndWatermarks(monotonous());
    harness.setAutoWatermarkInterval(Duration.ofMillis(10)).open();
    harness.processElement(1_000L);
    harness.setProcessingTime(1_000_000);
    assertThat(harness.getWatermarkStatuses()).isEmpty();
  }

  @Test
  void forwardsTheIdlenessOfItsInput() throws Exception {
    OneInputTestHarness<Long, Long> harness = TestHarnesses.forTimestampsAndWatermarks(monotonous());
    harness.processWatermarkStatus(WatermarkStatus.IDLE);
    harness.processWatermarkStatus(WatermarkStatus.ACTIVE);
    assertThat(harness.getWatermarkStatuses()).containsExactly(WatermarkStatus.IDLE, WatermarkStatus.ACTIVE);
  }

  @Test
  void emitsPeriodicallyAtTheConfiguredInterval() throws Exception {
    OneInputTestHarness<Long, Long> harness = TestHarnesses.forTimestampsAndWatermarks(monotonous());
    harness.setAutoWatermarkInterval(Duration.ofMillis(50)).open();
    harness.processElement(100L);
    harness.setProcessingTime(49);
    assertThat(harness.getWatermarks()).isEmpty();
    harness.setProcessingTime(50);
    harness.processElement(200L);
    harness.setProcessingTime(100);
    assertThat(harness.getWatermarks()).containsExactly(99L, 199L);
  }

  @Test
  void aZeroIntervalTurnsPeriodicEmissionOffButNotPunctuatedWatermarks() throws Exception {
    OneInputTestHarness<Long, Long> periodic = TestHarnesses.forTimestampsAndWatermarks(monotonous());
    periodic.setAutoWatermarkInterval(Duration.ZERO).open();
    periodic.processElement(100L);
    periodic.setProcessingTime(1_000_000);
    assertThat(periodic.getWatermarks()).isEmpty();

    WatermarkStrategy<Long> punctuated = WatermarkStrategy.<Long>forGenerator(() -> new WatermarkGenerator<>() {
      @Override
      public void onEvent(Long event, long eventTimestamp, WatermarkOutput output) {
        output.emitWatermark(new Watermark(eventTimestamp));
      }

      @Override
      public void onPeriodicEmit(WatermarkOutput output) {}
    }).withTimestampAssigner((v, ts) -> v);
    OneInputTestHarness<Long, Long> harness = TestHarnesses.forTimestampsAndWatermarks(punctuated);
    harness.setAutoWatermarkInterval(Duration.ZERO).open();
    harness.processElement(100L);
    harness.processElement(300L);
    assertThat(harness.getWatermarks()).containsExactly(100L, 300L);
  }

  @Test
  void aFailingPeriodicGeneratorFailsNamingTheOperator() throws Exception {
    WatermarkStrategy<Long> failing = WatermarkStrategy.<Long>forGenerator(() -> new WatermarkGenerator<>() {
      @Override
      public void onEvent(Long event, long eventTimestamp, WatermarkOutput output) {}

      @Override
      public void onPeriodicEmit(WatermarkOutput output) {
        throw new IllegalStateException("generator broke");
      }
    });
    OneInputTestHarness<Long, Long> harness = TestHarnesses.forTimestampsAndWatermarks(failing);
    harness.open();
    assertThatThrownBy(() -> harness.setProcessingTime(200))
        .isInstanceOf(OperatorFailure.class)
        .hasMessageContaining("Timestamps/Watermarks")
        .hasMessageContaining("generator broke");
  }
}
