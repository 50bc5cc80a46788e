package io.spate.api.datastream;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.windowing.time.Time;
import java.time.Duration;

/**
 * The first step of an interval join of two keyed streams: says the time bounds, in
 * {@link #between}.
 *
 * @param <T1> the left stream's type
 * @param <T2> the right stream's type
 * @param <KEY> the key type of both streams
 */
@PublicEvolving
public class IntervalJoin<T1, T2, KEY> {

  private final KeyedStream<T1, KEY> left;
  private final KeyedStream<T2, KEY> right;
  private boolean eventTime = true;

  IntervalJoin(KeyedStream<T1, KEY> left, KeyedStream<T2, KEY> right) {
    if (right == null) {
      throw new InvalidProgramException("intervalJoin: the other stream must not be null.");
    }
    if (left.getExecutionEnvironment() != right.getExecutionEnvironment()) {
      throw new InvalidProgramException("intervalJoin: both streams must belong to the same environment.");
    }
    this.left = left;
    this.right = right;
  }

  /** Joins on event time, the default and the only time an interval join supports. */
  public IntervalJoin<T1, T2, KEY> inEventTime() {
    eventTime = true;
    return this;
  }

  /** Asks for a processing-time join, which {@link #between} then rejects, as Flink does. */
  public IntervalJoin<T1, T2, KEY> inProcessingTime() {
    eventTime = false;
    return this;
  }

  /**
   * Joins a left record with timestamp t to every right record of the same key whose timestamp is
   * in {@code [t + lowerBound, t + upperBound]}; the bounds may be negative.
   */
  public IntervalJoined<T1, T2, KEY> between(Duration lowerBound, Duration upperBound) {
    if (!eventTime) {
      throw new InvalidProgramException("intervalJoin: interval joins are only supported in event time; "
          + "remove inProcessingTime() and give both streams timestamps and watermarks.");
    }
    if (lowerBound == null || upperBound == null) {
      throw new InvalidProgramException("intervalJoin: the lower and upper bounds must not be null.");
    }
    long lower = lowerBound.toMillis();
    long upper = upperBound.toMillis();
    if (lower > upper) {
      throw new InvalidProgramException("intervalJoin: the lower bound (" + lowerBound
          + ") must not be greater than the upper bound (" + upperBound + ").");
    }
    return new IntervalJoined<>(left, right, lower, upper);
  }

  /** As {@link #between(Duration, Duration)}, with the bounds as Flink {@link Time}s. */
  @Deprecated
  public IntervalJoined<T1, T2, KEY> between(Time lowerBound, Time upperBound) {
    return between(Time.toDuration(lowerBound), Time.toDuration(upperBound));
  }
}
