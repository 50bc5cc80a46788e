package io.spate.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How a task's steps split its time into busy, backpressured and idle, on a clock the test moves. */
class TaskTimeAccountTest {

  private long now = 1_000_000_000L;
  private final TaskTimeAccount account = new TaskTimeAccount(() -> now);

  private void advanceMillis(long millis) {
    now += TimeUnit.MILLISECONDS.toNanos(millis);
  }

  @Test
  void stepsThatDoWorkAreBusyAndTheTimeBetweenThemIsIdle() {
    for (int i = 0; i < 10; i++) {
      account.stepStarted(now);
      advanceMillis(30);
      account.stepEnded(true, false);
      advanceMillis(70);
    }
    assertThat(account.busyMsPerSecond()).isEqualTo(300);
    assertThat(account.backPressuredMsPerSecond()).isZero();
    assertThat(account.idleMsPerSecond()).isEqualTo(700);
  }

  @Test
  void fromAStepThatFoundItsOutputFullUntilTheNextStepTheTaskIsBackpressured() {
    account.stepStarted(now);
    advanceMillis(200);
    account.stepEnded(true, false);
    account.stepStarted(now);
    advanceMillis(1);
    account.stepEnded(false, true);
    advanceMillis(599);
    // Still waiting: the wait in progress counts.
    assertThat(account.backPressuredMsPerSecond()).isEqualTo(750);
    assertThat(account.busyMsPerSecond()).isEqualTo(250);
    account.stepStarted(now);
    advanceMillis(200);
    account.stepEnded(false, false); // a step that found no input is idle time
    assertThat(account.busyMsPerSecond()).isEqualTo(200);
    assertThat(account.backPressuredMsPerSecond()).isEqualTo(600);
    assertThat(account.idleMsPerSecond()).isEqualTo(200);
  }

  @Test
  void aLongStepCountsAsBusyWhileItRuns() {
    advanceMillis(500);
    account.stepStarted(now);
    advanceMillis(1500);
    assertThat(account.busyMsPerSecond()).isEqualTo(750);
    assertThat(account.idleMsPerSecond()).isEqualTo(250);
  }

  @Test
  void theRatesCoverTheLastMinuteOfSamples() {
    // A busy first minute, then an idle one: after it only the idle minute counts.
    for (int second = 0; second < 120; second++) {
      if (second < 60) {
        account.stepStarted(now);
        advanceMillis(1000);
        account.stepEnded(true, false);
      } else {
        advanceMillis(1000);
      }
      if ((second + 1) % 5 == 0) {
        account.sample();
      }
    }
    assertThat(account.busyMsPerSecond()).isZero();
    assertThat(account.idleMsPerSecond()).isEqualTo(1000);
  }
}
