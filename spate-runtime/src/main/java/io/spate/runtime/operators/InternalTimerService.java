package io.spate.runtime.operators;

import io.spate.runtime.tasks.ProcessingTimeService;

/**
 * The timers of a keyed operator: at most one per key, namespace and timestamp in each time domain,
 * fired in timestamp order, event-time ones when the watermark passes them, processing-time ones
 * when the clock does. The namespace is the window for window operators, else
 * {@link io.spate.runtime.state.VoidNamespace}.
 */
public final class InternalTimerService {

  /**
   * A fired timer.
   *
   * @param timestamp when it fired
   * @param key the key it belongs to
   * @param namespace the namespace it was set in
   */
  public record Timer(long timestamp, Object key, Object namespace) {}

  /** Receives fired timers. */
  public interface Target {
    /** An event-time timer fired. */
    void onEventTime(Timer timer) throws Exception;

    /** A processing-time timer fired. */
    void onProcessingTime(Timer timer) throws Exception;
  }

  private final TimerQueue eventTimers = new TimerQueue();
  private final TimerQueue processingTimers = new TimerQueue();
  private final ProcessingTimeService processingTimeService;
  private final Target target;
  private long currentWatermark = Long.MIN_VALUE;
  private long scheduledProcessingTime = Long.MAX_VALUE;
  private boolean holdProcessingTimers;

  /** Creates the service firing into {@code target}. */
  public InternalTimerService(ProcessingTimeService processingTimeService, Target target) {
    this.processingTimeService = processingTimeService;
    this.target = target;
  }

  /**
   * Keeps processing-time timers until {@link #fireAllProcessingTimers()} instead of firing them on
   * the clock, as BATCH execution does (they fire at the end of input).
   */
  public void holdProcessingTimersUntilEnd() {
    holdProcessingTimers = true;
  }

  /** Fires every remaining processing-time timer in timestamp order, whatever the clock says. */
  public void fireAllProcessingTimers() throws Exception {
    TimerQueue.Timer timer;
    while ((timer = processingTimers.poll()) != null) {
      target.onProcessingTime(new Timer(timer.timestamp, timer.key, timer.namespace));
    }
  }

  /** The last watermark seen. */
  public long currentWatermark() {
    return currentWatermark;
  }

  /** The current processing time. */
  public long currentProcessingTime() {
    return processingTimeService.currentProcessingTime();
  }

  /** Sets an event-time timer for {@code key} in {@code namespace}. */
  public void registerEventTimeTimer(Object key, Object namespace, long time) {
    eventTimers.add(time, key, namespace);
  }

  /** Removes an event-time timer of {@code key} in {@code namespace}. */
  public void deleteEventTimeTimer(Object key, Object namespace, long time) {
    eventTimers.remove(time, key, namespace);
  }

  /** Sets a processing-time timer for {@code key} in {@code namespace}. */
  public void registerProcessingTimeTimer(Object key, Object namespace, long time) {
    if (processingTimers.add(time, key, namespace) && !holdProcessingTimers && time < scheduledProcessingTime) {
      scheduledProcessingTime = time;
      processingTimeService.schedule(time, this::fireProcessingTimers);
    }
  }

  /** Removes a processing-time timer of {@code key} in {@code namespace}. */
  public void deleteProcessingTimeTimer(Object key, Object namespace, long time) {
    processingTimers.remove(time, key, namespace);
  }

  /** The number of timers set, for tests and metrics. */
  public int numberOfTimers() {
    return eventTimers.size() + processingTimers.size();
  }

  /** Fires every event-time timer at or below {@code watermark}, in timestamp order. */
  public void advanceWatermark(long watermark) throws Exception {
    currentWatermark = watermark;
    TimerQueue.Timer timer;
    while ((timer = eventTimers.peek()) != null && timer.timestamp <= watermark) {
      eventTimers.poll();
      target.onEventTime(new Timer(timer.timestamp, timer.key, timer.namespace));
    }
  }

  private void fireProcessingTimers(long scheduledTime) throws Exception {
    if (scheduledTime != scheduledProcessingTime) {
      return; // superseded by an earlier schedule that already ran
    }
    scheduledProcessingTime = Long.MAX_VALUE;
    long now = processingTimeService.currentProcessingTime();
    TimerQueue.Timer timer;
    while ((timer = processingTimers.peek()) != null && timer.timestamp <= now) {
      processingTimers.poll();
      target.onProcessingTime(new Timer(timer.timestamp, timer.key, timer.namespace));
    }
    if (timer != null && timer.timestamp < scheduledProcessingTime) {
      scheduledProcessingTime = timer.timestamp;
      processingTimeService.schedule(timer.timestamp, this::fireProcessingTimers);
    }
  }
}
