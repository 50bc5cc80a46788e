package io.spate.table.runtime.expr;

import io.spate.api.annotation.Internal;
import io.spate.table.api.TableException;
import java.util.regex.Pattern;

/** SQL's string functions where Java has no single method that matches them. */
@Internal
public final class StringFunctions {

  private StringFunctions() {}

  /** {@code SUBSTRING(value FROM start FOR length)}: 1-based; a start before 1 eats into the length, as in SQL. */
  public static String substring(String value, int start, int length) {
    if (length < 0) {
      throw new TableException("SUBSTRING of '" + value + "' with a negative length " + length);
    }
    long from = start - 1L;
    long to = length == Integer.MAX_VALUE ? Long.MAX_VALUE : from + length;
    from = Math.max(from, 0);
    to = Math.min(to, value.length());
    return from >= to ? "" : value.substring((int) from, (int) to);
  }

  /** {@code TRIM([BOTH|LEADING|TRAILING] chars FROM value)}. */
  public static String trim(String flag, String chars, String value) {
    boolean leading = !flag.equalsIgnoreCase("TRAILING");
    boolean trailing = !flag.equalsIgnoreCase("LEADING");
    int from = 0;
    int to = value.length();
    while (leading && from < to && chars.indexOf(value.charAt(from)) >= 0) {
      from++;
    }
    while (trailing && to > from && chars.indexOf(value.charAt(to - 1)) >= 0) {
      to--;
    }
    return value.substring(from, to);
  }

  /** {@code INITCAP(value)}: the first letter of each word upper case, the others lower case. */
  public static String initcap(String value) {
    StringBuilder out = new StringBuilder(value.length());
    boolean startOfWord = true;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(startOfWord ? Character.toUpperCase(c) : Character.toLowerCase(c));
        startOfWord = false;
      } else {
        out.append(c);
        startOfWord = true;
      }
    }
    return out.toString();
  }

  /** The regular expression of a SQL {@code LIKE} pattern ({@code %}, {@code _}, an optional escape character). */
  public static Pattern likePattern(String pattern, Character escape) {
    StringBuilder regex = new StringBuilder(pattern.length() + 8);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (escape != null && c == escape) {
        if (i + 1 >= pattern.length()) {
          throw new TableException("The LIKE pattern '" + pattern + "' ends with its escape character");
        }
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        regex.append("(?s:.*)");
      } else if (c == '_') {
        regex.append("(?s:.)");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  /**
   * The regular expression of a SQL {@code LIKE} pattern, or of an {@code ILIKE} pattern where
   * {@code caseSensitive} is false: as Flink's, it ignores the case of ASCII letters only.
   */
  public static Pattern likePattern(String pattern, Character escape, boolean caseSensitive) {
    Pattern like = likePattern(pattern, escape);
    return caseSensitive ? like : Pattern.compile(like.pattern(), Pattern.CASE_INSENSITIVE);
  }
}
