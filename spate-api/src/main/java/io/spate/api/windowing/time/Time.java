package io.spate.api.windowing.time;

import io.spate.api.annotation.Public;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A span of time given as an amount and a unit, the way Flink programs size windows, slides, gaps,
 * allowed lateness and join bounds ({@code Time.seconds(5)}); Spate works in milliseconds, so two
 * spans are equal when their millisecond counts are.
 *
 * @deprecated use {@link Duration}, as Flink 1.20 does; every method that takes a {@code Time}
 *     also takes a {@code Duration}.
 */
@Public
@Deprecated
public final class Time implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long size;
  private final TimeUnit unit;

  private Time(long size, TimeUnit unit) {
    this.size = size;
    this.unit = Objects.requireNonNull(unit, "Time: the time unit must not be null.");
  }

  /** {@code size} of {@code unit}. */
  public static Time of(long size, TimeUnit unit) {
    return new Time(size, unit);
  }

  /** {@code milliseconds} milliseconds. */
  public static Time milliseconds(long milliseconds) {
    return of(milliseconds, TimeUnit.MILLISECONDS);
  }

  /** {@code seconds} seconds. */
  public static Time seconds(long seconds) {
    return of(seconds, TimeUnit.SECONDS);
  }

  /** {@code minutes} minutes. */
  public static Time minutes(long minutes) {
    return of(minutes, TimeUnit.MINUTES);
  }

  /** {@code hours} hours. */
  public static Time hours(long hours) {
    return of(hours, TimeUnit.HOURS);
  }

  /** {@code days} days. */
  public static Time days(long days) {
    return of(days, TimeUnit.DAYS);
  }

  /** The whole milliseconds of {@code duration}, as a time. */
  public static Time fromDuration(Duration duration) {
    Objects.requireNonNull(duration, "Time.fromDuration: the duration must not be null.");
    return milliseconds(duration.toMillis());
  }

  /** The amount, in {@link #getUnit()}. */
  public long getSize() {
    return size;
  }

  /** The unit of {@link #getSize()}. */
  public TimeUnit getUnit() {
    return unit;
  }

  /** This span in milliseconds (rounded towards zero for finer units). */
  public long toMilliseconds() {
    return unit.toMillis(size);
  }

  /** This span as a {@link Duration} of {@link #toMilliseconds()} milliseconds. */
  public Duration toDuration() {
    return Duration.ofMillis(toMilliseconds());
  }

  /**
   * {@code time} as a duration, or null for null: the bridge the {@code Time} overloads of windows,
   * evictors, triggers and joins cross, so that their own checks report a null argument.
   */
  public static Duration toDuration(Time time) {
    return time == null ? null : time.toDuration();
  }

  /** As {@link #fromDuration(Duration)}, named as Flink's window {@code Time} names it. */
  public static Time of(Duration duration) {
    return fromDuration(duration);
  }

  /** This span in whole seconds (rounded towards zero). */
  public long toSeconds() {
    return unit.toSeconds(size);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Time that && toMilliseconds() == that.toMilliseconds();
  }

  @Override
  public int hashCode() {
    return Long.hashCode(toMilliseconds());
  }

  @Override
  public String toString() {
    return toMilliseconds() + " ms";
  }
}
