package io.spate.table.runtime.expr;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import java.util.Arrays;
import java.util.Objects;

/** SQL comparison of two non-null values of comparable SQL types. */
@Internal
public final class Comparisons {

  private Comparisons() {}

  /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Numbers.compare(x, y);
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.compareUnsigned(x, y);
    }
    if (a instanceof Comparable x && a.getClass() == b.getClass()) {
      return x.compareTo(b);
    }
    throw new IllegalArgumentException("Cannot compare " + a.getClass().getName() + " with " + b.getClass().getName());
  }

  /** Whether two non-null values are equal in SQL: numbers by value, arrays, rows and maps by their elements. */
  public static boolean equal(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Numbers.compare(x, y) == 0;
    }
    if (a instanceof Object[] x && b instanceof Object[] y) {
      return Arrays.deepEquals(x, y);
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    if (a instanceof Row || b instanceof Row) {
      return Objects.equals(a, b);
    }
    return a.equals(b);
  }
}
