package io.spate.api.functions;

import io.spate.api.annotation.Public;
import io.spate.api.eventtime.Watermark;
import io.spate.api.windowing.time.Time;
import java.time.Duration;
import java.util.Objects;

/**
 * A legacy periodic assigner for records that arrive at most a fixed time out of order: the
 * watermark trails the highest timestamp seen by that bound and never goes back. Subclasses say
 * where a record's timestamp is in {@link #extractTimestamp(Object)}.
 *
 * <p>Unlike {@code WatermarkStrategy.forBoundedOutOfOrderness}, whose watermark is one millisecond
 * lower, the watermark here is exactly the highest timestamp minus the bound, as it is in Flink.
 *
 * @param <T> the record type
 */
@Public
@SuppressWarnings("deprecation")
public abstract class BoundedOutOfOrdernessTimestampExtractor<T> implements AssignerWithPeriodicWatermarks<T> {

  private static final long serialVersionUID = 1L;

  private final long maxOutOfOrderness;
  private long currentMaxTimestamp;
  private long lastEmittedWatermark = Long.MIN_VALUE;

  /** An extractor for records at most {@code maxOutOfOrderness} late; the bound must not be negative. */
  @Deprecated
  public BoundedOutOfOrdernessTimestampExtractor(Time maxOutOfOrderness) {
    if (maxOutOfOrderness == null) {
      throw new IllegalArgumentException(getClass().getName() + ": the maximum out-of-orderness must not be null.");
    }
    if (maxOutOfOrderness.toMilliseconds() < 0) {
      throw new IllegalArgumentException(getClass().getName() + ": the maximum out-of-orderness must not be"
          + " negative, but was " + maxOutOfOrderness + ".");
    }
    this.maxOutOfOrderness = maxOutOfOrderness.toMilliseconds();
    // Low enough that the first watermark cannot underflow.
    this.currentMaxTimestamp = Long.MIN_VALUE + this.maxOutOfOrderness;
  }

  /** As {@link #BoundedOutOfOrdernessTimestampExtractor(Time)}, with the bound as a {@link Duration}. */
  public BoundedOutOfOrdernessTimestampExtractor(Duration maxOutOfOrderness) {
    this(Time.fromDuration(Objects.requireNonNull(maxOutOfOrderness,
        "BoundedOutOfOrdernessTimestampExtractor: the maximum out-of-orderness must not be null.")));
  }

  /** The bound, in milliseconds. */
  public long getMaxOutOfOrdernessInMillis() {
    return maxOutOfOrderness;
  }

  /** The timestamp of {@code element}, in milliseconds since the epoch. */
  public abstract long extractTimestamp(T element);

  @Override
  public final long extractTimestamp(T element, long recordTimestamp) {
    long timestamp = extractTimestamp(element);
    if (timestamp > currentMaxTimestamp) {
      currentMaxTimestamp = timestamp;
    }
    return timestamp;
  }

  @Override
  public final Watermark getCurrentWatermark() {
    long candidate = currentMaxTimestamp - maxOutOfOrderness;
    if (candidate > lastEmittedWatermark) {
      lastEmittedWatermark = candidate;
    }
    return new Watermark(lastEmittedWatermark);
  }
}
