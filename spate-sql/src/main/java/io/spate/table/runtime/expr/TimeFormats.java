package io.spate.table.runtime.expr;

import io.spate.api.annotation.Internal;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** How SQL prints times and timestamps: {@code yyyy-MM-dd HH:mm:ss} and as many fractional digits as the precision. */
@Internal
public final class TimeFormats {

  private TimeFormats() {}

  /** {@code t} as {@code yyyy-MM-dd HH:mm:ss[.f...]} with {@code precision} fractional digits. */
  public static String timestamp(LocalDateTime t, int precision) {
    StringBuilder out = new StringBuilder(32);
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      out.append(year);
    } else {
      pad(out, year, 4);
    }
    out.append('-');
    pad(out, t.getMonthValue(), 2);
    out.append('-');
    pad(out, t.getDayOfMonth(), 2);
    out.append(' ');
    appendTime(out, t.toLocalTime(), precision);
    return out.toString();
  }

  /** {@code t} as {@code HH:mm:ss[.f...]} with {@code precision} fractional digits. */
  public static String time(LocalTime t, int precision) {
    StringBuilder out = new StringBuilder(18);
    appendTime(out, t, precision);
    return out.toString();
  }

  private static void appendTime(StringBuilder out, LocalTime t, int precision) {
    pad(out, t.getHour(), 2);
    out.append(':');
    pad(out, t.getMinute(), 2);
    out.append(':');
    pad(out, t.getSecond(), 2);
    if (precision > 0) {
      out.append('.');
      String nanos = String.valueOf(1_000_000_000 + t.getNano()).substring(1);
      out.append(nanos, 0, Math.min(precision, 9));
    }
  }

  private static void pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    out.append(digits);
  }
}
