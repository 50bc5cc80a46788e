package io.spate.runtime.tasks;

import io.spate.api.operators.ProcessingTimeService;
import java.util.PriorityQueue;
import java.util.function.LongSupplier;

/**
 * A task's wall clock and its queue of processing-time callbacks. Callbacks run on the task's
 * thread when the task polls them, so operator code stays single-threaded.
 */
public final class TaskProcessingTimeService implements ProcessingTimeService {

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

  /** Drops every scheduled callback. */
  public void clear() {
    queue.clear();
  }
}
