package io.spate.table.runtime.expr;

import io.spate.api.annotation.Internal;
import io.spate.table.api.TableException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The difference of two datetimes as an interval ({@code later - earlier}), which Calcite makes of
 * {@code TIMESTAMPDIFF(unit, earlier, later)}: whole months for a year-month interval, else
 * milliseconds. Two {@code TIMESTAMP_LTZ} instants are apart by their time on the clock; their months
 * count in the session's zone.
 */
@Internal
public final class DatetimeDifference {

  private DatetimeDifference() {}

  /** {@code later - earlier} in whole months ({@code months}) or in milliseconds. */
  public static Object between(Object later, Object earlier, boolean months, ZoneId zone) {
    if (later instanceof LocalTime a && earlier instanceof LocalTime b) {
      long millis = (a.toNanoOfDay() - b.toNanoOfDay()) / 1_000_000L;
      return months ? Integer.valueOf(0) : (Object) millis;
    }
    if (!months && later instanceof Instant a && earlier instanceof Instant b) {
      return a.toEpochMilli() - b.toEpochMilli();
    }
    LocalDateTime a = local(later, zone);
    LocalDateTime b = local(earlier, zone);
    if (months) {
      return (int) ChronoUnit.MONTHS.between(b, a);
    }
    return EpochMillis.of(a) - EpochMillis.of(b);
  }

  private static LocalDateTime local(Object value, ZoneId zone) {
    if (value instanceof LocalDateTime t) {
      return t;
    }
    if (value instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (value instanceof Instant i) {
      return LocalDateTime.ofInstant(i, zone);
    }
    throw new TableException("Cannot take the difference of datetimes with " + value + " ("
        + value.getClass().getSimpleName() + ")");
  }
}
