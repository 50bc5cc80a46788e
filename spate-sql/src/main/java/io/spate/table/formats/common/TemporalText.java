package io.spate.table.formats.common;

import io.spate.api.annotation.Internal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * The text forms of dates, times and timestamps in the csv and json formats, as Flink's formats
 * write them: the fraction of a second only as long as it needs to be (none when it is zero).
 */
@Internal
public final class TemporalText {

  private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
      .appendPattern("HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).toFormatter();
  private static final DateTimeFormatter SQL_TIMESTAMP = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(TIME).toFormatter();
  private static final DateTimeFormatter ISO_TIMESTAMP = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T').append(TIME).toFormatter();
  private static final DateTimeFormatter SQL_TIMESTAMP_LTZ = new DateTimeFormatterBuilder()
      .append(SQL_TIMESTAMP).appendLiteral('Z').toFormatter();
  private static final DateTimeFormatter ISO_TIMESTAMP_LTZ = new DateTimeFormatterBuilder()
      .append(ISO_TIMESTAMP).appendLiteral('Z').toFormatter();

  private TemporalText() {}

  /** {@code yyyy-MM-dd}. */
  public static String date(LocalDate date) {
    return date.toString();
  }

  /** {@code HH:mm:ss[.fraction]}. */
  public static String time(LocalTime time) {
    return TIME.format(time);
  }

  /** A timestamp in {@code format}. */
  public static String timestamp(LocalDateTime timestamp, TimestampFormat format) {
    return (format == TimestampFormat.SQL ? SQL_TIMESTAMP : ISO_TIMESTAMP).format(timestamp);
  }

  /** An instant as a UTC timestamp in {@code format} with a {@code Z}. */
  public static String timestampLtz(Instant instant, TimestampFormat format) {
    LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
    return (format == TimestampFormat.SQL ? SQL_TIMESTAMP_LTZ : ISO_TIMESTAMP_LTZ).format(utc);
  }

  /** The date {@code text} holds; fails saying the expected form. */
  public static LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(text.trim(), DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a DATE (expected yyyy-MM-dd)");
    }
  }

  /** The time {@code text} holds, cut to {@code precision} fractional digits; fails saying the expected form. */
  public static LocalTime parseTime(String text, int precision) {
    try {
      LocalTime time = LocalTime.parse(text.trim(), DateTimeFormatter.ISO_LOCAL_TIME);
      return time.withNano(truncate(time.getNano(), precision));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a TIME (expected HH:mm:ss[.fraction])");
    }
  }

  /**
   * The timestamp {@code text} holds in {@code format}, or in either format if {@code lenient}, cut to
   * {@code precision} fractional digits; fails saying the expected form.
   */
  public static LocalDateTime parseTimestamp(String text, TimestampFormat format, boolean lenient, int precision) {
    String trimmed = text.trim();
    TimestampFormat actual = lenient ? (trimmed.indexOf('T') > 0 ? TimestampFormat.ISO_8601 : TimestampFormat.SQL)
        : format;
    try {
      LocalDateTime t = LocalDateTime.parse(trimmed, actual == TimestampFormat.SQL ? SQL_TIMESTAMP : ISO_TIMESTAMP);
      return t.withNano(truncate(t.getNano(), precision));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a TIMESTAMP in the "
          + (lenient ? "SQL or ISO-8601" : format == TimestampFormat.SQL ? "SQL" : "ISO-8601") + " format (expected "
          + (lenient || format == TimestampFormat.SQL ? "yyyy-MM-dd HH:mm:ss[.fraction]"
              : "yyyy-MM-ddTHH:mm:ss[.fraction]") + ")");
    }
  }

  /**
   * The instant {@code text} holds as a UTC timestamp with {@code Z} in {@code format} (or either if
   * {@code lenient}), cut to {@code precision} fractional digits; fails saying the expected form.
   */
  public static Instant parseTimestampLtz(String text, TimestampFormat format, boolean lenient, int precision) {
    String trimmed = text.trim();
    TimestampFormat actual = lenient ? (trimmed.indexOf('T') > 0 ? TimestampFormat.ISO_8601 : TimestampFormat.SQL)
        : format;
    try {
      LocalDateTime t = LocalDateTime.parse(trimmed, actual == TimestampFormat.SQL ? SQL_TIMESTAMP_LTZ
          : ISO_TIMESTAMP_LTZ);
      return t.withNano(truncate(t.getNano(), precision)).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a TIMESTAMP_LTZ in the "
          + (lenient ? "SQL or ISO-8601" : format == TimestampFormat.SQL ? "SQL" : "ISO-8601") + " format (expected "
          + (lenient || format == TimestampFormat.SQL ? "yyyy-MM-dd HH:mm:ss[.fraction]Z"
              : "yyyy-MM-ddTHH:mm:ss[.fraction]Z") + ")");
    }
  }

  private static int truncate(int nanos, int precision) {
    int unit = 1;
    for (int i = precision; i < 9; i++) {
      unit *= 10;
    }
    return nanos - nanos % unit;
  }
}
