package io.spate.api.windowing.assigners;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.windowing.windows.TimeWindow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The sliding assigners, in event or processing time: each time belongs to every window of a fixed
 * size that contains it, a new window starting every slide. Window bounds all fall on multiples of
 * gcd(size, slide) from the offset, so every time of one such pane belongs to the same windows: the
 * last pane's (immutable) list is handed out again until time leaves the pane. (A slide-long pane
 * is not enough when the slide does not divide the size: the oldest window ends inside the slide.)
 */
@PublicEvolving
public abstract class SlidingWindowAssigner extends WindowAssigner<Object, TimeWindow> {

  private static final long serialVersionUID = 1L;

  private final String name;
  private final boolean eventTime;
  private final long size;
  private final long slide;
  private final long offset;
  private final long pane;
  private transient long lastPaneStart;
  private transient List<TimeWindow> last;

  SlidingWindowAssigner(String name, boolean eventTime, long size, long slide, long offset) {
    this.name = name;
    this.eventTime = eventTime;
    this.size = size;
    this.slide = slide;
    this.offset = offset;
    this.pane = gcd(size, slide);
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
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
    long time = eventTime ? AssignerArguments.checkTimestamp(name, timestamp) : context.getCurrentProcessingTime();
    if (last == null || time < lastPaneStart || time - lastPaneStart >= pane) {
      lastPaneStart = TimeWindow.getWindowStartWithOffset(time, offset, pane);
      List<TimeWindow> windows = new ArrayList<>((int) (size / slide) + 1);
      // newest window first; stop before a window would end at or before the time
      for (long start = TimeWindow.getWindowStartWithOffset(time, offset, slide); start > time - size;
          start -= slide) {
        windows.add(new TimeWindow(start, start + size));
      }
      last = List.copyOf(windows);
    }
    return last;
  }

  @Override
  public TypeSerializer<TimeWindow> getWindowSerializer(ExecutionConfig executionConfig) {
    return new TimeWindow.Serializer();
  }

  @Override
  public boolean isEventTime() {
    return eventTime;
  }

  @Override
  public String toString() {
    return name + "(" + size + ", " + slide + ", " + offset + ")";
  }
}
