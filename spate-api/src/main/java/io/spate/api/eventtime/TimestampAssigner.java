package io.spate.api.eventtime;

import io.spate.api.annotation.Public;
import java.io.Serializable;

/**
 * Extracts the event-time timestamp of a record.
 *
 * @param <T> the record type
 */
@Public
@FunctionalInterface
public interface TimestampAssigner<T> extends Serializable {

  /** The value that stands for "no timestamp". */
  long NO_TIMESTAMP = Long.MIN_VALUE;

  /** The timestamp of {@code element}; {@code recordTimestamp} is the one it already has, if any. */
  long extractTimestamp(T element, long recordTimestamp);
}
