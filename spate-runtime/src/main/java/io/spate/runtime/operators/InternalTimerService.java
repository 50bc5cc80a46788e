package io.spate.runtime.operators;

import io.spate.runtime.tasks.ProcessingTimeService;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The timers of a keyed operator: at most one per key and timestamp in each time domain, fired in
 * timestamp order, event-time ones when the watermark passes them, processing-time ones when the
 * clock does.
 */
public final class InternalTimerService {

  /**
   * A timer.
   *
   * @param timestamp when it fires
   * @param key the key it belongs to
   */
  public record Timer(long timestamp, Object key) {}

  /** Receives fired timers. */
  public interface Target {
    /** An event-time timer fired. */
    void onEventTime(Timer timer) throws Exception;

    /** A processing-time timer fired. */
    void onProcessingTime(Timer timer) throws Exception;
  }

  private final PriorityQueue<Timer> eventTimers =
      new PriorityQueue<>((a, b) -> Long.compare(a.timestamp, b.timestamp));
  private final Set<Timer> eventTimerSet = new HashSet<>();
  private final PriorityQueue<Timer> processingTimers =
      new PriorityQueue<>((a, b) -> Long.compare(a.timestamp, b.timestamp));
  private final Set<Timer> processingTimerSet = new HashSet<>();
  private final ProcessingTimeService processingTimeService;
  private final Target target;
  private long currentWatermark = Long.MIN_VALUE;
  private long scheduledProcessingTime = Long.MAX_VALUE;

  /** Creates the service firing into {@code target}. */
  public InternalTimerService(ProcessingTimeService processingTimeService, Target target) {
    this.processingTimeService = processingTimeService;
    this.target = target;
  }

  /** The last watermark seen. */
  public long currentWatermark() {
    return currentWatermark;
  }

  /** The current processing time. */
  public long currentProcessingTime() {
    return processingTimeService.currentProcessingTime();
  }

  /** Sets an event-time timer for {@code key}. */
  public void registerEventTimeTimer(Object key, long time) {
    Timer timer = new Timer(time, key);
    if (eventTimerSet.add(timer)) {
      eventTimers.add(timer);
    }
  }

  /** Removes an event-time timer of {@code key}. */
  public void deleteEventTimeTimer(Object key, long time) {
    Timer timer = new Timer(time, key);
    if (eventTimerSet.remove(timer)) {
      eventTimers.remove(timer);
    }
  }

  /** Sets a processing-time timer for {@code key}. */
  public void registerProcessingTimeTimer(Object key, long time) {
    Timer timer = new Timer(time, key);
    if (processingTimerSet.add(timer)) {
      processingTimers.add(timer);
      if (time < scheduledProcessingTime) {
        scheduledProcessingTime = time;
        processingTimeService.schedule(time, this::fireProcessingTimers);
      }
    }
  }

  /** Removes a processing-time timer of {@code key}. */
  public void deleteProcessingTimeTimer(Object key, long time) {
    Timer timer = new Timer(time, key);
    if (processingTimerSet.remove(timer)) {
      processingTimers.remove(timer);
    }
  }

  /** Fires every event-time timer at or below {@code watermark}, in timestamp order. */
  public void advanceWatermark(long watermark) throws Exception {
    currentWatermark = watermark;
    Timer timer;
    while ((timer = eventTimers.peek()) != null && timer.timestamp <= watermark) {
      eventTimers.poll();
      eventTimerSet.remove(timer);
      target.onEventTime(timer);
    }
  }

  private void fireProcessingTimers(long scheduledTime) throws Exception {
    if (scheduledTime != scheduledProcessingTime) {
      return; // superseded by an earlier schedule that already ran
    }
    scheduledProcessingTime = Long.MAX_VALUE;
    long now = processingTimeService.currentProcessingTime();
    Timer timer;
    while ((timer = processingTimers.peek()) != null && timer.timestamp <= now) {
      processingTimers.poll();
      processingTimerSet.remove(timer);
      target.onProcessingTime(timer);
    }
    if (timer != null && timer.timestamp < scheduledProcessingTime) {
      scheduledProcessingTime = timer.timestamp;
      processingTimeService.schedule(timer.timestamp, this::fireProcessingTimers);
    }
  }
}
