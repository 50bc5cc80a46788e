package io.spate.testing;

/**
 * A record that an operator under test emitted, with its timestamp.
 *
 * @param value the record
 * @param timestamp its timestamp, or {@code Long.MIN_VALUE} if it has none
 * @param <T> the record type
 */
public record StreamRecord<T>(T value, long timestamp) {

  /** Whether the record has a timestamp. */
  public boolean hasTimestamp() {
    return timestamp != Long.MIN_VALUE;
  }
}
