package io.spate.api.eventtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation of strategies at API call time, the idleness wrapper, and ingestion time. */
class WatermarkStrategyTest {

  @Test
  void rejectsIdlenessTimeoutsThatAreNotPositive() {
    WatermarkStrategy<String> s = WatermarkStrategy.forMonotonousTimestamps();
    assertThatThrownBy(() -> s.withIdleness(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("The idleness timeout must be positive, got PT0S");
    assertThatThrownBy(() -> s.withIdleness(Duration.ofSeconds(-1)))
        .hasMessage("The idleness timeout must be positive, got PT-1S");
    assertThatThrownBy(() -> s.withIdleness(null)).hasMessage("The idleness timeout must be positive, got null");
    assertThatThrownBy(() -> s.withIdleness(Duration.ofNanos(10)))
        .hasMessage("The idleness timeout must be at least 1 ms, got PT0.00000001S");
  }

  @Test
  void rejectsAlignmentDriftsAndIntervalsThatAreNotPositive() {
    WatermarkStrategy<String> s = WatermarkStrategy.forMonotonousTimestamps();
    assertThatThrownBy(() -> s.withWatermarkAlignment("g", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The maximum allowed watermark drift of alignment group 'g' must be positive, got PT0S");
    assertThatThrownBy(() -> s.withWatermarkAlignment("g", Duration.ofMillis(-5)))
        .hasMessage("The maximum allowed watermark drift of alignment group 'g' must be positive, got PT-0.005S");
    assertThatThrownBy(() -> s.withWatermarkAlignment("g", Duration.ofSeconds(1), Duration.ZERO))
        .hasMessage("The watermark alignment update interval of group 'g' must be positive, got PT0S");
    assertThatThrownBy(() -> s.withWatermarkAlignment(" ", Duration.ofSeconds(1)))
        .hasMessage("The watermark alignment group needs a non-blank name, got ' '");
    assertThat(s.withWatermarkAlignment("g", Duration.ofSeconds(2)).getAlignmentParameters())
        .isEqualTo(new WatermarkAlignmentParams("g", Duration.ofSeconds(2), Duration.ofSeconds(1)));
  }

  @Test
  void rejectsNegativeOutOfOrderness() {
    assertThatThrownBy(() -> WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(-1)))
        .hasMessage("The maximum out-of-orderness must be zero or positive, got PT-0.001S");
  }

  /** Records what a generator emits. */
  static final class Recorded implements WatermarkOutput {
    final List<Object> out = new ArrayList<>();

    @Override
    public void emitWatermark(Watermark watermark) {
      out.add(watermark.timestamp());
    }

    @Override
    public void markIdle() {
      out.add("idle");
    }

    @Override
    public void markActive() {
      out.add("active");
    }
  }

  @Test
  void idlenessIsMeasuredOnTheGivenClockFromTheLastEvent() {
    long[] now = {0};
    WatermarkGenerator<String> g = WatermarkStrategy.<String>forMonotonousTimestamps()
        .withIdleness(Duration.ofMillis(100)).createWatermarkGenerator(() -> now[0]);
    Recorded out = new Recorded();
    g.onEvent("a", 10, out);
    now[0] = 50;
    g.onPeriodicEmit(out);      // activity seen: quiet since 50
    now[0] = 149;
    g.onPeriodicEmit(out);
    now[0] = 150;
    g.onPeriodicEmit(out);      // idle, and no watermark while idle
    now[0] = 500;
    g.onPeriodicEmit(out);      // marked idle only once
    g.onEvent("b", 20, out);
    g.onPeriodicEmit(out);
    assertThat(out.out).containsExactly(9L, 9L, "idle", "active", 19L);
  }

  @Test
  void ingestionTimeIsTheWallClockAndNeverDecreases() {
    IngestionTimeAssigner<String> assigner = new IngestionTimeAssigner<>();
    long before = System.currentTimeMillis();
    long first = assigner.extractTimestamp("a", 42L);
    long second = assigner.extractTimestamp("b", Long.MIN_VALUE);
    long after = System.currentTimeMillis();
    assertThat(first).isBetween(before, after);
    assertThat(second).isBetween(first, after);
  }
}
