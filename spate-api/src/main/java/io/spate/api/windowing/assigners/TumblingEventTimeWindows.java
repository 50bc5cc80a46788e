package io.spate.api.windowing.assigners;

import io.spate.api.windowing.triggers.EventTimeTrigger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/**
 * Puts each record into the one event-time window of a fixed size that contains its timestamp;
 * windows are aligned to the epoch plus an optional offset (for example, to a time zone).
 */
public final class TumblingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {

  private static final long serialVersionUID = 1L;
  private static final String NAME = "TumblingEventTimeWindows";

  private final long size;
  private final long offset;
  private transient TumblingWindows windows;

  private TumblingEventTimeWindows(long size, long offset) {
    this.size = size;
    this.offset = offset;
  }

  /** Windows of {@code size}, aligned to the epoch. */
  public static TumblingEventTimeWindows of(Duration size) {
    return of(size, Duration.ZERO);
  }

  /** Windows of {@code size} starting at {@code offset} past each multiple of the size. */
  public static TumblingEventTimeWindows of(Duration size, Duration offset) {
    long sizeMillis = AssignerArguments.positive(NAME, "window size", size);
    return new TumblingEventTimeWindows(sizeMillis, AssignerArguments.offset(NAME, offset, sizeMillis, "size"));
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
    if (timestamp == Long.MIN_VALUE) {
      throw new IllegalStateException(AssignerArguments.missingTimestamp(NAME));
    }
    if (windows == null) {
      windows = new TumblingWindows(size, offset);
    }
    return windows.windowsFor(timestamp);
  }

  @Override
  public Trigger<Object, TimeWindow> getDefaultTrigger() {
    return EventTimeTrigger.create();
  }

  @Override
  public boolean isEventTime() {
    return true;
  }

  @Override
  public String toString() {
    return NAME + "(" + size + ", " + offset + ")";
  }
}
