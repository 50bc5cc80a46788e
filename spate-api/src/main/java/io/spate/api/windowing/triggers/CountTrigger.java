package io.spate.api.windowing.triggers;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.state.ReducingState;
import io.spate.api.state.ReducingStateDescriptor;
import io.spate.api.windowing.windows.Window;

/**
 * Fires a window each time it has received another {@code count} records (the count restarts after
 * each firing); it never purges, wrap it in a {@link PurgingTrigger} for that.
 *
 * @param <W> the window type
 */
@PublicEvolving
public final class CountTrigger<W extends Window> extends Trigger<Object, W> {

  private static final long serialVersionUID = 1L;

  private final long maxCount;
  private final ReducingStateDescriptor<Long> countDescriptor =
      new ReducingStateDescriptor<>("count-trigger-count", new LongSum(), Long.class);

  private CountTrigger(long maxCount) {
    this.maxCount = maxCount;
  }

  /** Fires every {@code maxCount} records; {@code maxCount} must be positive. */
  public static <W extends Window> CountTrigger<W> of(long maxCount) {
    if (maxCount <= 0) {
      throw new IllegalArgumentException("CountTrigger: the count must be positive, but was " + maxCount + ".");
    }
    return new CountTrigger<>(maxCount);
  }

  @Override
  public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
    ReducingState<Long> count = ctx.getPartitionedState(countDescriptor);
    count.add(1L);
    if (count.get() >= maxCount) {
      count.clear();
      return TriggerResult.FIRE;
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public void clear(W window, TriggerContext ctx) throws Exception {
    ctx.getPartitionedState(countDescriptor).clear();
  }

  @Override
  public boolean canMerge() {
    return true;
  }

  @Override
  public void onMerge(W window, OnMergeContext ctx) throws Exception {
    ctx.mergePartitionedState(countDescriptor);
  }

  @Override
  public String toString() {
    return "CountTrigger(" + maxCount + ")";
  }
}
