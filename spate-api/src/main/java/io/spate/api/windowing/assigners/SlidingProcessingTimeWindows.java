package io.spate.api.windowing.assigners;

import io.spate.api.windowing.triggers.ProcessingTimeTrigger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/**
 * Puts each record into every processing-time window of a fixed size that contains the current
 * processing time; a new window starts every slide, aligned to the epoch plus an optional offset.
 */
public final class SlidingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {

  private static final long serialVersionUID = 1L;
  private static final String NAME = "SlidingProcessingTimeWindows";

  private final long size;
  private final long slide;
  private final long offset;
  private transient SlidingWindows windows;

  private SlidingProcessingTimeWindows(long size, long slide, long offset) {
    this.size = size;
    this.slide = slide;
    this.offset = offset;
  }

  /** Windows of {@code size} starting every {@code slide}, aligned to the epoch. */
  public static SlidingProcessingTimeWindows of(Duration size, Duration slide) {
    return of(size, slide, Duration.ZERO);
  }

  /** Windows of {@code size} starting every {@code slide}, shifted by {@code offset}. */
  public static SlidingProcessingTimeWindows of(Duration size, Duration slide, Duration offset) {
    long sizeMillis = AssignerArguments.positive(NAME, "window size", size);
    long slideMillis = AssignerArguments.slide(NAME, sizeMillis, slide);
    return new SlidingProcessingTimeWindows(sizeMillis, slideMillis, AssignerArguments.offset(NAME, offset, slideMillis, "slide"));
  }

  /** The window size in milliseconds. */
  public long getSize() {
    return size;
  }

  /** The slide in milliseconds. */
  public long getSlide() {
    return slide;
  }

  /** The offset in milliseconds. */
  public long getOffset() {
    return offset;
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    if (windows == null) {
      windows = new SlidingWindows(size, slide, offset);
    }
    return windows.windowsFor(context.getCurrentProcessingTime());
  }

  @Override
  public Trigger<Object, TimeWindow> getDefaultTrigger() {
    return ProcessingTimeTrigger.create();
  }

  @Override
  public boolean isEventTime() {
    return false;
  }

  @Override
  public String toString() {
    return NAME + "(" + size + ", " + slide + ", " + offset + ")";
  }
}
