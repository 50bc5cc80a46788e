package io.spate.table.runtime.operators.setop;

import io.spate.api.annotation.Internal;

/**
 * A set operation of two tables, as the number of times a row is in the result given the number of
 * times it is in the left and in the right input.
 */
@Internal
public enum SetOperation {
  /** {@code UNION}: every distinct row of either input, once. */
  UNION("Union"),
  /** {@code INTERSECT}: every distinct row of both inputs, once. */
  INTERSECT("Intersect"),
  /** {@code INTERSECT ALL}: a row as often as it is in both inputs (the smaller count). */
  INTERSECT_ALL("IntersectAll"),
  /** {@code EXCEPT}/{@code MINUS}: every distinct row of the left input that the right one lacks, once. */
  MINUS("Minus"),
  /** {@code EXCEPT ALL}/{@code MINUS ALL}: a row as often as the left input has it more than the right one. */
  MINUS_ALL("MinusAll");

  private final String displayName;

  SetOperation(String displayName) {
    this.displayName = displayName;
  }

  /** The name of the operation in plans and job graphs, as Flink users read it ({@code MinusAll}). */
  public String displayName() {
    return displayName;
  }

  /** How often a row is in the result when the left input has it {@code left} times and the right one {@code right}. */
  public long count(long left, long right) {
    switch (this) {
      case UNION:
        return left > 0 || right > 0 ? 1 : 0;
      case INTERSECT:
        return left > 0 && right > 0 ? 1 : 0;
      case INTERSECT_ALL:
        return Math.max(0, Math.min(left, right));
      case MINUS:
        return left > 0 && right <= 0 ? 1 : 0;
      case MINUS_ALL:
        return Math.max(0, left - right);
      default:
        throw new IllegalStateException(name());
    }
  }

  /** Whether the result only grows while both inputs only grow (union and intersection), so it is insert-only then. */
  public boolean growsWithInputs() {
    return this == UNION || this == INTERSECT || this == INTERSECT_ALL;
  }
}
