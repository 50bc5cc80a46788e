package io.spate.table.runtime.expr;

import io.spate.api.annotation.Internal;
import java.time.Duration;
import java.time.Period;

/**
 * The text of interval values as Flink prints and casts them: a day-time interval as {@code +d hh:mm:ss.fff}
 * ({@code +0 01:30:00.000}), a year-month interval as {@code +y-mm} ({@code +1-02}); negative ones start with
 * {@code -}.
 */
@Internal
public final class IntervalFormats {

  private IntervalFormats() {}

  /** The text of a day-time interval of {@code millis} milliseconds. */
  public static String dayTime(long millis) {
    StringBuilder out = new StringBuilder(20).append(millis < 0 ? '-' : '+');
    // Through the negative range: it holds Long.MIN_VALUE, which has no positive counterpart.
    long negative = millis < 0 ? millis : -millis;
    long fraction = -(negative % 1000);
    long seconds = -(negative / 1000);
    out.append(seconds / 86_400).append(' ');
    twoDigits(out, seconds / 3600 % 24).append(':');
    twoDigits(out, seconds / 60 % 60).append(':');
    twoDigits(out, seconds % 60).append('.');
    if (fraction < 100) {
      out.append(fraction < 10 ? "00" : "0");
    }
    return out.append(fraction).toString();
  }

  /** The text of a year-month interval of {@code months} months. */
  public static String yearMonth(int months) {
    StringBuilder out = new StringBuilder(12).append(months < 0 ? '-' : '+');
    long total = Math.abs((long) months);
    out.append(total / 12).append('-');
    return twoDigits(out, total % 12).toString();
  }

  /** The text of an interval in its Java class ({@link Duration} or {@link Period}), or null for another value. */
  public static String ofJava(Object value) {
    if (value instanceof Duration duration) {
      return dayTime(duration.toMillis());
    }
    if (value instanceof Period period) {
      return yearMonth((int) period.toTotalMonths());
    }
    return null;
  }

  private static StringBuilder twoDigits(StringBuilder out, long value) {
    return (value < 10 ? out.append('0') : out).append(value);
  }
}
