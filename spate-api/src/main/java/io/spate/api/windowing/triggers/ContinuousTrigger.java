package io.spate.api.windowing.triggers;

import io.spate.api.state.ReducingState;
import io.spate.api.state.ReducingStateDescriptor;
import io.spate.api.windowing.windows.Window;
import java.time.Duration;

/**
 * What the continuous triggers share: the next fire time in trigger state (the earliest one when
 * windows merge), scheduling, clearing and merging; the subclasses say which clock they use.
 *
 * @param <W> the window type
 */
abstract class ContinuousTrigger<W extends Window> extends Trigger<Object, W> {

  private static final long serialVersionUID = 1L;

  /** The firing interval in milliseconds. */
  final long interval;
  private final String name;
  final ReducingStateDescriptor<Long> fireTimeDescriptor;

  ContinuousTrigger(String name, Duration interval, String stateName) {
    if (interval == null || interval.toMillis() <= 0) {
      throw new IllegalArgumentException(name + ": the interval must be positive, but was "
          + (interval == null ? "null" : interval.toMillis() + " ms") + ".");
    }
    this.name = name;
    this.interval = interval.toMillis();
    this.fireTimeDescriptor = new ReducingStateDescriptor<>(stateName, new LongMin(), Long.class);
  }

  /** The firing interval in milliseconds. */
  public long getInterval() {
    return interval;
  }

  /** Sets a timer at {@code time} on this trigger's clock. */
  abstract void registerTimer(TriggerContext ctx, long time);

  /** Removes the timer at {@code time} on this trigger's clock. */
  abstract void deleteTimer(TriggerContext ctx, long time);

  /** Records and sets the next firing, one interval after {@code time} but not past the window. */
  final void scheduleNext(long time, W window, TriggerContext ctx, ReducingState<Long> fireTime) throws Exception {
    long next = Math.min(time + interval, window.maxTimestamp());
    fireTime.add(next);
    registerTimer(ctx, next);
  }

  @Override
  public void clear(W window, TriggerContext ctx) throws Exception {
    ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
    Long next = fireTime.get();
    if (next != null) {
      deleteTimer(ctx, next);
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
      registerTimer(ctx, next);
    }
  }

  @Override
  public String toString() {
    return name + "(" + interval + ")";
  }
}
