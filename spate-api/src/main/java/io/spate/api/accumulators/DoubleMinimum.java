package io.spate.api.accumulators;

import io.spate.api.annotation.Public;

/** An accumulator of the minimum of the {@code double} values added, over all subtasks. */
@Public
public class DoubleMinimum implements SimpleAccumulator<Double> {

  private static final long serialVersionUID = 1L;

  private double value = Double.POSITIVE_INFINITY;

  /** Starts at Double.POSITIVE_INFINITY. */
  public DoubleMinimum() {}

  /** Starts at {@code value}. */
  public DoubleMinimum(double value) {
    this.value = value;
  }

  /** Takes {@code value} into the minimum. */
  public void add(double value) {
    this.value = Math.min(this.value, value);
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
    value = Double.POSITIVE_INFINITY;
  }

  @Override
  public DoubleMinimum clone() {
    return new DoubleMinimum(value);
  }

  @Override
  public String toString() {
    return "DoubleMinimum " + value;
  }
}
