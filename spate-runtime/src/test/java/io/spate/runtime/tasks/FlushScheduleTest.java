package io.spate.runtime.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a task hands its partly filled batches over, and when it asks its worker to wake it for that. */
class FlushScheduleTest {

  private static final long TIMEOUT = 100_000_000L; // 100 ms
  private static final long IDLE = 100_000L; // 100 us

  private final List<Long> wakeUps = new ArrayList<>();
  private final FlushSchedule schedule = new FlushSchedule(TIMEOUT, IDLE);

  @Test
  void aBusyTaskHandsOverOncePerBufferTimeout() {
    long start = 1_000_000_000L;
    assertThat(schedule.flushNow(start, true, true, wakeUps::add)).isTrue(); // the first hand-over ever
    assertThat(schedule.flushNow(start + TIMEOUT / 2, true, true, wakeUps::add)).isFalse();
    assertThat(schedule.flushNow(start + TIMEOUT, true, true, wakeUps::add)).isFalse();
    assertThat(schedule.flushNow(start + TIMEOUT + 1, true, true, wakeUps::add)).isTrue();
    assertThat(wakeUps).isEmpty();
  }

  @Test
  void aDryTaskHandsOverAtOnceAfterAQuietSpellAndOtherwiseAsksToBeWokenForIt() {
    long start = 1_000_000_000L;
    schedule.flushNow(start, true, true, wakeUps::add);
    // the input ran dry right after a hand-over: not again before the idle delay, but woken for it
    assertThat(schedule.flushNow(start + 10, false, true, wakeUps::add)).isFalse();
    assertThat(wakeUps).containsExactly(start + IDLE);
    assertThat(schedule.flushNow(start + IDLE, false, true, wakeUps::add)).isTrue();
    // after a quiet spell the first record goes out at the first dry step
    assertThat(schedule.flushNow(start + 50 * IDLE, false, true, wakeUps::add)).isTrue();
    assertThat(wakeUps).containsExactly(start + IDLE);
  }

  @Test
  void aDryTaskWithNothingToHandOverAsksForNoWakeUp() {
    long start = 1_000_000_000L;
    schedule.flushNow(start, true, true, wakeUps::add);
    for (long t = start + 1; t < start + 20 * IDLE; t += IDLE / 4) {
      assertThat(schedule.flushNow(t, false, false, wakeUps::add)).isFalse();
    }
    assertThat(wakeUps).as("an idle sink or a producer whose batches are all out sleeps until input comes")
        .isEmpty();
    // its first record after that goes out at once
    assertThat(schedule.flushNow(start + 20 * IDLE, false, true, wakeUps::add)).isTrue();
  }

  @Test
  void withoutAWorkerADryTaskHandsOverAtOnce() {
    schedule.flushNow(5_000, true, true, null);
    assertThat(schedule.flushNow(5_001, false, true, null)).isTrue();
  }

  @Test
  void aBufferTimeoutShorterThanTheIdleDelayBoundsBoth() {
    FlushSchedule eager = new FlushSchedule(10, IDLE);
    eager.flushNow(1_000, true, true, wakeUps::add);
    assertThat(eager.flushNow(1_005, false, true, wakeUps::add)).isFalse();
    assertThat(wakeUps).containsExactly(1_010L);
    assertThat(eager.flushNow(1_011, true, true, wakeUps::add)).isTrue();
  }
}
