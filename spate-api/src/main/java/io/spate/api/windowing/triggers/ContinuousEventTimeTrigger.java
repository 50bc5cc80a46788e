package io.spate.api.windowing.triggers;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.state.ReducingState;
import io.spate.api.windowing.time.Time;
import io.spate.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Fires a window every {@code interval} of event time (aligned to multiples of the interval) and
 * when the watermark passes its end. At the end of bounded input, a global window (which never
 * ends) fires once more instead of once per interval up to the end of time.
 *
 * @param <W> the window type
 */
@PublicEvolving
public final class ContinuousEventTimeTrigger<W extends Window> extends ContinuousTrigger<W> {

  private static final long serialVersionUID = 1L;

  private ContinuousEventTimeTrigger(Duration interval) {
    super("ContinuousEventTimeTrigger", interval, "continuous-event-time-fire-time");
  }

  /** Fires every {@code interval} of event time; the interval must be positive. */
  public static <W extends Window> ContinuousEventTimeTrigger<W> of(Duration interval) {
    return new ContinuousEventTimeTrigger<>(interval);
  }

  /** As {@link #of(Duration)}, with the interval as a Flink {@link Time}. */
  @Deprecated
  public static <W extends Window> ContinuousEventTimeTrigger<W> of(Time interval) {
    return of(Time.toDuration(interval));
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

  @Override
  void registerTimer(TriggerContext ctx, long time) {
    ctx.registerEventTimeTimer(time);
  }

  @Override
  void deleteTimer(TriggerContext ctx, long time) {
    ctx.deleteEventTimeTimer(time);
  }
}
