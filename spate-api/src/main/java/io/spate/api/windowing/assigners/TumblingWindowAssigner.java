package io.spate.api.windowing.assigners;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.windowing.windows.TimeWindow;
import java.util.Collection;
import java.util.List;

/**
 * The tumbling assigners, in event or processing time: each time belongs to the one window of a
 * fixed size, aligned to the epoch plus an offset. Consecutive records usually fall into the same
 * window, so the last window's (immutable) list is handed out again until time leaves it, and a
 * record costs no allocation.
 */
@PublicEvolving
public abstract class TumblingWindowAssigner extends WindowAssigner<Object, TimeWindow> {

  private static final long serialVersionUID = 1L;

  private final String name;
  private final boolean eventTime;
  private final long size;
  private final long offset;
  private final WindowStagger stagger;
  // this instance's stagger shift plus the offset, fixed at its first record (null until then)
  private transient Long effectiveOffset;
  private transient long lastStart;
  private transient List<TimeWindow> last;

  TumblingWindowAssigner(String name, boolean eventTime, long size, long offset, WindowStagger stagger) {
    this.name = name;
    this.eventTime = eventTime;
    this.size = size;
    this.offset = offset;
    if (stagger == null) {
      throw new IllegalArgumentException(name + ": the window stagger must not be null.");
    }
    this.stagger = stagger;
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
    long time = eventTime ? AssignerArguments.checkTimestamp(name, timestamp) : context.getCurrentProcessingTime();
    if (effectiveOffset == null) {
      // aligned windows need no clock, so callers without a context (tests, replays) still work
      long now = stagger == WindowStagger.ALIGNED ? 0L : context.getCurrentProcessingTime();
      effectiveOffset = (offset + stagger.getStaggerOffset(now, size)) % size;
    }
    if (last == null || time < lastStart || time - lastStart >= size) {
      lastStart = TimeWindow.getWindowStartWithOffset(time, effectiveOffset, size);
      last = List.of(new TimeWindow(lastStart, lastStart + size));
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
    return name + "(" + size + ", " + offset + (stagger == WindowStagger.ALIGNED ? "" : ", " + stagger) + ")";
  }
}
