package io.spate.api.metrics;

import io.spate.api.annotation.PublicEvolving;

/**
 * A histogram over the last {@code windowSize} values, whose statistics are those of the values in
 * that window: mean, sample standard deviation, minimum, maximum, and quantiles estimated as Flink's
 * histogram of this name estimates them. Any thread may record values.
 */
@PublicEvolving
public final class DescriptiveStatisticsHistogram implements Histogram {

  private final long[] window;
  private long count;

  /** A histogram over the last {@code windowSize} (at least 1) values. */
  public DescriptiveStatisticsHistogram(int windowSize) {
    if (windowSize < 1) {
      throw new IllegalArgumentException(
          "A DescriptiveStatisticsHistogram keeps at least one value; got window size " + windowSize);
    }
    this.window = new long[windowSize];
  }

  @Override
  public synchronized void update(long value) {
    window[(int) (count % window.length)] = value;
    count++;
  }

  @Override
  public synchronized long getCount() {
    return count;
  }

  @Override
  public HistogramStatistics getStatistics() {
    long[] oldestFirst;
    synchronized (this) {
      int kept = (int) Math.min(count, window.length);
      oldestFirst = new long[kept];
      int oldest = count <= window.length ? 0 : (int) (count % window.length);
      for (int i = 0; i < kept; i++) {
        oldestFirst[i] = window[(oldest + i) % window.length];
      }
    }
    return new WindowStatistics(oldestFirst);
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
