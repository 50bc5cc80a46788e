package io.spate.api.metrics;

import io.spate.api.annotation.PublicEvolving;

/**
 * A histogram over the last {@code windowSize} values, whose statistics are those of the values in
 * that window: mean, sample standard deviation, minimum, maximum, and quantiles estimated as Flink's
 * histogram of this name estimates them. Any thread may record values.
 */
@PublicEvolving
public final class DescriptiveStatisticsHistogram extends RecentValuesHistogram {

  private static final long serialVersionUID = 1L;

  /** A histogram over the last {@code windowSize} (at least 1) values. */
  public DescriptiveStatisticsHistogram(int windowSize) {
    super(checkWindowSize(windowSize));
  }

  private static int checkWindowSize(int windowSize) {
    if (windowSize < 1) {
      throw new IllegalArgumentException(
          "A DescriptiveStatisticsHistogram keeps at least one value; got window size " + windowSize);
    }
    return windowSize;
  }

  @Override
  public HistogramStatistics getStatistics() {
    return new WindowStatistics(recentValues());
  }

  /**
   * Statistics over a copy of the window. The q-quantile of n sorted values v[1..n] is taken at
   * position p = q * (n + 1): the minimum below 1, the maximum from n on, and between them v[floor(p)]
   * plus the fraction of p times the step to the next value.
   */
  private static final class WindowStatistics extends SortedHistogramValues {
    private final long[] oldestFirst;

    WindowStatistics(long[] oldestFirst) {
      super(oldestFirst.clone());
      this.oldestFirst = oldestFirst;
    }

    @Override
    public double getQuantile(double quantile) {
      checkQuantile(quantile);
      int n = sorted.length;
      if (n == 0) {
        return Double.NaN;
      }
      double position = quantile * (n + 1);
      if (position < 1) {
        return sorted[0];
      }
      if (position >= n) {
        return sorted[n - 1];
      }
      int below = (int) Math.floor(position);
      double lower = sorted[below - 1];
      return lower + (position - below) * (sorted[below] - lower);
    }

    /** The values in the window, oldest first. */
    @Override
    public long[] getValues() {
      return oldestFirst.clone();
    }
  }
}
