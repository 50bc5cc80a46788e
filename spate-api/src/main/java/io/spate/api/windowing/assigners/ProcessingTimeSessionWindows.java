package io.spate.api.windowing.assigners;

import io.spate.api.windowing.triggers.ProcessingTimeTrigger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/**
 * Groups records into processing-time sessions: a session ends when no record arrives for the gap
 * of wall-clock time.
 */
public final class ProcessingTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {

  private static final long serialVersionUID = 1L;
  private static final String NAME = "ProcessingTimeSessionWindows";

  private final long gap;

  private ProcessingTimeSessionWindows(long gap) {
    this.gap = gap;
  }

  /** Sessions that end after {@code gap} without records. */
  public static ProcessingTimeSessionWindows withGap(Duration gap) {
    return new ProcessingTimeSessionWindows(AssignerArguments.positive(NAME, "session gap", gap));
  }

  /** Sessions whose gap after each record is given by {@code extractor}. */
  public static <T> DynamicProcessingTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
    return new DynamicProcessingTimeSessionWindows<>(SessionGap.checkExtractor(NAME, extractor));
  }

  /** The gap in milliseconds. */
  public long getGap() {
    return gap;
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    return SessionGap.window(context.getCurrentProcessingTime(), gap);
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
    return NAME + "(" + gap + ")";
  }
}
