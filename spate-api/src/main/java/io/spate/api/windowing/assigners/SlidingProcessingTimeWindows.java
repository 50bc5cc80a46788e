package io.spate.api.windowing.assigners;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.windowing.time.Time;
import io.spate.api.windowing.triggers.ProcessingTimeTrigger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;

/**
 * Puts each record into every processing-time window of a fixed size that contains the current
 * processing time; a new window starts every slide, aligned to the epoch plus an optional offset.
 */
@PublicEvolving
public final class SlidingProcessingTimeWindows extends SlidingWindowAssigner {

  private static final long serialVersionUID = 1L;
  private static final String NAME = "SlidingProcessingTimeWindows";

  private SlidingProcessingTimeWindows(long size, long slide, long offset) {
    super(NAME, false, size, slide, offset);
  }

  /** Windows of {@code size} starting every {@code slide}, aligned to the epoch. */
  public static SlidingProcessingTimeWindows of(Duration size, Duration slide) {
    return of(size, slide, Duration.ZERO);
  }

  /** Windows of {@code size} starting every {@code slide}, shifted by {@code offset}. */
  public static SlidingProcessingTimeWindows of(Duration size, Duration slide, Duration offset) {
    long sizeMillis = AssignerArguments.positive(NAME, "window size", size);
    long slideMillis = AssignerArguments.slide(NAME, sizeMillis, slide);
    return new SlidingProcessingTimeWindows(sizeMillis, slideMillis, AssignerArguments.offset(NAME, offset, slideMillis, "slide"));
  }

  /** As {@link #of(Duration, Duration)}, with the size and slide as Flink {@link Time}s. */
  @Deprecated
  public static SlidingProcessingTimeWindows of(Time size, Time slide) {
    return of(Time.toDuration(size), Time.toDuration(slide));
  }

  /** As {@link #of(Duration, Duration, Duration)}, with the size, slide and offset as Flink {@link Time}s. */
  @Deprecated
  public static SlidingProcessingTimeWindows of(Time size, Time slide, Time offset) {
    return of(Time.toDuration(size), Time.toDuration(slide), Time.toDuration(offset));
  }

  @Override
  public Trigger<Object, TimeWindow> getDefaultTrigger() {
    return ProcessingTimeTrigger.create();
  }
}
