package io.spate.table.runtime.expr;

import io.spate.api.annotation.Internal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code DATE_FORMAT} pattern, compiled: the Java formatter, and for the common patterns made only
 * of {@code yyyy}, {@code MM}, {@code dd}, {@code HH}, {@code mm}, {@code ss}, {@code SSS} and
 * separators, a plan that prints the digits straight from the time's fields. The plan prints what the
 * formatter prints (for the years 1 to 9999, the others go to the formatter) at a fraction of its
 * cost, which matters when every row of a stream is formatted (Nexmark q10).
 */
@Internal
public final class DateFormat {

  private static final String SEPARATORS = " -:/.,_";

  /** A field printed as {@code width} digits, or a separator ({@code field} null). */
  private record Part(Field field, char separator) {}

  private enum Field { YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, MILLI }

  private final DateTimeFormatter formatter;
  private final Part[] plan;
  private final int length;

  private DateFormat(DateTimeFormatter formatter, Part[] plan, int length) {
    this.formatter = formatter;
    this.plan = plan;
    this.length = length;
  }

  /** The compiled {@code pattern}; fails, naming it, if it is not a Java date-time pattern. */
  public static DateFormat of(String pattern) {
    DateTimeFormatter formatter = FlinkStringTimeFunctions.formatter(pattern);
    List<Part> parts = new ArrayList<>();
    int length = 0;
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int run = 1;
      while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
        run++;
      }
      Field field = field(c, run);
      if (field != null) {
        parts.add(new Part(field, ' '));
        length += run;
      } else if (SEPARATORS.indexOf(c) >= 0) {
        for (int k = 0; k < run; k++) {
          parts.add(new Part(null, c));
        }
        length += run;
      } else {
        return new DateFormat(formatter, null, 0);
      }
      i += run;
    }
    return new DateFormat(formatter, parts.toArray(new Part[0]), length);
  }

  private static Field field(char letter, int run) {
    return switch (letter) {
      case 'y' -> run == 4 ? Field.YEAR : null;
      case 'M' -> run == 2 ? Field.MONTH : null;
      case 'd' -> run == 2 ? Field.DAY : null;
      case 'H' -> run == 2 ? Field.HOUR : null;
      case 'm' -> run == 2 ? Field.MINUTE : null;
      case 's' -> run == 2 ? Field.SECOND : null;
      case 'S' -> run == 3 ? Field.MILLI : null;
      default -> null;
    };
  }

  /** {@code time} in this pattern. */
  public String format(LocalDateTime time) {
    int year = time.getYear();
    if (plan == null || year < 1 || year > 9999) {
      return formatter.format(time);
    }
    byte[] text = new byte[length];
    int at = 0;
    for (Part part : plan) {
      if (part.field == null) {
        text[at++] = (byte) part.separator;
        continue;
      }
      switch (part.field) {
        case YEAR -> {
          at = digits(text, at, year / 100);
          at = digits(text, at, year % 100);
        }
        case MONTH -> at = digits(text, at, time.getMonthValue());
        case DAY -> at = digits(text, at, time.getDayOfMonth());
        case HOUR -> at = digits(text, at, time.getHour());
        case MINUTE -> at = digits(text, at, time.getMinute());
        case SECOND -> at = digits(text, at, time.getSecond());
        default -> {
          int milli = time.getNano() / 1_000_000;
          text[at++] = (byte) ('0' + milli / 100);
          at = digits(text, at, milli % 100);
        }
      }
    }
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  private static int digits(byte[] text, int at, int twoDigits) {
    text[at] = (byte) ('0' + twoDigits / 10);
    text[at + 1] = (byte) ('0' + twoDigits % 10);
    return at + 2;
  }
}
