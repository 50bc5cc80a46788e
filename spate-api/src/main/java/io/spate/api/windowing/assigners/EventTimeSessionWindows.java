package io.spate.api.windowing.assigners;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.windowing.time.Time;
import java.time.Duration;

/**
 * Groups records into event-time sessions: a session ends when no record arrives for the gap, and
 * sessions that come to overlap (out-of-order records) merge.
 */
@PublicEvolving
public final class EventTimeSessionWindows extends SessionWindowAssigner<Object> {

  private static final long serialVersionUID = 1L;
  private static final String NAME = "EventTimeSessionWindows";

  private final long gap;

  private EventTimeSessionWindows(long gap) {
    super(NAME, true);
    this.gap = gap;
  }

  @Override
  long gapOf(Object element) {
    return gap;
  }

  /** Sessions that end after {@code gap} without records. */
  public static EventTimeSessionWindows withGap(Duration gap) {
    return new EventTimeSessionWindows(AssignerArguments.positive(NAME, "session gap", gap));
  }

  /** As {@link #withGap(Duration)}, with the gap as a Flink {@link Time}. */
  @Deprecated
  public static EventTimeSessionWindows withGap(Time gap) {
    return withGap(Time.toDuration(gap));
  }

  /** Sessions whose gap after each record is given by {@code extractor}. */
  public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
    return new DynamicEventTimeSessionWindows<>(SessionWindowAssigner.checkExtractor(NAME, extractor));
  }

  /** The gap in milliseconds. */
  public long getGap() {
    return gap;
  }

  @Override
  public String toString() {
    return NAME + "(" + gap + ")";
  }
}
