package io.spate.bench.nexmark.flink.sql;

import org.apache.flink.table.functions.ScalarFunction;

/**
 * Flink's twin of q14's {@code count_char(s, c)} ({@link io.spate.bench.nexmark.sql.CountChar}): how
 * many times the first character of {@code c} occurs in {@code s}.
 */
public class CountChar extends ScalarFunction {

  private static final long serialVersionUID = 1L;

  /** The count; 0 for a null or empty argument. */
  public long eval(String s, String c) {
    if (s == null || c == null || c.isEmpty()) {
      return 0;
    }
    char wanted = c.charAt(0);
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == wanted) {
        n++;
      }
    }
    return n;
  }
}
