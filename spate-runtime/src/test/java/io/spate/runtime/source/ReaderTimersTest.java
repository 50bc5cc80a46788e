package io.spate.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The timers a source reader asks its task for: completed by the task, only once due, earliest first. */
class ReaderTimersTest {

  private static final long HOUR = TimeUnit.HOURS.toNanos(1);

  @Test
  void aTimerCompletesOnlyWhenTheTaskFiresItAfterItsDeadline() throws Exception {
    ReaderTimers timers = new ReaderTimers();
    assertThat(timers.fireDue()).isFalse();
    assertThat(timers.nextDeadline()).isEqualTo(Long.MAX_VALUE);

    long before = System.nanoTime();
    CompletableFuture<Void> soon = timers.after(TimeUnit.MILLISECONDS.toNanos(5));
    CompletableFuture<Void> late = timers.after(HOUR);
    assertThat(timers.nextDeadline() - before).isBetween(TimeUnit.MILLISECONDS.toNanos(5), HOUR);

    // nobody but fireDue completes a timer, however long one waits
    while (System.nanoTime() < timers.nextDeadline()) {
      assertThat(soon).isNotDone();
      Thread.onSpinWait();
    }
    assertThat(soon).isNotDone();
    assertThat(timers.fireDue()).isTrue();
    assertThat(soon).isDone();
    assertThat(late).isNotDone();
    assertThat(timers.fireDue()).isFalse();
    assertThat(timers.nextDeadline() - before).isGreaterThanOrEqualTo(HOUR);
  }

  @Test
  void aDelayOfZeroOrLessIsDueAfterAtLeastATick() {
    ReaderTimers timers = new ReaderTimers();
    long before = System.nanoTime();
    CompletableFuture<Void> past = timers.after(-5);
    assertThat(timers.nextDeadline()).isGreaterThan(before);
    while (!timers.fireDue()) {
      Thread.onSpinWait();
    }
    assertThat(past).isDone();
  }

  @Test
  void timersFireInDeadlineOrderWhateverTheOrderAskedIn() {
    // A clock set by hand: a scheduler pause between two requests must not reorder the deadlines.
    AtomicLong now = new AtomicLong(1_000);
    ReaderTimers timers = new ReaderTimers(now::get);
    StringBuilder order = new StringBuilder();
    timers.after(30).thenRun(() -> order.append('c'));
    timers.after(10).thenRun(() -> order.append('a'));
    timers.after(20).thenRun(() -> order.append('b'));
    assertThat(timers.nextDeadline()).isEqualTo(1_010);
    now.set(1_009);
    assertThat(timers.fireDue()).isFalse();
    now.set(1_030);
    assertThat(timers.fireDue()).isTrue();
    assertThat(order).hasToString("abc");
  }

  @Test
  void clearedTimersNeverComplete() {
    ReaderTimers timers = new ReaderTimers();
    CompletableFuture<Void> timer = timers.after(1);
    timers.clear();
    assertThat(timers.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    assertThat(timers.fireDue()).isFalse();
    assertThat(timer).isNotDone();
  }
}
