package io.spate.api.windowing.assigners;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.windowing.time.Time;
import io.spate.api.windowing.triggers.EventTimeTrigger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;

/**
 * Puts each record into the one event-time window of a fixed size that contains its timestamp;
 * windows are aligned to the epoch plus an optional offset (for example, to a time zone).
 */
@PublicEvolving
public final class TumblingEventTimeWindows extends TumblingWindowAssigner {

  private static final long serialVersionUID = 1L;
  private static final String NAME = "TumblingEventTimeWindows";

  private TumblingEventTimeWindows(long size, long offset, WindowStagger stagger) {
    super(NAME, true, size, offset, stagger);
  }

  /** Windows of {@code size}, aligned to the epoch. */
  public static TumblingEventTimeWindows of(Duration size) {
    return of(size, Duration.ZERO);
  }

  /** Windows of {@code size} starting at {@code offset} past each multiple of the size. */
  public static TumblingEventTimeWindows of(Duration size, Duration offset) {
    return of(size, offset, WindowStagger.ALIGNED);
  }

  /**
   * Windows of {@code size} starting at {@code offset} past each multiple of the size, shifted per
   * parallel instance by {@code windowStagger}.
   */
  public static TumblingEventTimeWindows of(Duration size, Duration offset, WindowStagger windowStagger) {
    long sizeMillis = AssignerArguments.positive(NAME, "window size", size);
    return new TumblingEventTimeWindows(sizeMillis, AssignerArguments.offset(NAME, offset, sizeMillis, "size"), windowStagger);
  }

  /** As {@link #of(Duration, Duration, WindowStagger)}, with the size and offset as Flink {@link Time}s. */
  @Deprecated
  public static TumblingEventTimeWindows of(Time size, Time offset, WindowStagger windowStagger) {
    return of(Time.toDuration(size), Time.toDuration(offset), windowStagger);
  }

  /** As {@link #of(Duration)}, with the size as a Flink {@link Time}. */
  @Deprecated
  public static TumblingEventTimeWindows of(Time size) {
    return of(Time.toDuration(size));
  }

  /** As {@link #of(Duration, Duration)}, with the size and offset as Flink {@link Time}s. */
  @Deprecated
  public static TumblingEventTimeWindows of(Time size, Time offset) {
    return of(Time.toDuration(size), Time.toDuration(offset));
  }

  @Override
  public Trigger<Object, TimeWindow> getDefaultTrigger() {
    return EventTimeTrigger.create();
  }
}
