package io.spate.api.windowing.assigners;

import io.spate.api.windowing.triggers.EventTimeTrigger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/**
 * Groups records into event-time sessions: a session ends when no record arrives for the gap, and
 * sessions that come to overlap (out-of-order records) merge.
 */
public final class EventTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {

  private static final long serialVersionUID = 1L;
  private static final String NAME = "EventTimeSessionWindows";

  private final long gap;

  private EventTimeSessionWindows(long gap) {
    this.gap = gap;
  }

  /** Sessions that end after {@code gap} without records. */
  public static EventTimeSessionWindows withGap(Duration gap) {
    return new EventTimeSessionWindows(AssignerArguments.positive(NAME, "session gap", gap));
  }

  /** Sessions whose gap after each record is given by {@code extractor}. */
  public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
    return new DynamicEventTimeSessionWindows<>(SessionGap.checkExtractor(NAME, extractor));
  }

  /** The gap in milliseconds. */
  public long getGap() {
    return gap;
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    if (timestamp == Long.MIN_VALUE) {
      throw new IllegalStateException(AssignerArguments.missingTimestamp(NAME));
    }
    return SessionGap.window(timestamp, gap);
  }

  @Override
  public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
    TimeWindow.mergeWindows(windows, callback);
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
    return NAME + "(" + gap + ")";
  }
}
