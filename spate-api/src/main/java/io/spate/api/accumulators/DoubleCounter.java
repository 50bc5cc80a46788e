package io.spate.api.accumulators;

import io.spate.api.annotation.Public;

/** An accumulator of the sum of the {@code double} values added, over all subtasks. */
@Public
public class DoubleCounter implements SimpleAccumulator<Double> {

  private static final long serialVersionUID = 1L;

  private double value = 0.0;

  /** Starts at 0.0. */
  public DoubleCounter() {}

  /** Starts at {@code value}. */
  public DoubleCounter(double value) {
    this.value = value;
  }

  /** Takes {@code value} into the sum. */
  public void add(double value) {
    this.value = this.value + value;
  }

  @Override
  public void add(Double value) {
    add(value.doubleValue());
  }

  @Override
  public Double getLocalValue() {
    return value;
  }

  /** The local value, unboxed. */
  public double getLocalValuePrimitive() {
    return value;
  }

  @Override
  public void merge(Accumulator<Double, Double> other) {
    add(other.getLocalValue().doubleValue());
  }

  @Override
  public void resetLocal() {
    value = 0.0;
  }

  @Override
  public DoubleCounter clone() {
    return new DoubleCounter(value);
  }

  @Override
  public String toString() {
    return "DoubleCounter " + value;
  }
}
