package io.spate.table.runtime.expr.builtin;

import io.spate.api.annotation.Internal;
import io.spate.table.api.TableException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Flink's built-in time functions over non-NULL arguments: {@code TO_DATE} and {@code CONVERT_TZ}. */
@Internal
public final class TimeBuiltIns {

  /** The pattern {@code TO_DATE} parses with when it is given none. */
  public static final String DEFAULT_DATE_PATTERN = "yyyy-MM-dd";

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private TimeBuiltIns() {}

  /** {@code TO_DATE}: the date {@code text} gives in {@code format}, or NULL if it gives none. */
  public static LocalDate toDate(String text, DateTimeFormatter format) {
    try {
      return LocalDate.parse(text, format);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * {@code CONVERT_TZ}: the time {@code text} ({@code yyyy-MM-dd HH:mm:ss}) in the zone {@code from},
   * as the same instant's local time in the zone {@code to}; NULL for text that is not such a time.
   */
  public static String convertTz(String text, String from, String to) {
    LocalDateTime time;
    try {
      time = LocalDateTime.parse(text, TIMESTAMP);
    } catch (DateTimeParseException e) {
      return null;
    }
    return TIMESTAMP.format(time.atZone(zone(from)).withZoneSameInstant(zone(to)));
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new TableException("CONVERT_TZ: '" + id + "' is not a time zone (expected an id such as 'UTC',"
          + " 'Europe/Berlin' or 'GMT+08:00')");
    }
  }
}
