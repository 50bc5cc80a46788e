package io.spate.runtime.operators;

import io.spate.api.annotation.Internal;
import io.spate.runtime.timers.HeapTimerQueue;
import io.spate.runtime.timers.Timer;
import io.spate.runtime.timers.TimerQueue;
import io.spate.runtime.state.CheckpointableKeyedStateBackend;
import io.spate.runtime.state.SnapshottableTimers;
import io.spate.api.operators.InternalTimer;
import io.spate.api.operators.InternalTimerService;
import io.spate.api.operators.ProcessingTimeService;
import io.spate.api.operators.Triggerable;
import io.spate.api.operators.state.KeyedStateBackend;
import java.io.IOException;
import java.util.Objects;

/**
 * The timers of a keyed operator: at most one per key, namespace and timestamp in each time domain,
 * fired in timestamp order, event-time ones when the watermark passes them, processing-time ones
 * when the clock does. The namespace is the window for window operators, else
 * {@link io.spate.api.operators.state.VoidNamespace}. Runtime operators name the key of each timer;
 * operators on the SPI set timers for the current key of the keyed state ({@link InternalTimerService}).
 */
@Internal
public final class InternalTimerServiceImpl implements InternalTimerService<Object>, SnapshottableTimers {

  /** Receives fired timers. */
  public interface Target {
    /** An event-time timer fired. */
    void onEventTime(Timer timer) throws Exception;

    /** A processing-time timer fired. */
    void onProcessingTime(Timer timer) throws Exception;
  }

  private final TimerQueue eventTimers;
  private final TimerQueue processingTimers;
  private final ProcessingTimeService processingTimeService;
  // Exactly one of target (the runtime's operators) and triggerable (operators of the SPI) is set.
  private final Target target;
  private final Triggerable<Object, Object> triggerable;
  // The keyed state whose current key becomes each fired timer's key before the triggerable gets it.
  private final KeyedStateBackend<Object> keysToSet;
  // The keyed state whose current key the key-less methods of InternalTimerService use; null if not keyed.
  private CheckpointableKeyedStateBackend<?> keys;
  private long currentWatermark = Long.MIN_VALUE;
  private long scheduledProcessingTime = Long.MAX_VALUE;
  private boolean batch;
  private boolean endOfInputHandled;

  /** Creates the service firing into {@code target}, with its timers on the heap. */
  public InternalTimerServiceImpl(ProcessingTimeService processingTimeService, Target target) {
    this(processingTimeService, target, new HeapTimerQueue(), new HeapTimerQueue());
  }

  /** Creates the service firing into {@code target}, with its timers in the given queues. */
  public InternalTimerServiceImpl(ProcessingTimeService processingTimeService, Target target, TimerQueue eventTimers,
      TimerQueue processingTimers) {
    this(processingTimeService, target, null, null, eventTimers, processingTimers);
  }

  private InternalTimerServiceImpl(ProcessingTimeService processingTimeService, Target target,
      Triggerable<Object, Object> triggerable, KeyedStateBackend<Object> keysToSet, TimerQueue eventTimers,
      TimerQueue processingTimers) {
    this.processingTimeService = processingTimeService;
    this.target = target;
    this.triggerable = triggerable;
    this.keysToSet = keysToSet;
    this.eventTimers = eventTimers;
    this.processingTimers = processingTimers;
  }

  /**
   * Creates the timer service {@code name} of an operator of the SPI: as {@link #create}, but each
   * fired timer's key becomes the current key of {@code backend} before {@code triggerable} gets it.
   */
  @SuppressWarnings("unchecked")
  public static InternalTimerServiceImpl forTriggerable(String name, CheckpointableKeyedStateBackend<?> backend,
      ProcessingTimeService processingTimeService, Triggerable<?, ?> triggerable) {
    InternalTimerServiceImpl timers = new InternalTimerServiceImpl(processingTimeService, null,
        (Triggerable<Object, Object>) triggerable, (KeyedStateBackend<Object>) backend,
        backend.createTimerQueue(name, true), backend.createTimerQueue(name, false));
    backend.registerTimers(name, timers);
    timers.keys = backend;
    return timers;
  }

  /**
   * Creates the service firing into {@code target}, with its timers in the queues {@code backend}
   * keeps for the timer service {@code name}, and has the backend snapshot and restore them.
   */
  public static InternalTimerServiceImpl create(String name, CheckpointableKeyedStateBackend<?> backend,
      ProcessingTimeService processingTimeService, Target target) {
    InternalTimerServiceImpl timers = new InternalTimerServiceImpl(processingTimeService, target,
        backend.createTimerQueue(name, true), backend.createTimerQueue(name, false));
    backend.registerTimers(name, timers);
    timers.keys = backend;
    return timers;
  }

  /**
   * Fires timers as BATCH execution does: nothing until the end of input (the final watermark or
   * {@link #endOfInput()}), then every event-time timer and after them every processing-time timer,
   * whatever the clock says.
   */
  public void setBatchMode() {
    batch = true;
  }

  /** In BATCH mode, all input is in: fires every timer, once; in STREAMING it does nothing. */
  public void endOfInput() throws Exception {
    if (batch && !endOfInputHandled) {
      endOfInputHandled = true;
      fireEventTimers(Long.MAX_VALUE);
      Timer timer;
      while ((timer = processingTimers.poll()) != null) {
        fireProcessingTimer(timer);
      }
    }
  }

