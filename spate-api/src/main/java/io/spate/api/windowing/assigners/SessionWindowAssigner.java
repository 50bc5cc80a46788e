package io.spate.api.windowing.assigners;

import io.spate.api.common.ExecutionConfig;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.windowing.triggers.EventTimeTrigger;
import io.spate.api.windowing.triggers.ProcessingTimeTrigger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.TimeWindow;
import java.util.Collection;
import java.util.List;

/**
 * What the session assigners share, in event or processing time and with a static or a dynamic
 * gap: each record opens the window [time, time + gap), and overlapping windows merge.
 *
 * @param <T> the record type
 */
abstract class SessionWindowAssigner<T> extends MergingWindowAssigner<T, TimeWindow> {

  private static final long serialVersionUID = 1L;

  /** Names the assigner in messages. */
  final String name;
  private final boolean eventTime;

  SessionWindowAssigner(String name, boolean eventTime) {
    this.name = name;
    this.eventTime = eventTime;
  }

  /** The gap after {@code element}, in milliseconds; positive. */
  abstract long gapOf(T element);

  @Override
  public final Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
    long time = eventTime ? AssignerArguments.checkTimestamp(name, timestamp) : context.getCurrentProcessingTime();
    return List.of(new TimeWindow(time, time + gapOf(element)));
  }

  @Override
  public final void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
    TimeWindow.mergeWindows(windows, callback);
  }

  @Override
  public final Trigger<Object, TimeWindow> getDefaultTrigger() {
    return eventTime ? EventTimeTrigger.create() : ProcessingTimeTrigger.create();
  }

  @Override
  public TypeSerializer<TimeWindow> getWindowSerializer(ExecutionConfig executionConfig) {
    return new TimeWindow.Serializer();
  }

  @Override
  public final boolean isEventTime() {
    return eventTime;
  }

  /** The gap {@code extractor} gives for {@code element}, which must be positive. */
  final long dynamicGap(SessionWindowTimeGapExtractor<T> extractor, T element) {
    long gap = extractor.extract(element);
    if (gap <= 0) {
      throw new IllegalArgumentException(name + ": the dynamic session gap must be positive, but the "
          + "gap extractor returned " + gap + " ms for the record " + element + ".");
    }
    return gap;
  }

  /** {@code extractor}, which must not be null. */
  static <T> SessionWindowTimeGapExtractor<T> checkExtractor(String assigner, SessionWindowTimeGapExtractor<T> extractor) {
    if (extractor == null) {
      throw new IllegalArgumentException(assigner + ": the session gap extractor must not be null.");
    }
    return extractor;
  }
}
