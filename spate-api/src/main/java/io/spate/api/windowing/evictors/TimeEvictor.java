package io.spate.api.windowing.evictors;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.windowing.time.Time;
import io.spate.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Iterator;

/**
 * Keeps the records of a window whose timestamps are within {@code windowSize} of its newest
 * record's timestamp; records without timestamps are kept.
 *
 * @param <W> the window type
 */
@PublicEvolving
public final class TimeEvictor<W extends Window> implements Evictor<Object, W> {

  private static final long serialVersionUID = 1L;

  private final long windowSize;
  private final boolean doEvictAfter;

  /** Keeps records within {@code windowSize} milliseconds of the newest, after the function if {@code doEvictAfter}. */
  public TimeEvictor(long windowSize, boolean doEvictAfter) {
    if (windowSize < 0) {
      throw new IllegalArgumentException("TimeEvictor: the size must not be negative, but was " + windowSize + " ms.");
    }
    this.windowSize = windowSize;
    this.doEvictAfter = doEvictAfter;
  }

  /** Keeps records within {@code windowSize} milliseconds of the newest, evicting before the window function. */
  public TimeEvictor(long windowSize) {
    this(windowSize, false);
  }

  /** Keeps records within {@code windowSize} of the newest, evicting before the window function. */
  public static <W extends Window> TimeEvictor<W> of(Duration windowSize) {
    return of(windowSize, false);
  }

  /** Keeps records within {@code windowSize} of the newest, after the function if {@code doEvictAfter}. */
  public static <W extends Window> TimeEvictor<W> of(Duration windowSize, boolean doEvictAfter) {
    if (windowSize == null || windowSize.isNegative()) {
      throw new IllegalArgumentException("TimeEvictor: the size must not be negative, but was "
          + (windowSize == null ? "null" : windowSize.toMillis() + " ms") + ".");
    }
    return new TimeEvictor<>(windowSize.toMillis(), doEvictAfter);
  }

  /** As {@link #of(Duration)}, with the size as a Flink {@link Time}. */
  @Deprecated
  public static <W extends Window> TimeEvictor<W> of(Time windowSize) {
    return of(Time.toDuration(windowSize));
  }

  /** As {@link #of(Duration, boolean)}, with the size as a Flink {@link Time}. */
  @Deprecated
  public static <W extends Window> TimeEvictor<W> of(Time windowSize, boolean doEvictAfter) {
    return of(Time.toDuration(windowSize), doEvictAfter);
  }

  /** The time span, in milliseconds, of the records the evictor keeps: those this close to the newest. */
  public long getWindowSize() {
    return windowSize;
  }

  @Override
  public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
    if (!doEvictAfter) {
      evict(elements);
    }
  }

  @Override
  public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
    if (doEvictAfter) {
      evict(elements);
    }
  }

  private void evict(Iterable<TimestampedValue<Object>> elements) {
    Iterator<TimestampedValue<Object>> first = elements.iterator();
    if (!first.hasNext() || !first.next().hasTimestamp()) {
      return;
    }
    long newest = Long.MIN_VALUE;
    for (TimestampedValue<Object> element : elements) {
      newest = Math.max(newest, element.getTimestamp());
    }
    long cutoff = newest - windowSize;
    for (Iterator<TimestampedValue<Object>> it = elements.iterator(); it.hasNext(); ) {
      if (it.next().getTimestamp() <= cutoff) {
        it.remove();
      }
    }
  }

  @Override
  public String toString() {
    return "TimeEvictor(" + windowSize + (doEvictAfter ? ", after" : "") + ")";
  }
}
