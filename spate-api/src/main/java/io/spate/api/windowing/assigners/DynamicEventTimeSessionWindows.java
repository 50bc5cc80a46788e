package io.spate.api.windowing.assigners;

import io.spate.api.windowing.triggers.EventTimeTrigger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.TimeWindow;
import java.util.Collection;

/**
 * Event-time sessions whose gap after each record comes from the record; made by
 * {@link EventTimeSessionWindows#withDynamicGap}.
 *
 * @param <T> the record type
 */
public final class DynamicEventTimeSessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {

  private static final long serialVersionUID = 1L;
  private static final String NAME = "EventTimeSessionWindows.withDynamicGap";

  private final SessionWindowTimeGapExtractor<T> extractor;

  DynamicEventTimeSessionWindows(SessionWindowTimeGapExtractor<T> extractor) {
    this.extractor = extractor;
  }

  @Override
  public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
    if (timestamp == Long.MIN_VALUE) {
      throw new IllegalStateException(AssignerArguments.missingTimestamp(NAME));
    }
    return SessionGap.window(timestamp, SessionGap.extract(NAME, extractor, element));
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
    return NAME;
  }
}
