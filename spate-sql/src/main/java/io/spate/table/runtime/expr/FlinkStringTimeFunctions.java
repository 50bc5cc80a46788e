package io.spate.table.runtime.expr;

import io.spate.api.annotation.Internal;
import io.spate.table.api.TableException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Flink's string and time functions that Java has no single method for. */
@Internal
public final class FlinkStringTimeFunctions {

  /** The pattern {@code TO_TIMESTAMP} and {@code UNIX_TIMESTAMP} read without one. */
  public static final String DEFAULT_TIMESTAMP_PATTERN = "yyyy-MM-dd HH:mm:ss";

  private FlinkStringTimeFunctions() {}

  /** The formatter of a Java date-time {@code pattern}, failing with the pattern in the message. */
  public static DateTimeFormatter formatter(String pattern) {
    try {
      return DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new TableException("'" + pattern + "' is not a date-time pattern: " + e.getMessage(), e);
    }
  }

  /** {@code DATE_FORMAT(value, pattern)}: a timestamp (or text that is one) in the pattern. */
  public static String dateFormat(Object value, CachedDateFormatter formatter, ZoneId zone) {
    LocalDateTime time;
    if (value instanceof LocalDateTime t) {
      time = t;
    } else if (value instanceof Instant i) {
      time = LocalDateTime.ofInstant(i, zone);
    } else {
      try {
        time = Casts.parseTimestamp(((String) value).trim());
      } catch (TableException e) {
        return null;
      }
    }
    return formatter.format(time);
  }

  /** {@code TO_TIMESTAMP(text, pattern)}: the timestamp, or NULL if the text does not fit the pattern. */
  public static LocalDateTime toTimestamp(String text, DateTimeFormatter formatter) {
    try {
      return LocalDateTime.parse(text, formatter);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** {@code REGEXP_EXTRACT(text, regex, group)}: the group of the first match, or NULL. */
  public static String regexpExtract(String text, Pattern regex, int group) {
    Matcher matcher = regex.matcher(text);
    if (!matcher.find() || group < 0 || group > matcher.groupCount()) {
      return null;
    }
    return matcher.group(group);
  }

  /** {@code SPLIT_INDEX(text, separator, index)}: the index-th piece (from 0), or NULL. */
  public static String splitIndex(String text, String separator, int index) {
    if (index < 0 || separator.isEmpty()) {
      return null;
    }
    // A one-character separator (the usual '/' or ',') is looked for as a char, which skips
    // String.indexOf's substring matching.
    int single = separator.length() == 1 ? separator.charAt(0) : -1;
    int start = 0;
    for (int i = 0; i < index; i++) {
      int next = single >= 0 ? text.indexOf(single, start) : text.indexOf(separator, start);
      if (next < 0) {
        return null;
      }
      start = next + separator.length();
    }
    int end = single >= 0 ? text.indexOf(single, start) : text.indexOf(separator, start);
    return end < 0 ? text.substring(start) : text.substring(start, end);
  }
}
