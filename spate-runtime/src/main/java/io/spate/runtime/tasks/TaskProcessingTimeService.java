package io.spate.runtime.tasks;

import io.spate.api.operators.ProcessingTimeService;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * A task's wall clock and its queue of processing-time callbacks. Callbacks run on the task's
 * thread when the task polls them, so operator code stays single-threaded.
 */
public final class TaskProcessingTimeService implements ProcessingTimeService {

  // How often a task looks in the millisecond before a timer: the clock counts whole milliseconds.
  private static final long TIMER_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

  private record Scheduled(long time, long sequence, ProcessingTimeCallback callback) {}

  private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
      (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.sequence, b.sequence));
  private final LongSupplier clock;
  private long sequence;

  /** A service on the wall clock. */
  public TaskProcessingTimeService() {
    this(System::currentTimeMillis);
  }

  /** A service on {@code clock} (milliseconds), such as a manual clock in tests. */
  public TaskProcessingTimeService(LongSupplier clock) {
    this.clock = clock;
  }

  @Override
  public long getCurrentProcessingTime() {
    return clock.getAsLong();
  }

  @Override
  public void registerTimer(long time, ProcessingTimeCallback callback) {
    queue.add(new Scheduled(time, sequence++, callback));
  }

  /** The time of the earliest callback, or {@code Long.MAX_VALUE} if none is scheduled. */
  public long nextScheduledTime() {
    Scheduled head = queue.peek();
    return head == null ? Long.MAX_VALUE : head.time;
  }

  /** Runs every callback due at {@code now}; returns whether any ran. */
  public boolean fireDue(long now) throws Exception {
    boolean fired = false;
    Scheduled head;
    while ((head = queue.peek()) != null && head.time <= now) {
      queue.poll();
      head.callback.onProcessingTime(head.time);
      fired = true;
    }
    return fired;
  }

  /**
   * Runs the callbacks that are due, for a task stepped at {@code stepStartNanos} ({@code
   * System.nanoTime()}), and has the task stepped again when the next one is due through {@code
   * wakeBy} (a deadline in nanos; may be null before the task has a worker): its worker sleeps
   * through quiet spells, and nothing else would wake it for a timer. In the last millisecond before
   * a timer the task looks every {@link #TIMER_POLL_NANOS}. Returns whether any callback ran.
   */
  public boolean fireDue(long stepStartNanos, LongConsumer wakeBy) throws Exception {
    if (nextScheduledTime() == Long.MAX_VALUE) {
      return false;
    }
    long now = getCurrentProcessingTime();
    boolean fired = nextScheduledTime() <= now && fireDue(now);
    long next = nextScheduledTime();
    if (next != Long.MAX_VALUE && wakeBy != null) {
      long millisAhead = Math.min(next - now - 1, 1_000); // a worker never parks that long anyway
      wakeBy.accept(stepStartNanos + Math.max(TIMER_POLL_NANOS, TimeUnit.MILLISECONDS.toNanos(millisAhead)));
    }
    return fired;
  }

  /** Drops every scheduled callback. */
  public void clear() {
    queue.clear();
  }
}
