package io.spate.api.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The manual clock moves only when told to; the system clock reads the JVM's clocks. */
class ClockTest {

  @Test
  void aManualClockAdvancesByWhatItIsTold() {
    ManualClock clock = new ManualClock(5_000_000);
    assertThat(clock.relativeTimeNanos()).isEqualTo(5_000_000);
    assertThat(clock.relativeTimeMillis()).isEqualTo(5);
    assertThat(clock.absoluteTimeMillis()).isEqualTo(5);
    clock.advanceTime(2, TimeUnit.SECONDS);
    clock.advanceTime(Duration.ofMillis(3));
    assertThat(clock.relativeTimeMillis()).isEqualTo(2_008);
    assertThat(clock.relativeTimeNanos()).isEqualTo(2_008_000_000L);
    clock.advanceTime(Duration.ofMillis(-8));
    assertThat(new ManualClock().relativeTimeNanos()).isZero();
    assertThat(clock.absoluteTimeMillis()).isEqualTo(2_000);
  }

  @Test
  void theSystemClockReadsTheJvmsClocks() {
    Clock clock = SystemClock.getInstance();
    long wallBefore = System.currentTimeMillis();
    long nanosBefore = System.nanoTime();
    long wall = clock.absoluteTimeMillis();
    long nanos = clock.relativeTimeNanos();
    long millis = clock.relativeTimeMillis();
    assertThat(wall).isBetween(wallBefore, System.currentTimeMillis());
    assertThat(nanos).isBetween(nanosBefore, System.nanoTime());
    assertThat(millis).isBetween(nanosBefore / 1_000_000, System.nanoTime() / 1_000_000);
    assertThat(SystemClock.getInstance()).isSameAs(clock);
    RelativeClock relative = clock;
    assertThat(relative.relativeTimeNanos()).isGreaterThanOrEqualTo(nanos);
  }
}
