package io.spate.runtime.taskexecutor;

import java.util.concurrent.locks.LockSupport;

/**
 * Wakes one worker thread of a {@link WorkerPool} when something its tasklets wait for happens (a
 * batch arrived, room was made in an output, a source has data again, mail came). A worker that
 * found no work parks only if no wake-up came since it last looked, so none is lost; without one
 * it still looks again after a short park, so a missed signal costs latency, never progress.
 */
public final class Waker implements Runnable {

  private final Thread worker;
  private volatile boolean requested;
  private volatile boolean parked;

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

  /** Worker: forgets earlier wake-ups before it looks at its tasklets. */
  void clear() {
    if (requested) {
      requested = false;
    }
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
