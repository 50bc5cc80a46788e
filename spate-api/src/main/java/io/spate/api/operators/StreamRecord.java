package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;
import java.util.Objects;

/**
 * A record with its timestamp, as Flink's operators see one: {@code processElement(StreamRecord)} of
 * an operator gets it, and {@code output.collect(StreamRecord)} emits one. It is mutable, so that an
 * operator may reuse it ({@link #replace}); an operator must not keep a record it was given beyond
 * the call.
 *
 * <p>Spate's runtime marks a record without a timestamp with the timestamp {@code Long.MIN_VALUE};
 * so a record whose timestamp is {@code Long.MIN_VALUE} reaches the next operator without one.
 *
 * @param <T> the record type
 */
@PublicEvolving
public final class StreamRecord<T> {

  private T value;
  private long timestamp;
  private boolean hasTimestamp;

  /** A record without a timestamp. */
  public StreamRecord(T value) {
    this.value = value;
  }

  /** A record with a timestamp. */
  public StreamRecord(T value, long timestamp) {
    this.value = value;
    this.timestamp = timestamp;
    this.hasTimestamp = true;
  }

  /**
   * The record as the runtime hands it over: {@code timestamp} is {@code Long.MIN_VALUE} when the
   * record has none.
   */
  static <T> StreamRecord<T> of(T value, long timestamp) {
    return timestamp == Long.MIN_VALUE ? new StreamRecord<>(value) : new StreamRecord<>(value, timestamp);
  }

  /** The record's value. */
  public T getValue() {
    return value;
  }

  /** The record's timestamp, or {@code Long.MIN_VALUE} if it has none. */
  public long getTimestamp() {
    return hasTimestamp ? timestamp : Long.MIN_VALUE;
  }

  /** Whether the record has a timestamp. */
  public boolean hasTimestamp() {
    return hasTimestamp;
  }

  /** Puts {@code element} in this record, keeping the timestamp, and returns this record. */
  @SuppressWarnings("unchecked")
  public <X> StreamRecord<X> replace(X element) {
    this.value = (T) element;
    return (StreamRecord<X>) this;
  }

  /** Puts {@code element} in this record with {@code timestamp}, and returns this record. */
  @SuppressWarnings("unchecked")
  public <X> StreamRecord<X> replace(X element, long timestamp) {
    this.value = (T) element;
    this.timestamp = timestamp;
    this.hasTimestamp = true;
    return (StreamRecord<X>) this;
  }

  /** Gives the record a timestamp. */
  public void setTimestamp(long timestamp) {
    this.timestamp = timestamp;
    this.hasTimestamp = true;
  }

  /** Takes the record's timestamp away. */
  public void eraseTimestamp() {
    this.hasTimestamp = false;
  }

  /** A new record holding {@code valueCopy} with this record's timestamp (or lack of one). */
  public StreamRecord<T> copy(T valueCopy) {
    StreamRecord<T> copy = new StreamRecord<>(valueCopy);
    copy.timestamp = timestamp;
    copy.hasTimestamp = hasTimestamp;
    return copy;
  }

  /** Makes {@code target} hold {@code valueCopy} with this record's timestamp (or lack of one). */
  public void copyTo(T valueCopy, StreamRecord<T> target) {
    target.value = valueCopy;
    target.timestamp = timestamp;
    target.hasTimestamp = hasTimestamp;
  }

  /** Equal when value, timestamp and whether there is one are equal. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof StreamRecord<?> other)) {
      return false;
    }
    return hasTimestamp == other.hasTimestamp && getTimestamp() == other.getTimestamp()
        && Objects.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, hasTimestamp, getTimestamp());
  }

  @Override
  public String toString() {
    return "Record @ " + (hasTimestamp ? String.valueOf(timestamp) : "(undef)") + " : " + value;
  }
}
