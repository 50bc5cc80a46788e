package io.spate.api.windowing.evictors;

import io.spate.api.annotation.PublicEvolving;

/**
 * A record of a window with its timestamp, as evictors see it.
 *
 * @param <T> the record type
 */
@PublicEvolving
public final class TimestampedValue<T> {

  private final T value;
  private final long timestamp;

  /** {@code value} with {@code timestamp} ({@code Long.MIN_VALUE} for none). */
  public TimestampedValue(T value, long timestamp) {
    this.value = value;
    this.timestamp = timestamp;
  }

  /** The record. */
  public T getValue() {
    return value;
  }

  /** The timestamp, or {@code Long.MIN_VALUE} if the record has none. */
  public long getTimestamp() {
    return timestamp;
  }

  /** Whether the record has a timestamp. */
  public boolean hasTimestamp() {
    return timestamp != Long.MIN_VALUE;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimestampedValue<?> other && other.timestamp == timestamp
        && java.util.Objects.equals(other.value, value);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hashCode(value) * 31 + Long.hashCode(timestamp);
  }

  @Override
  public String toString() {
    return "TimestampedValue(" + value + ", " + timestamp + ")";
  }
}
