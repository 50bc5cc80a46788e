package io.spate.api.eventtime;

import io.spate.api.annotation.Public;

/**
 * Gives each record the processing time at which it enters the source as its timestamp (ingestion
 * time). Timestamps never decrease, even if the wall clock steps back, so it pairs with {@link
 * WatermarkStrategy#forMonotonousTimestamps()}.
 *
 * @param <T> the record type
 */
@Public
public final class IngestionTimeAssigner<T> implements TimestampAssigner<T> {

  private static final long serialVersionUID = 1L;

  private long latest = Long.MIN_VALUE;

  @Override
  public long extractTimestamp(T element, long recordTimestamp) {
    long now = System.currentTimeMillis();
    if (now > latest) {
      latest = now;
    }
    return latest;
  }
}
