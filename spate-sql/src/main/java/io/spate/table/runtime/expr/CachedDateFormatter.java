package io.spate.table.runtime.expr;

import io.spate.api.annotation.Internal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A {@code DATE_FORMAT} pattern's formatter ({@link DateFormat}) that remembers its last text: a pattern whose finest field
 * is the day (such as {@code yyyy-MM-dd}), the hour, the minute or the second gives the same text for
 * every time of one such period, so times in the period of the last one formatted (as a stream's
 * times mostly are) reuse its text instead of formatting again. Patterns with finer fields, zones,
 * quoted text or optional sections format every time. One per expression and subtask, as
 * {@link PatternCache}.
 */
@Internal
public final class CachedDateFormatter {

  private static final long SECOND = 1000;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  private final DateFormat formatter;
  private final long period;
  private Period last;

  private CachedDateFormatter(DateFormat formatter, long period) {
    this.formatter = formatter;
    this.period = period;
  }

  /** The formatter of {@code pattern}, failing with the pattern in the message. */
  public static CachedDateFormatter of(String pattern) {
    return new CachedDateFormatter(DateFormat.of(pattern), period(pattern));
  }

  /** {@code time} in the pattern. */
  public String format(LocalDateTime time) {
    if (period == 0) {
      return formatter.format(time);
    }
    // The time's fields read as UTC milliseconds: periods start at multiples of their length.
    long millis = time.toEpochSecond(ZoneOffset.UTC) * 1000 + time.getNano() / 1_000_000;
    Period known = last; // immutable, so a subtask that shared this formatter would never read a torn one
    if (known == null || millis < known.start() || millis >= known.end()) {
      long start = Math.floorDiv(millis, period) * period;
      known = new Period(start, start + period, formatter.format(time));
      last = known;
    }
    return known.text();
  }

  /** The text of every time from {@code start} (inclusive) to {@code end} (exclusive). */
  private record Period(long start, long end, String text) {}

  /** The length of the period within which {@code pattern} gives one text; 0 if none is known. */
  static long period(String pattern) {
    long period = DAY;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'' || c == '[' || c == ']' || c == '{' || c == '}' || c == '#') {
        return 0;
      }
      if (!Character.isLetter(c)) {
        continue;
      }
      if ("GuyYDMLdQqwWEecFg".indexOf(c) >= 0) {
        continue;
      }
      if ("HhKka".indexOf(c) >= 0) {
        period = Math.min(period, HOUR);
      } else if (c == 'm') {
        period = Math.min(period, MINUTE);
      } else if (c == 's') {
        period = Math.min(period, SECOND);
      } else {
        return 0; // fractions of a second, zones, day periods and letters of no known field
      }
    }
    return period;
  }
}
