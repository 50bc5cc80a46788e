package io.spate.api.windowing.triggers;

import io.spate.api.state.ReducingState;
import io.spate.api.state.ReducingStateDescriptor;
import io.spate.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Fires a window every {@code interval} of event time (aligned to multiples of the interval) and
 * when the watermark passes its end. At the end of bounded input, a global window (which never
 * ends) fires once more instead of once per interval up to the end of time.
 *
 * @param <W> the window type
 */
public final class ContinuousEventTimeTrigger<W extends Window> extends Trigger<Object, W> {

  private static final long serialVersionUID = 1L;

  private final long interval;
  private final ReducingStateDescriptor<Long> fireTimeDescriptor =
      new ReducingStateDescriptor<>("continuous-event-time-fire-time", new LongMin(), Long.class);

  private ContinuousEventTimeTrigger(long interval) {
    this.interval = interval;
  }

  /** Fires every {@code interval} of event time; the interval must be positive. */
  public static <W extends Window> ContinuousEventTimeTrigger<W> of(Duration interval) {
    return new ContinuousEventTimeTrigger<>(ContinuousIntervals.check("ContinuousEventTimeTrigger", interval));
  }

  @Override
  public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
    if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
      return TriggerResult.FIRE; // a late record within the allowed lateness
    }
    ctx.registerEventTimeTimer(window.maxTimestamp());
    ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
    if (fireTime.get() == null) {
      scheduleNext(timestamp - (timestamp % interval), window, ctx, fireTime);
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
    if (time == window.maxTimestamp()) {
      return TriggerResult.FIRE;
    }
    ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
    Long next = fireTime.get();
    if (next != null && next == time) {
      fireTime.clear();
      if (ctx.getCurrentWatermark() == Long.MAX_VALUE && window.maxTimestamp() == Long.MAX_VALUE) {
        // End of input on an endless (global) window: firing every interval up to the end of time
        // would never finish; the window's final firing at its max timestamp follows instead.
        return TriggerResult.CONTINUE;
      }
      scheduleNext(time, window, ctx, fireTime);
      return TriggerResult.FIRE;
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  private void scheduleNext(long time, W window, TriggerContext ctx, ReducingState<Long> fireTime) throws Exception {
    long next = Math.min(time + interval, window.maxTimestamp());
    fireTime.add(next);
    ctx.registerEventTimeTimer(next);
  }

  @Override
  public void clear(W window, TriggerContext ctx) throws Exception {
    ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
    Long next = fireTime.get();
    if (next != null) {
      ctx.deleteEventTimeTimer(next);
      fireTime.clear();
    }
  }

  @Override
  public boolean canMerge() {
    return true;
  }

  @Override
  public void onMerge(W window, OnMergeContext ctx) throws Exception {
    ctx.mergePartitionedState(fireTimeDescriptor);
    Long next = ctx.getPartitionedState(fireTimeDescriptor).get();
    if (next != null) {
      ctx.registerEventTimeTimer(next);
    }
  }

  @Override
  public String toString() {
    return "ContinuousEventTimeTrigger(" + interval + ")";
  }
}
