package io.spate.table.docs.udf;

import io.spate.table.functions.AggregateFunction;

/** The aggregate function of docs/sql/functions.md. */
public class WeightedAverage extends AggregateFunction<Double, WeightedAverage.Sums> {

  /** The accumulator: a POJO of public fields. */
  public static class Sums {
    public double weighted;
    public long weights;
  }

  @Override
  public Sums createAccumulator() {
    return new Sums();
  }

  @Override
  public Double getValue(Sums sums) {
    return sums.weights == 0 ? null : sums.weighted / sums.weights;
  }

  public void accumulate(Sums sums, Double value, Integer weight) {
    if (value != null && weight != null) {
      sums.weighted += value * weight;
      sums.weights += weight;
    }
  }

  public void retract(Sums sums, Double value, Integer weight) {
    if (value != null && weight != null) {
      sums.weighted -= value * weight;
      sums.weights -= weight;
    }
  }
}
