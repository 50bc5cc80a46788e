package io.spate.api.windowing.triggers;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Adds a processing-time timeout to another trigger: the first record of a window (or, optionally,
 * every record) sets a timer {@code timeout} ahead, and when a timer fires the window fires, purged
 * if the wrapped trigger says so. A firing of the wrapped trigger clears the timeout.
 *
 * @param <T> the record type
 * @param <W> the window type
 */
@PublicEvolving
public final class ProcessingTimeoutTrigger<T, W extends Window> extends Trigger<T, W> {

  private static final long serialVersionUID = 1L;

  private final Trigger<T, W> nested;
  private final long timeoutMillis;
  private final boolean resetTimerOnNewRecord;
  private final boolean shouldClearOnTimeout;
  private final ValueStateDescriptor<Long> deadlineDescriptor =
      new ValueStateDescriptor<>("processing-timeout-deadline", Long.class);

  private ProcessingTimeoutTrigger(
      Trigger<T, W> nested, long timeoutMillis, boolean resetTimerOnNewRecord, boolean shouldClearOnTimeout) {
    this.nested = nested;
    this.timeoutMillis = timeoutMillis;
    this.resetTimerOnNewRecord = resetTimerOnNewRecord;
    this.shouldClearOnTimeout = shouldClearOnTimeout;
  }

  /** {@code nested} with a timeout set by a window's first record, clearing the trigger when it fires. */
  public static <T, W extends Window> ProcessingTimeoutTrigger<T, W> of(Trigger<T, W> nested, Duration timeout) {
    return of(nested, timeout, false, true);
  }

  /**
   * {@code nested} with a timeout, set again by every record if {@code resetTimerOnNewRecord}, and
   * clearing the trigger's state when it fires if {@code shouldClearOnTimeout}.
   */
  public static <T, W extends Window> ProcessingTimeoutTrigger<T, W> of(
      Trigger<T, W> nested, Duration timeout, boolean resetTimerOnNewRecord, boolean shouldClearOnTimeout) {
    if (nested == null) {
      throw new IllegalArgumentException("ProcessingTimeoutTrigger: the nested trigger must not be null.");
    }
    if (timeout == null || timeout.toMillis() <= 0) {
      throw new IllegalArgumentException("ProcessingTimeoutTrigger: the timeout must be at least 1 ms, but was "
          + (timeout == null ? "null" : timeout.toMillis() + " ms") + ".");
    }
    return new ProcessingTimeoutTrigger<>(nested, timeout.toMillis(), resetTimerOnNewRecord, shouldClearOnTimeout);
  }

  @Override
  public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception {
    TriggerResult result = nested.onElement(element, timestamp, window, ctx);
    if (result.isFire()) {
      clear(window, ctx);
      return result;
    }
    ValueState<Long> deadline = ctx.getPartitionedState(deadlineDescriptor);
    Long current = deadline.value();
    if (current != null && !resetTimerOnNewRecord) {
      return result;
    }
    if (current != null) {
      ctx.deleteProcessingTimeTimer(current);
    }
    long next = ctx.getCurrentProcessingTime() + timeoutMillis;
    ctx.registerProcessingTimeTimer(next);
    deadline.update(next);
    return result;
  }

  @Override
  public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
    return onTimer(nested.onProcessingTime(time, window, ctx), window, ctx);
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
    return onTimer(nested.onEventTime(time, window, ctx), window, ctx);
  }

  // Any timer of the window fires it, whether the timeout's or the wrapped trigger's, as in Flink.
  private TriggerResult onTimer(TriggerResult nestedResult, W window, TriggerContext ctx) throws Exception {
    if (shouldClearOnTimeout) {
      clear(window, ctx);
    }
    return nestedResult.isPurge() ? TriggerResult.FIRE_AND_PURGE : TriggerResult.FIRE;
  }

  @Override
  public void clear(W window, TriggerContext ctx) throws Exception {
    ValueState<Long> deadline = ctx.getPartitionedState(deadlineDescriptor);
    Long current = deadline.value();
    if (current != null) {
      ctx.deleteProcessingTimeTimer(current);
      deadline.clear();
    }
    nested.clear(window, ctx);
  }

  @Override
  public String toString() {
    return "ProcessingTimeoutTrigger(" + nested + ", " + timeoutMillis + " ms)";
  }
}
