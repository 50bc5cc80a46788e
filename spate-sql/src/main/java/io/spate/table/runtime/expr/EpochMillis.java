package io.spate.table.runtime.expr;

import io.spate.api.annotation.Internal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Time attribute values ({@code TIMESTAMP}, read as UTC, or {@code TIMESTAMP_LTZ}) to and from epoch
 * milliseconds, as the event-time operators need them for every row. A {@code TIMESTAMP} goes
 * through plain arithmetic on its date and time of day: {@code toInstant(ZoneOffset.UTC)} would make
 * an {@code Instant} per row only to read it back. Results and overflow failures are those of the
 * JDK's {@code Instant} path.
 */
@Internal
public final class EpochMillis {

  private static final long MILLIS_PER_SECOND = 1_000L;
  private static final int NANOS_PER_MILLI = 1_000_000;

  private EpochMillis() {}

  /** {@code time} (a {@code LocalDateTime} as UTC, or an {@code Instant}) in epoch milliseconds, rounded down. */
  public static long of(Object time) {
    if (time instanceof LocalDateTime t) {
      return of(t);
    }
    if (time instanceof Instant i) {
      return i.toEpochMilli();
    }
    throw new IllegalArgumentException("A time attribute must be a TIMESTAMP (LocalDateTime) or TIMESTAMP_LTZ"
        + " (Instant), not " + (time == null ? "NULL" : time + " (" + time.getClass().getName() + ")"));
  }

  /**
   * {@code time} as UTC in epoch milliseconds, rounded down (toward the past for times before 1970).
   *
   * @throws ArithmeticException if the milliseconds do not fit a {@code long}, as {@code Instant#toEpochMilli}
   */
  public static long of(LocalDateTime time) {
    long seconds = time.toEpochSecond(ZoneOffset.UTC);
    int nanos = time.getNano();
    if (seconds < 0 && nanos > 0) {
      // One second up first, so that the largest negative values do not overflow on the way.
      return Math.addExact(Math.multiplyExact(seconds + 1, MILLIS_PER_SECOND), nanos / NANOS_PER_MILLI - MILLIS_PER_SECOND);
    }
    return Math.addExact(Math.multiplyExact(seconds, MILLIS_PER_SECOND), nanos / NANOS_PER_MILLI);
  }

  /** The {@code TIMESTAMP} (UTC) at {@code millis} after the epoch. */
  public static LocalDateTime toLocalDateTime(long millis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, MILLIS_PER_SECOND),
        Math.floorMod(millis, (int) MILLIS_PER_SECOND) * NANOS_PER_MILLI, ZoneOffset.UTC);
  }

  /** {@code millis} as a {@code LocalDateTime} (UTC) if {@code local}, else as an {@code Instant}. */
  public static Object toTime(long millis, boolean local) {
    return local ? toLocalDateTime(millis) : Instant.ofEpochMilli(millis);
  }
}