  @Override
  public long currentWatermark() {
    return currentWatermark;
  }

  @Override
  public long currentProcessingTime() {
    return processingTimeService.getCurrentProcessingTime();
  }

  /** Sets an event-time timer for {@code key} in {@code namespace}. */
  public void registerEventTimeTimer(Object key, Object namespace, long time) {
    eventTimers.add(time, key, namespace);
  }

  /** Removes an event-time timer of {@code key} in {@code namespace}. */
  public void deleteEventTimeTimer(Object key, Object namespace, long time) {
    eventTimers.remove(time, key, namespace);
  }

  /** Sets a timer for {@code key} in {@code namespace}, in event time or in processing time. */
  public void registerTimer(boolean eventTime, Object key, Object namespace, long time) {
    if (eventTime) {
      registerEventTimeTimer(key, namespace, time);
    } else {
      registerProcessingTimeTimer(key, namespace, time);
    }
  }

  /** Removes a timer of {@code key} in {@code namespace}, in event time or in processing time. */
  public void deleteTimer(boolean eventTime, Object key, Object namespace, long time) {
    if (eventTime) {
      deleteEventTimeTimer(key, namespace, time);
    } else {
      deleteProcessingTimeTimer(key, namespace, time);
    }
  }

  /** Sets a processing-time timer for {@code key} in {@code namespace}. */
  public void registerProcessingTimeTimer(Object key, Object namespace, long time) {
    if (processingTimers.add(time, key, namespace) && !batch && time < scheduledProcessingTime) {
      scheduledProcessingTime = time;
      processingTimeService.registerTimer(time, this::fireProcessingTimers);
    }
  }

  /** Removes a processing-time timer of {@code key} in {@code namespace}. */
  public void deleteProcessingTimeTimer(Object key, Object namespace, long time) {
    processingTimers.remove(time, key, namespace);
  }

  @Override
  public void registerEventTimeTimer(Object namespace, long time) {
    registerEventTimeTimer(currentKey(), namespace, time);
  }

  @Override
  public void deleteEventTimeTimer(Object namespace, long time) {
    deleteEventTimeTimer(currentKey(), namespace, time);
  }

  @Override
  public void registerProcessingTimeTimer(Object namespace, long time) {
    registerProcessingTimeTimer(currentKey(), namespace, time);
  }

  @Override
  public void deleteProcessingTimeTimer(Object namespace, long time) {
    deleteProcessingTimeTimer(currentKey(), namespace, time);
  }

  private Object currentKey() {
    if (keys == null) {
      throw new IllegalStateException("Timers without a key are only available on a keyed stream.");
    }
    Object key = keys.getCurrentKey();
    if (key == null) {
      throw new IllegalStateException("A timer needs a current key: set one only while a keyed record or timer is processed.");
    }
    return key;
  }

  @Override
  public void forEachTimer(TimerVisitor visitor) throws IOException {
    if (!eventTimers.isSnapshotByBackend()) {
      eventTimers.forEach((key, namespace, timestamp) -> visitor.visit(true, key, namespace, timestamp));
    }
    if (!processingTimers.isSnapshotByBackend()) {
      processingTimers.forEach((key, namespace, timestamp) -> visitor.visit(false, key, namespace, timestamp));
    }
  }

  @Override
  public void restoreTimer(boolean eventTime, Object key, Object namespace, long timestamp) {
    registerTimer(eventTime, key, namespace, timestamp);
  }

  /** The number of timers set, for tests and metrics. */
  public int numberOfTimers() {
    return eventTimers.size() + processingTimers.size();
  }

  /**
   * Fires every event-time timer at or below {@code watermark}, in timestamp order. In BATCH mode
   * only the final watermark counts, and it ends the input.
   */
  public void advanceWatermark(long watermark) throws Exception {
    if (!batch) {
      fireEventTimers(watermark);
    } else if (watermark == Long.MAX_VALUE) {
      endOfInput();
    }
  }

  private void fireEventTimers(long watermark) throws Exception {
    currentWatermark = watermark;
    Timer timer;
    while ((timer = eventTimers.peek()) != null && timer.timestamp() <= watermark) {
      eventTimers.poll();
      fireEventTimer(timer);
    }
  }

  private void fireEventTimer(Timer timer) throws Exception {
    if (triggerable != null) {
      keysToSet.setCurrentKey(timer.key());
      triggerable.onEventTime(timer);
    } else {
      target.onEventTime(timer);
    }
  }

  private void fireProcessingTimer(Timer timer) throws Exception {
    if (triggerable != null) {
      keysToSet.setCurrentKey(timer.key());
      triggerable.onProcessingTime(timer);
    } else {
      target.onProcessingTime(timer);
    }
  }

  private void fireProcessingTimers(long scheduledTime) throws Exception {
    if (scheduledTime != scheduledProcessingTime) {
      return; // superseded by an earlier schedule that already ran
    }
    scheduledProcessingTime = Long.MAX_VALUE;
    long now = processingTimeService.getCurrentProcessingTime();
    Timer timer;
    while ((timer = processingTimers.peek()) != null && timer.timestamp() <= now) {
      processingTimers.poll();
      fireProcessingTimer(timer);
    }
    if (timer != null && timer.timestamp() < scheduledProcessingTime) {
      scheduledProcessingTime = timer.timestamp();
      processingTimeService.registerTimer(timer.timestamp(), this::fireProcessingTimers);
    }
  }
}
