package io.spate.api.metrics;

import java.util.Arrays;

/** The statistics that do not depend on how quantiles are estimated, over a sorted copy of a histogram's values. */
abstract class SortedHistogramValues extends HistogramStatistics {

  /** The values, ascending. */
  protected final long[] sorted;

  /** Sorts {@code values}, which the snapshot then owns. */
  SortedHistogramValues(long[] values) {
    Arrays.sort(values);
    this.sorted = values;
  }

  @Override
  public int size() {
    return sorted.length;
  }

  @Override
  public double getMean() {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (long v : sorted) {
      sum += v;
    }
    return sum / sorted.length;
  }

  @Override
  public double getStdDev() {
    if (sorted.length < 2) {
      return 0;
    }
    double mean = getMean();
    double squares = 0;
    for (long v : sorted) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / (sorted.length - 1));
  }

  @Override
  public long getMax() {
    return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
  }

  @Override
  public long getMin() {
    return sorted.length == 0 ? 0 : sorted[0];
  }

  /** Checks that {@code quantile} lies in [0, 1]. */
  static void checkQuantile(double quantile) {
    if (!(quantile >= 0 && quantile <= 1)) {
      throw new IllegalArgumentException("A quantile lies between 0 and 1; got " + quantile);
    }
  }
}
