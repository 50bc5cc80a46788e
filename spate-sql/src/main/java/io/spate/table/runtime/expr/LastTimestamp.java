package io.spate.table.runtime.expr;

import io.spate.api.annotation.Internal;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * Epoch milliseconds to {@code TIMESTAMP} ({@code LocalDateTime}, UTC) or {@code TIMESTAMP_LTZ}
 * ({@code Instant}) values for a source that makes one per record: consecutive records often share a
 * millisecond (a generator at a million events per second makes a thousand per millisecond), and the
 * values are immutable, so a repeated millisecond gets the value made for it before instead of new
 * objects. Not thread-safe: one per task.
 */
@Internal
public final class LastTimestamp {

  private long localMillis;
  private LocalDateTime local;
  private long instantMillis;
  private Instant instant;

  /** The {@code TIMESTAMP} (UTC) at {@code millis} after the epoch, equal to {@link EpochMillis#toLocalDateTime}. */
  public LocalDateTime toLocalDateTime(long millis) {
    if (local == null || millis != localMillis) {
      local = EpochMillis.toLocalDateTime(millis);
      localMillis = millis;
    }
    return local;
  }

  /** The {@code TIMESTAMP_LTZ} at {@code millis} after the epoch, equal to {@link Instant#ofEpochMilli}. */
  public Instant toInstant(long millis) {
    if (instant == null || millis != instantMillis) {
      instant = Instant.ofEpochMilli(millis);
      instantMillis = millis;
    }
    return instant;
  }

  /** {@code millis} as a {@code LocalDateTime} (UTC) if {@code local}, else as an {@code Instant}. */
  public Object toTime(long millis, boolean local) {
    return local ? toLocalDateTime(millis) : toInstant(millis);
  }
}
