package io.spate.runtime.source;

import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * The futures a source reader asked for with {@code SourceReaderContext.availableAfter}, completed
 * by the task's own thread when their time has come: the task polls {@link #fireDue} and tells its
 * worker the {@link #nextDeadline}, so a paced reader needs no timer thread to wake it.
 */
final class ReaderTimers {

  private record Timer(long deadlineNanos, CompletableFuture<Void> future) {}

  // Guarded by itself: a reader may ask from a thread of its own, the task completes on its thread.
  private final PriorityQueue<Timer> timers = new PriorityQueue<>(
      (a, b) -> Long.compare(a.deadlineNanos, b.deadlineNanos));
  private final LongSupplier nanoClock;

  ReaderTimers() {
    this(System::nanoTime);
  }

  /** Timers on {@code nanoClock} ({@link System#nanoTime()} terms), which tests set by hand. */
  ReaderTimers(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /** A future completed by the first {@link #fireDue} at least {@code delayNanos} from now. */
  CompletableFuture<Void> after(long delayNanos) {
    CompletableFuture<Void> future = new CompletableFuture<>();
    Timer timer = new Timer(nanoClock.getAsLong() + Math.max(1, delayNanos), future);
    synchronized (timers) {
      timers.add(timer);
    }
    return future;
  }

  /** Completes the futures whose time has come; true if there were any. */
  boolean fireDue() {
    synchronized (timers) {
      if (timers.isEmpty()) {
        return false;
      }
    }
    long now = nanoClock.getAsLong();
    boolean fired = false;
    while (true) {
      Timer due;
      synchronized (timers) {
        Timer first = timers.peek();
        if (first == null || first.deadlineNanos - now > 0) {
          return fired;
        }
        due = timers.poll();
      }
      // outside the lock: completing runs the reader's dependent actions
      due.future.complete(null);
      fired = true;
    }
  }

  /** The earliest deadline ({@link System#nanoTime()} terms), or {@link Long#MAX_VALUE} if none. */
  long nextDeadline() {
    synchronized (timers) {
      Timer first = timers.peek();
      return first == null ? Long.MAX_VALUE : first.deadlineNanos;
    }
  }

  /** Forgets all timers without completing them. */
  void clear() {
    synchronized (timers) {
      timers.clear();
    }
  }
}
