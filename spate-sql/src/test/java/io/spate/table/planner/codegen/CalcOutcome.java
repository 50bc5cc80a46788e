package io.spate.table.planner.codegen;

import io.spate.api.types.Row;
import io.spate.table.runtime.generated.GeneratedCalc;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a calc made of one row: the output row (null when the filter dropped it) or the exception it
 * threw; two outcomes are the same when the rows hold equal values of the same classes, or the
 * exceptions are of one class with one message.
 */
record CalcOutcome(Row row, boolean dropped, Throwable error) {

  /** Runs {@code calc} on {@code input}. */
  static CalcOutcome of(Function<Row, Row> calc, Row input) {
    try {
      Row out = calc.apply(input);
      return new CalcOutcome(out, out == null, null);
    } catch (RuntimeException e) {
      return new CalcOutcome(null, false, e);
    }
  }

  /** Runs the generated {@code calc} on {@code input}. */
  static CalcOutcome ofGenerated(GeneratedCalc calc, Row input) {
    return of(calc::process, input);
  }

  /** Whether this and {@code other} are the same outcome, classes of values and exceptions included. */
  boolean sameAs(CalcOutcome other) {
    if (error != null || other.error != null) {
      return error != null && other.error != null && error.getClass() == other.error.getClass()
          && Objects.equals(error.getMessage(), other.error.getMessage());
    }
    if (dropped || other.dropped) {
      return dropped == other.dropped;
    }
    if (row.getKind() != other.row.getKind() || row.getArity() != other.row.getArity()) {
      return false;
    }
    for (int i = 0; i < row.getArity(); i++) {
      if (!sameValue(row.getField(i), other.row.getField(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameValue(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.getClass() != b.getClass()) {
      return false;
    }
    if (a instanceof Row x) {
      Row y = (Row) b;
      if (x.getArity() != y.getArity()) {
        return false;
      }
      for (int i = 0; i < x.getArity(); i++) {
        if (!sameValue(x.getField(i), y.getField(i))) {
          return false;
        }
      }
      return true;
    }
    return Objects.deepEquals(a, b);
  }

  @Override
  public String toString() {
    if (error != null) {
      return error.getClass().getName() + ": " + error.getMessage();
    }
    if (dropped) {
      return "(dropped)";
    }
    StringBuilder out = new StringBuilder(row.getKind().shortString()).append('[');
    for (int i = 0; i < row.getArity(); i++) {
      Object value = row.getField(i);
      out.append(i == 0 ? "" : ", ").append(value instanceof Object[] a ? Arrays.deepToString(a) : value)
          .append(value == null ? "" : ":" + value.getClass().getSimpleName());
    }
    return out.append(']').toString();
  }
}
