package io.spate.table.runtime.expr;

import io.spate.api.annotation.Internal;
import io.spate.table.api.TableException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import org.apache.calcite.avatica.util.TimeUnitRange;

/** SQL's datetime arithmetic, {@code EXTRACT} and {@code FLOOR/CEIL(... TO unit)} on Java's time classes. */
@Internal
public final class TimeFunctions {

  private TimeFunctions() {}

  /** {@code time} plus an interval of {@code amount} months (if {@code months}) or milliseconds. */
  public static Object plus(Object time, long amount, boolean months) {
    if (time instanceof LocalDateTime t) {
      return months ? t.plusMonths(amount) : t.plus(amount, ChronoUnit.MILLIS);
    }
    if (time instanceof Instant i) {
      return months ? i.atZone(java.time.ZoneOffset.UTC).plusMonths(amount).toInstant() : i.plusMillis(amount);
    }
    if (time instanceof LocalDate d) {
      return months ? d.plusMonths(amount) : d.plusDays(Math.floorDiv(amount, 86_400_000L));
    }
    if (time instanceof LocalTime t) {
      return months ? t : t.plus(amount, ChronoUnit.MILLIS);
    }
    throw new TableException("Not a datetime: " + time);
  }

  /** {@code EXTRACT(unit FROM value)}. */
  public static Object extract(TimeUnitRange unit, Object value, ZoneId zone) {
    LocalDateTime t;
    if (value instanceof LocalDateTime v) {
      t = v;
    } else if (value instanceof LocalDate d) {
      t = d.atStartOfDay();
    } else if (value instanceof Instant i) {
      t = LocalDateTime.ofInstant(i, zone);
    } else if (value instanceof LocalTime lt) {
      t = LocalDate.EPOCH.atTime(lt);
    } else {
      throw new TableException("EXTRACT(" + unit + " FROM ...) of " + value + ", which is not a datetime");
    }
    switch (unit) {
      case YEAR:
        return (long) t.getYear();
      case QUARTER:
        return (long) t.get(IsoFields.QUARTER_OF_YEAR);
      case MONTH:
        return (long) t.getMonthValue();
      case WEEK:
        return (long) t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case DAY:
        return (long) t.getDayOfMonth();
      case DOW:
        return (long) (t.getDayOfWeek().getValue() % 7 + 1);
      case DOY:
        return (long) t.getDayOfYear();
      case HOUR:
        return (long) t.getHour();
      case MINUTE:
        return (long) t.getMinute();
      case SECOND:
        return (long) t.getSecond();
      case MILLISECOND:
        return (long) (t.getSecond() * 1000 + t.getNano() / 1_000_000);
      case MICROSECOND:
        return (long) t.getSecond() * 1_000_000 + t.getNano() / 1000;
      case EPOCH:
        return t.atZone(java.time.ZoneOffset.UTC).toEpochSecond();
      default:
        throw new TableException("Spate SQL does not support EXTRACT(" + unit + " FROM ...) yet");
    }
  }

  /** {@code FLOOR(value TO unit)} or {@code CEIL(value TO unit)}. */
  public static Object floorOrCeil(Object value, TimeUnitRange unit, boolean floor) {
    if (value instanceof LocalDateTime t) {
      LocalDateTime down = truncate(t, unit);
      return floor || down.equals(t) ? down : up(down, unit);
    }
    if (value instanceof LocalDate d) {
      LocalDateTime down = truncate(d.atStartOfDay(), unit);
      return (floor || down.toLocalDate().equals(d) ? down : up(down, unit)).toLocalDate();
    }
    throw new TableException("FLOOR/CEIL(... TO " + unit + ") of " + value + ", which is not a timestamp or date");
  }

  private static LocalDateTime truncate(LocalDateTime t, TimeUnitRange unit) {
    switch (unit) {
      case YEAR:
        return t.toLocalDate().withDayOfYear(1).atStartOfDay();
      case QUARTER:
        return LocalDate.of(t.getYear(), (t.getMonthValue() - 1) / 3 * 3 + 1, 1).atStartOfDay();
      case MONTH:
        return t.toLocalDate().withDayOfMonth(1).atStartOfDay();
      case WEEK:
        return t.toLocalDate().minusDays(t.getDayOfWeek().getValue() % 7).atStartOfDay();
      case DAY:
        return t.truncatedTo(ChronoUnit.DAYS);
      case HOUR:
        return t.truncatedTo(ChronoUnit.HOURS);
      case MINUTE:
        return t.truncatedTo(ChronoUnit.MINUTES);
      case SECOND:
        return t.truncatedTo(ChronoUnit.SECONDS);
      case MILLISECOND:
        return t.truncatedTo(ChronoUnit.MILLIS);
      default:
        throw new TableException("Spate SQL does not support FLOOR/CEIL(... TO " + unit + ") yet");
    }
  }

  private static LocalDateTime up(LocalDateTime down, TimeUnitRange unit) {
    switch (unit) {
      case YEAR:
        return down.plusYears(1);
      case QUARTER:
        return down.plusMonths(3);
      case MONTH:
        return down.plusMonths(1);
      case WEEK:
        return down.plusWeeks(1);
      case DAY:
        return down.plusDays(1);
      case HOUR:
        return down.plusHours(1);
      case MINUTE:
        return down.plusMinutes(1);
      case SECOND:
        return down.plusSeconds(1);
      default:
        return down.plus(1, ChronoUnit.MILLIS);
    }
  }
}
