package io.spate.api.windowing.assigners;

import io.spate.api.windowing.triggers.ProcessingTimeTrigger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.TimeWindow;
import java.util.Collection;

/**
 * Processing-time sessions whose gap after each record comes from the record; made by
 * {@link ProcessingTimeSessionWindows#withDynamicGap}.
 *
 * @param <T> the record type
 */
public final class DynamicProcessingTimeSessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {

  private static final long serialVersionUID = 1L;
  private static final String NAME = "ProcessingTimeSessionWindows.withDynamicGap";

  private final SessionWindowTimeGapExtractor<T> extractor;

  DynamicProcessingTimeSessionWindows(SessionWindowTimeGapExtractor<T> extractor) {
    this.extractor = extractor;
  }

  @Override
  public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
    return SessionGap.window(context.getCurrentProcessingTime(), SessionGap.extract(NAME, extractor, element));
  }

  @Override
  public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
    TimeWindow.mergeWindows(windows, callback);
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
    return NAME;
  }
}
