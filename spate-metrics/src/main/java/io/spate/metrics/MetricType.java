package io.spate.metrics;

import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.Histogram;
import io.spate.api.metrics.Meter;
import io.spate.api.metrics.Metric;
import java.util.Locale;

/** The four kinds of metric, as reporter filters name them ({@code counter}, {@code meter}...). */
public enum MetricType {
  /** A {@link Counter}. */
  COUNTER,
  /** A {@link Meter}. */
  METER,
  /** A {@link Gauge}. */
  GAUGE,
  /** A {@link Histogram}. */
  HISTOGRAM;

  /** The kind of {@code metric}, or null if it is none of the four. */
  public static MetricType of(Metric metric) {
    if (metric instanceof Counter) {
      return COUNTER;
    } else if (metric instanceof Meter) {
      return METER;
    } else if (metric instanceof Gauge) {
      return GAUGE;
    } else if (metric instanceof Histogram) {
      return HISTOGRAM;
    }
    return null;
  }

  /** The name filters use: {@code counter}, {@code meter}, {@code gauge} or {@code histogram}. */
  public String filterName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
