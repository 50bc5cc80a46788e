package io.spate.api.accumulators;

import io.spate.api.annotation.Public;

/** An accumulator of the mean of the numbers added, over all subtasks; 0 while none was added. */
@Public
public class AverageAccumulator implements SimpleAccumulator<Double> {

  private static final long serialVersionUID = 1L;

  private long count;
  private double sum;

  /** Starts with no numbers. */
  public AverageAccumulator() {}

  @Override
  public void add(Double value) {
    add(value.doubleValue());
  }

  /** Takes {@code value} into the mean. */
  public void add(double value) {
    count++;
    sum += value;
  }

  /** Takes {@code value} into the mean. */
  public void add(long value) {
    add((double) value);
  }

  /** Takes {@code value} into the mean. */
  public void add(int value) {
    add((double) value);
  }

  @Override
  public Double getLocalValue() {
    return count == 0 ? 0.0 : sum / count;
  }

  @Override
  public void resetLocal() {
    count = 0;
    sum = 0;
  }

  /**
   * Takes the numbers of {@code other} into the mean.
   *
   * @throws IllegalArgumentException if {@code other} is not an AverageAccumulator, whose mean alone
   *     cannot be weighted
   */
  @Override
  public void merge(Accumulator<Double, Double> other) {
    if (!(other instanceof AverageAccumulator average)) {
      throw new IllegalArgumentException("An AverageAccumulator merges only another AverageAccumulator, not "
          + (other == null ? "null" : other.getClass().getName()) + ".");
    }
    count += average.count;
    sum += average.sum;
  }

  @Override
  public AverageAccumulator clone() {
    AverageAccumulator copy = new AverageAccumulator();
    copy.count = count;
    copy.sum = sum;
    return copy;
  }

  @Override
  public String toString() {
    return "AverageAccumulator " + getLocalValue() + " for " + count + " elements";
  }
}
