package io.spate.api.accumulators;

import io.spate.api.annotation.Public;

/** An accumulator of the minimum of the {@code int} values added, over all subtasks. */
@Public
public class IntMinimum implements SimpleAccumulator<Integer> {

  private static final long serialVersionUID = 1L;

  private int value = Integer.MAX_VALUE;

  /** Starts at Integer.MAX_VALUE. */
  public IntMinimum() {}

  /** Starts at {@code value}. */
  public IntMinimum(int value) {
    this.value = value;
  }

  /** Takes {@code value} into the minimum. */
  public void add(int value) {
    this.value = Math.min(this.value, value);
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
    value = Integer.MAX_VALUE;
  }

  @Override
  public IntMinimum clone() {
    return new IntMinimum(value);
  }

  @Override
  public String toString() {
    return "IntMinimum " + value;
  }
}
