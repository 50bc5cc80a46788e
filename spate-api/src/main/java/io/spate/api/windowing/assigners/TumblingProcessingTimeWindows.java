package io.spate.api.windowing.assigners;

import io.spate.api.windowing.triggers.ProcessingTimeTrigger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/**
 * Puts each record into the one processing-time window of a fixed size that contains the current
 * processing time; windows are aligned to the epoch plus an optional offset.
 */
public final class TumblingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {

  private static final long serialVersionUID = 1L;
  private static final String NAME = "TumblingProcessingTimeWindows";

  private final long size;
  private final long offset;
  private transient TumblingWindows windows;

  private TumblingProcessingTimeWindows(long size, long offset) {
    this.size = size;
    this.offset = offset;
  }

  /** Windows of {@code size}, aligned to the epoch. */
  public static TumblingProcessingTimeWindows of(Duration size) {
    return of(size, Duration.ZERO);
  }

  /** Windows of {@code size} starting at {@code offset} past each multiple of the size. */
  public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
    long sizeMillis = AssignerArguments.positive(NAME, "window size", size);
    return new TumblingProcessingTimeWindows(sizeMillis, AssignerArguments.offset(NAME, offset, sizeMillis, "size"));
  }

  /** The window size in milliseconds. */
  public long getSize() {
    return size;
  }

  /** The offset in milliseconds. */
  public long getOffset() {
    return offset;
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    if (windows == null) {
      windows = new TumblingWindows(size, offset);
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
    return NAME + "(" + size + ", " + offset + ")";
  }
}
