package io.spate.api.eventtime;

import io.spate.api.annotation.Public;

/**
 * Keeps the timestamp a record already has (from its source, or from an earlier assigner): what a
 * strategy without its own assigner uses.
 *
 * @param <T> the record type
 */
@Public
public final class RecordTimestampAssigner<T> implements TimestampAssigner<T> {

  private static final long serialVersionUID = 1L;

  @Override
  public long extractTimestamp(T element, long recordTimestamp) {
    return recordTimestamp;
  }
}
