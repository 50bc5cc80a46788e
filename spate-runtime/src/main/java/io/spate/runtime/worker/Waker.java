package io.spate.runtime.worker;

import java.util.concurrent.locks.LockSupport;

/**
 * Wakes one worker thread of a {@link WorkerPool} when something its tasklets wait for happens (a
 * batch arrived, room was made in an output, a source has data again, mail came). A worker that
 * found no work parks only if no wake-up came since it last looked, so none is lost; without one
 * it still looks again after a short park, so a missed signal costs latency, never progress. A
 * tasklet that waits for a time rather than an event (a paced source) names it with {@link #wakeBy},
 * and the worker parks no longer than that, so no timer thread has to wake it.
 */
public final class Waker implements Runnable {

  private final Thread worker;
  private volatile boolean requested;
  private volatile boolean parked;
  // Only the worker thread reads and writes it: tasklets call wakeBy from their steps.
  private long deadlineNanos = Long.MAX_VALUE;

  Waker(Thread worker) {
    this.worker = worker;
  }

  /** Asks the worker to look at its tasklets again; cheap when it is not parked. */
  @Override
  public void run() {
    if (!requested) {
      requested = true;
    }
    if (parked) {
      LockSupport.unpark(worker);
    }
  }

  /**
   * Asks the worker to look at its tasklets again no later than {@code deadlineNanos} ({@link
   * System#nanoTime()} terms) even if nothing wakes it. Only a tasklet's step may call it, and only
   * for the round it runs in: a tasklet still waiting in the next round asks again.
   */
  public void wakeBy(long deadlineNanos) {
    if (deadlineNanos < this.deadlineNanos) {
      this.deadlineNanos = deadlineNanos;
    }
  }

  /** Worker: forgets earlier wake-ups and deadlines before it looks at its tasklets. */
  void clear() {
    if (requested) {
      requested = false;
    }
    deadlineNanos = Long.MAX_VALUE;
  }

  /** Worker: nanoseconds to the earliest deadline asked for since {@link #clear}; {@link Long#MAX_VALUE} if none. */
  long nanosToDeadline() {
    return deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
  }

  /** Worker: parks up to {@code nanos} unless a wake-up came since {@link #clear}. */
  void park(long nanos) {
    parked = true;
    if (!requested) {
      LockSupport.parkNanos(this, nanos);
    }
    parked = false;
  }
}
