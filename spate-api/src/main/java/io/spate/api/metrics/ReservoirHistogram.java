package io.spate.api.metrics;

import io.spate.api.annotation.PublicEvolving;
import java.util.Arrays;

/**
 * A histogram over the most recent {@code capacity} values (a sliding-window reservoir): memory is
 * bounded by the capacity, however many values are recorded. Updates and snapshots take a lock on
 * the histogram, so any thread may record values.
 */
@PublicEvolving
public final class ReservoirHistogram extends RecentValuesHistogram {

  /** A histogram that keeps the last {@code capacity} values. */
  public ReservoirHistogram(int capacity) {
    super(checkCapacity(capacity));
  }

  private static int checkCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("A ReservoirHistogram keeps at least one value; got capacity " + capacity);
    }
    return capacity;
  }

  @Override
  public HistogramStatistics getStatistics() {
    return new SortedValues(recentValues());
  }

  /**
   * Statistics over a copy of the values, sorted once. Quantiles interpolate linearly between the two
   * nearest ranks: the q-quantile of n sorted values v is v[h] + (h - floor(h)) * (v[h+1] - v[h]) at
   * h = q * (n - 1), so the 0-quantile is the minimum and the 1-quantile the maximum.
   */
  private static final class SortedValues extends SortedHistogramValues {

    SortedValues(long[] values) {
      super(values);
    }

    @Override
    public double getQuantile(double quantile) {
      checkQuantile(quantile);
      if (sorted.length == 0) {
        return Double.NaN;
      }
      double h = quantile * (sorted.length - 1);
      int below = (int) Math.floor(h);
      if (below + 1 >= sorted.length) {
        return sorted[sorted.length - 1];
      }
      return sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
    }

    @Override
    public long[] getValues() {
      return Arrays.copyOf(sorted, sorted.length);
    }
  }
}
