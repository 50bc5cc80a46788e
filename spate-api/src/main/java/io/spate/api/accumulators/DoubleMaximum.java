package io.spate.api.accumulators;

import io.spate.api.annotation.Public;

/** An accumulator of the maximum of the {@code double} values added, over all subtasks. */
@Public
public class DoubleMaximum implements SimpleAccumulator<Double> {

  private static final long serialVersionUID = 1L;

  private double value = Double.NEGATIVE_INFINITY;

  /** Starts at Double.NEGATIVE_INFINITY. */
  public DoubleMaximum() {}

  /** Starts at {@code value}. */
  public DoubleMaximum(double value) {
    this.value = value;
  }

  /** Takes {@code value} into the maximum. */
  public void add(double value) {
    this.value = Math.max(this.value, value);
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
    value = Double.NEGATIVE_INFINITY;
  }

  @Override
  public DoubleMaximum clone() {
    return new DoubleMaximum(value);
  }

  @Override
  public String toString() {
    return "DoubleMaximum " + value;
  }
}
