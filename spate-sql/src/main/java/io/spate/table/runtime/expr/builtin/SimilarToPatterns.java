package io.spate.table.runtime.expr.builtin;

import io.spate.api.annotation.Internal;
import io.spate.table.api.TableException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regular expression of an SQL {@code SIMILAR TO} pattern: {@code %} and {@code _} as in {@code
 * LIKE}; {@code |}, {@code *}, {@code +}, {@code ?}, <code>{m,n}</code>, parentheses and bracket
 * expressions as in regular expressions; every other character literal, and the escape character
 * making the next one literal.
 */
@Internal
public final class SimilarToPatterns {

  private SimilarToPatterns() {}

  /** {@code pattern} (with the escape character {@code escape}, or none if null) as a Java pattern matching whole strings. */
  public static Pattern compile(String pattern, Character escape) {
    StringBuilder regex = new StringBuilder();
    boolean inBracket = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (escape != null && c == escape) {
        if (i + 1 == pattern.length()) {
          throw new TableException("The SIMILAR TO pattern '" + pattern + "' ends with its escape character "
              + escape);
        }
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
        continue;
      }
      if (inBracket) {
        inBracket = c != ']';
        regex.append(c == '\\' || c == '[' ? "\\" + c : String.valueOf(c));
        continue;
      }
      switch (c) {
        case '%' -> regex.append(".*");
        case '_' -> regex.append('.');
        case '[' -> {
          inBracket = true;
          regex.append('[');
          if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '^') {
            regex.append('^');
            i++;
          }
        }
        case '|', '*', '+', '?', '(', ')', '{', '}', ',' -> regex.append(c);
        default -> {
          if (".^$\\]".indexOf(c) >= 0) {
            regex.append('\\');
          }
          regex.append(c);
        }
      }
    }
    try {
      return Pattern.compile(regex.toString(), Pattern.DOTALL);
    } catch (PatternSyntaxException e) {
      throw new TableException("'" + pattern + "' is not a SIMILAR TO pattern: " + e.getDescription());
    }
  }
}
