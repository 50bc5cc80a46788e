package io.spate.table.runtime.expr;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import java.time.Duration;
import java.time.Period;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /**
   * {@code value} with every {@link Duration} and {@link Period} in it, also inside rows, arrays, maps and lists at
   * any depth, replaced by a value whose {@code toString()} is its SQL text; the containers are copies, so that
   * their usual text shows the intervals as SQL does. Other values are returned as they are.
   */
  public static Object textInside(Object value) {
    String interval = ofJava(value);
    if (interval != null) {
      return new Text(interval);
    }
    if (value instanceof Object[] array) {
      Object[] copy = new Object[array.length];
      for (int i = 0; i < array.length; i++) {
        copy[i] = textInside(array[i]);
      }
      return copy;
    }
    if (value instanceof Row row) {
      Row copy = Row.copy(row);
      Set<String> names = row.getFieldNames(false);
      if (names == null) {
        for (int i = 0; i < row.getArity(); i++) {
          copy.setField(i, textInside(row.getField(i)));
        }
      } else {
        for (String name : names) {
          copy.setField(name, textInside(row.getField(name)));
        }
      }
      return copy;
    }
    if (value instanceof Map<?, ?> map) {
      // A map's text is its entries' toString(), which an array has not: arrays in it stand in as their text.
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(arraysAsText(textInside(k)), arraysAsText(textInside(v))));
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(IntervalFormats::textInside).toList();
    }
    return value;
  }

  private static Object arraysAsText(Object value) {
    return value instanceof Object[] array ? new Text(Arrays.deepToString(array)) : value;
  }

  /** An interval's SQL text standing in for the interval. */
  private record Text(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  private static StringBuilder twoDigits(StringBuilder out, long value) {
    return (value < 10 ? out.append('0') : out).append(value);
  }
}
