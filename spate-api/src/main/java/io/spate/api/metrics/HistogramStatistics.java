package io.spate.api.metrics;

import io.spate.api.annotation.Public;

/** A snapshot of the values a {@link Histogram} keeps, and statistics over them. */
@Public
public abstract class HistogramStatistics {

  /**
   * The value below which the fraction {@code quantile} (0 to 1) of the values lie, or NaN when
   * there are none.
   */
  public abstract double getQuantile(double quantile);

  /** The values of the snapshot. */
  public abstract long[] getValues();

  /** How many values the snapshot holds. */
  public abstract int size();

  /** Their arithmetic mean, or NaN when there are none. */
  public abstract double getMean();

  /** Their sample standard deviation (n - 1 in the denominator); 0 for fewer than two values. */
  public abstract double getStdDev();

  /** The largest value, or 0 when there are none. */
  public abstract long getMax();

  /** The smallest value, or 0 when there are none. */
  public abstract long getMin();
}
