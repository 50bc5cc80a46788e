package io.spate.api.metrics;

import io.spate.api.annotation.Public;

/** A metric that records the distribution of long values, such as latencies or sizes. */
@Public
public interface Histogram extends Metric {
  /** Records {@code value}. */
  void update(long value);

  /** How many values were recorded since the histogram was created (not only those it still keeps). */
  long getCount();

  /** Statistics over the values the histogram keeps, computed when called. */
  HistogramStatistics getStatistics();
}
