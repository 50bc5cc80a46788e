package io.spate.api.windowing.evictors;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.functions.windowing.DeltaFunction;
import io.spate.api.windowing.windows.Window;
import java.util.Iterator;

/**
 * Drops the records of a window whose delta to the newest (last added) record is at least
 * {@code threshold}.
 *
 * @param <T> the record type
 * @param <W> the window type
 */
@PublicEvolving
public final class DeltaEvictor<T, W extends Window> implements Evictor<T, W> {

  private static final long serialVersionUID = 1L;

  private final double threshold;
  private final DeltaFunction<T> deltaFunction;
  private final boolean doEvictAfter;

  private DeltaEvictor(double threshold, DeltaFunction<T> deltaFunction, boolean doEvictAfter) {
    this.threshold = threshold;
    this.deltaFunction = deltaFunction;
    this.doEvictAfter = doEvictAfter;
  }

  /** Evicts, before the window function, records at least {@code threshold} away from the newest. */
  public static <T, W extends Window> DeltaEvictor<T, W> of(double threshold, DeltaFunction<T> deltaFunction) {
    return of(threshold, deltaFunction, false);
  }

  /** Like {@link #of(double, DeltaFunction)}, evicting after the function if {@code doEvictAfter}. */
  public static <T, W extends Window> DeltaEvictor<T, W> of(
      double threshold, DeltaFunction<T> deltaFunction, boolean doEvictAfter) {
    if (deltaFunction == null) {
      throw new IllegalArgumentException("DeltaEvictor: the delta function must not be null.");
    }
    if (Double.isNaN(threshold)) {
      throw new IllegalArgumentException("DeltaEvictor: the threshold must be a number, but was NaN.");
    }
    return new DeltaEvictor<>(threshold, deltaFunction, doEvictAfter);
  }

  @Override
  public void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext ctx) {
    if (!doEvictAfter) {
      evict(elements);
    }
  }

  @Override
  public void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext ctx) {
    if (doEvictAfter) {
      evict(elements);
    }
  }

  private void evict(Iterable<TimestampedValue<T>> elements) {
    TimestampedValue<T> last = null;
    for (TimestampedValue<T> element : elements) {
      last = element;
    }
    if (last == null) {
      return;
    }
    for (Iterator<TimestampedValue<T>> it = elements.iterator(); it.hasNext(); ) {
      if (deltaFunction.getDelta(it.next().getValue(), last.getValue()) >= threshold) {
        it.remove();
      }
    }
  }

  @Override
  public String toString() {
    return "DeltaEvictor(" + threshold + (doEvictAfter ? ", after" : "") + ")";
  }
}
