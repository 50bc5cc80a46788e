package io.spate.api.windowing.assigners;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.windowing.time.Time;
import java.time.Duration;

/**
 * Groups records into processing-time sessions: a session ends when no record arrives for the gap
 * of wall-clock time.
 */
@PublicEvolving
public final class ProcessingTimeSessionWindows extends SessionWindowAssigner<Object> {

  private static final long serialVersionUID = 1L;
  private static final String NAME = "ProcessingTimeSessionWindows";

  private final long gap;

  private ProcessingTimeSessionWindows(long gap) {
    super(NAME, false);
    this.gap = gap;
  }

  @Override
  long gapOf(Object element) {
    return gap;
  }

  /** Sessions that end after {@code gap} without records. */
  public static ProcessingTimeSessionWindows withGap(Duration gap) {
    return new ProcessingTimeSessionWindows(AssignerArguments.positive(NAME, "session gap", gap));
  }

  /** As {@link #withGap(Duration)}, with the gap as a Flink {@link Time}. */
  @Deprecated
  public static ProcessingTimeSessionWindows withGap(Time gap) {
    return withGap(Time.toDuration(gap));
  }

  /** Sessions whose gap after each record is given by {@code extractor}. */
  public static <T> DynamicProcessingTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
    return new DynamicProcessingTimeSessionWindows<>(SessionWindowAssigner.checkExtractor(NAME, extractor));
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
