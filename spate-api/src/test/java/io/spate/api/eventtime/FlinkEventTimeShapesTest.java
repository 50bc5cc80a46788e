package io.spate.api.eventtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.text.SimpleDateFormat;
import java.time.Duration;
import io.spate.api.util.ManualClock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** Flink's shapes of watermarks, alignment parameters and timestamp assigner suppliers. */
class FlinkEventTimeShapesTest {

  // 1970-01-01 to 9999-12-31: the range where java.time and the Julian-aware SimpleDateFormat agree
  private static final long LAST_MILLI_OF_9999 = 253_402_300_799_999L;

  @Test
  void theFormattedTimestampIsWhatFlinksDateFormatPrints() {
    qt().forAll(SourceDSL.longs().between(0, LAST_MILLI_OF_9999)).checkAssert(timestamp ->
        assertThat(new Watermark(timestamp).getFormattedTimestamp())
            .isEqualTo(new SimpleDateFormat("yyyy-MM-dd HH:mm:ss.SSS").format(new Date(timestamp))));
  }

  @Test
  void theFormattedTimestampHasMilliseconds() {
    assertThat(new Watermark(1_234).getFormattedTimestamp()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.234");
  }

  @Test
  void alignmentParametersInFlinksFormAreTheDurationFormInMilliseconds() {
    WatermarkAlignmentParams flink = new WatermarkAlignmentParams(2_000, "group", 500);
    assertThat(flink).isEqualTo(new WatermarkAlignmentParams("group", Duration.ofSeconds(2), Duration.ofMillis(500)));
    assertThat(flink.isEnabled()).isTrue();
    assertThat(flink.getMaxAllowedWatermarkDrift()).isEqualTo(2_000);
    assertThat(flink.getWatermarkGroup()).isEqualTo("group");
    assertThat(flink.getUpdateInterval()).isEqualTo(500);
  }

  @Test
  void anUnboundedDriftDisablesAlignment() {
    WatermarkAlignmentParams disabled = WatermarkAlignmentParams.WATERMARK_ALIGNMENT_DISABLED;
    assertThat(disabled.isEnabled()).isFalse();
    assertThat(disabled.getMaxAllowedWatermarkDrift()).isEqualTo(Long.MAX_VALUE);
    assertThat(new WatermarkAlignmentParams(Long.MAX_VALUE, "", 0)).isEqualTo(disabled);
  }

  @Test
  void enabledAlignmentStillNeedsAGroupAndAnInterval() {
    assertThatThrownBy(() -> new WatermarkAlignmentParams(1_000, " ", 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group");
    assertThatThrownBy(() -> new WatermarkAlignmentParams(1_000, "g", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("update interval");
  }

  @Test
  void theSupplierOfASerializableAssignerHandsOutThatAssigner() {
    SerializableTimestampAssigner<String> byLength = (word, previous) -> word.length();
    TimestampAssignerSupplier.SupplierFromSerializableTimestampAssigner<String> supplier =
        new TimestampAssignerSupplier.SupplierFromSerializableTimestampAssigner<>(byLength);
    assertThat(supplier.createTimestampAssigner(() -> null).extractTimestamp("four", 0)).isEqualTo(4);
    assertThat(TimestampAssignerSupplier.of(byLength))
        .isInstanceOf(TimestampAssignerSupplier.SupplierFromSerializableTimestampAssigner.class);
    assertThatThrownBy(() -> new TimestampAssignerSupplier.SupplierFromSerializableTimestampAssigner<String>(null))
        .hasMessageContaining("must not be null");
  }

  @Test
  void idlenessIsMeasuredOnTheRelativeClockGivenInFlinksForm() {
    ManualClock clock = new ManualClock();
    WatermarksWithIdleness<String> watermarks = new WatermarksWithIdleness<>(
        new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO), Duration.ofMillis(100), clock);
    List<String> seen = new ArrayList<>();
    WatermarkOutput output = new WatermarkOutput() {
      @Override
      public void emitWatermark(Watermark watermark) {
        seen.add("watermark " + watermark.getTimestamp());
      }

      @Override
      public void markIdle() {
        seen.add("idle");
      }

      @Override
      public void markActive() {
        seen.add("active");
      }
    };
    watermarks.onEvent("a", 10, output);
    watermarks.onPeriodicEmit(output);
    clock.advanceTime(Duration.ofMillis(99));
    watermarks.onPeriodicEmit(output);
    assertThat(seen).doesNotContain("idle");
    clock.advanceTime(Duration.ofMillis(2));
    watermarks.onPeriodicEmit(output);
    assertThat(seen).last().isEqualTo("idle");
    assertThatThrownBy(() -> new WatermarksWithIdleness<>(new BoundedOutOfOrdernessWatermarks<String>(Duration.ZERO),
        Duration.ofMillis(100), (io.spate.api.util.RelativeClock) null)).hasMessageContaining("clock");
  }
}
