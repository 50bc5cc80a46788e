package io.spate.api.accumulators;

import io.spate.api.annotation.Public;

/** An accumulator of the maximum of the {@code int} values added, over all subtasks. */
@Public
public class IntMaximum implements SimpleAccumulator<Integer> {

  private static final long serialVersionUID = 1L;

  private int value = Integer.MIN_VALUE;

  /** Starts at Integer.MIN_VALUE. */
  public IntMaximum() {}

  /** Starts at {@code value}. */
  public IntMaximum(int value) {
    this.value = value;
  }

  /** Takes {@code value} into the maximum. */
  public void add(int value) {
    this.value = Math.max(this.value, value);
  }

  @Override
  public void add(Integer value) {
    add(value.intValue());
  }

  @Override
  public Integer getLocalValue() {
    return value;
  }

  /** The local value, unboxed. */
  public int getLocalValuePrimitive() {
    return value;
  }

  @Override
  public void merge(Accumulator<Integer, Integer> other) {
    add(other.getLocalValue().intValue());
  }

  @Override
  public void resetLocal() {
    value = Integer.MIN_VALUE;
  }

  @Override
  public IntMaximum clone() {
    return new IntMaximum(value);
  }

  @Override
  public String toString() {
    return "IntMaximum " + value;
  }
}
