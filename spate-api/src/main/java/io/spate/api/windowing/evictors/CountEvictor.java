package io.spate.api.windowing.evictors;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.windowing.windows.Window;
import java.util.Iterator;

/**
 * Keeps at most {@code maxCount} records of a window, dropping the oldest (first added) ones.
 *
 * @param <W> the window type
 */
@PublicEvolving
public final class CountEvictor<W extends Window> implements Evictor<Object, W> {

  private static final long serialVersionUID = 1L;

  private final long maxCount;
  private final boolean doEvictAfter;

  private CountEvictor(long maxCount, boolean doEvictAfter) {
    this.maxCount = maxCount;
    this.doEvictAfter = doEvictAfter;
  }

  /** Keeps {@code maxCount} records, evicting before the window function. */
  public static <W extends Window> CountEvictor<W> of(long maxCount) {
    return of(maxCount, false);
  }

  /** Keeps {@code maxCount} records, evicting after the window function if {@code doEvictAfter}. */
  public static <W extends Window> CountEvictor<W> of(long maxCount, boolean doEvictAfter) {
    if (maxCount <= 0) {
      throw new IllegalArgumentException("CountEvictor: the count must be positive, but was " + maxCount + ".");
    }
    return new CountEvictor<>(maxCount, doEvictAfter);
  }

  @Override
  public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
    if (!doEvictAfter) {
      evict(elements, size);
    }
  }

  @Override
  public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
    if (doEvictAfter) {
      evict(elements, size);
    }
  }

  private void evict(Iterable<TimestampedValue<Object>> elements, int size) {
    long toEvict = size - maxCount;
    Iterator<TimestampedValue<Object>> it = elements.iterator();
    while (toEvict > 0 && it.hasNext()) {
      it.next();
      it.remove();
      toEvict--;
    }
  }

  @Override
  public String toString() {
    return "CountEvictor(" + maxCount + (doEvictAfter ? ", after" : "") + ")";
  }
}
