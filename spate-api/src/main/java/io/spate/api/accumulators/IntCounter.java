package io.spate.api.accumulators;

import io.spate.api.annotation.Public;

/** An accumulator of the sum of the {@code int} values added, over all subtasks. */
@Public
public class IntCounter implements SimpleAccumulator<Integer> {

  private static final long serialVersionUID = 1L;

  private int value = 0;

  /** Starts at 0. */
  public IntCounter() {}

  /** Starts at {@code value}. */
  public IntCounter(int value) {
    this.value = value;
  }

  /** Takes {@code value} into the sum. */
  public void add(int value) {
    this.value = this.value + value;
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
    value = 0;
  }

  @Override
  public IntCounter clone() {
    return new IntCounter(value);
  }

  @Override
  public String toString() {
    return "IntCounter " + value;
  }
}
