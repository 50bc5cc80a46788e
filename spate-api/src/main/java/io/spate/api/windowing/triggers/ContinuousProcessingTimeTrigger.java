package io.spate.api.windowing.triggers;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.state.ReducingState;
import io.spate.api.windowing.time.Time;
import io.spate.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Fires a window every {@code interval} of processing time (aligned to multiples of the interval),
 * starting from the window's first record.
 *
 * @param <W> the window type
 */
@PublicEvolving
public final class ContinuousProcessingTimeTrigger<W extends Window> extends ContinuousTrigger<W> {

  private static final long serialVersionUID = 1L;

  private ContinuousProcessingTimeTrigger(Duration interval) {
    super("ContinuousProcessingTimeTrigger", interval, "continuous-processing-time-fire-time");
  }

  /** Fires every {@code interval} of processing time; the interval must be positive. */
  public static <W extends Window> ContinuousProcessingTimeTrigger<W> of(Duration interval) {
    return new ContinuousProcessingTimeTrigger<>(interval);
  }

  /** As {@link #of(Duration)}, with the interval as a Flink {@link Time}. */
  @Deprecated
  public static <W extends Window> ContinuousProcessingTimeTrigger<W> of(Time interval) {
    return of(Time.toDuration(interval));
  }

  @Override
  public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
    ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
    if (fireTime.get() == null) {
      long now = ctx.getCurrentProcessingTime();
      scheduleNext(now - (now % interval), window, ctx, fireTime);
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
    ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
    Long next = fireTime.get();
    if (next != null && next == time) {
      fireTime.clear();
      scheduleNext(time, window, ctx, fireTime);
      return TriggerResult.FIRE;
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  void registerTimer(TriggerContext ctx, long time) {
    ctx.registerProcessingTimeTimer(time);
  }

  @Override
  void deleteTimer(TriggerContext ctx, long time) {
    ctx.deleteProcessingTimeTimer(time);
  }
}
