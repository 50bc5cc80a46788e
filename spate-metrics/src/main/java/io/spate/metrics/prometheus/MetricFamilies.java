package io.spate.metrics.prometheus;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.Histogram;
import io.spate.api.metrics.HistogramStatistics;
import io.spate.api.metrics.Meter;
import io.spate.api.metrics.Metric;
import io.spate.metrics.MetricType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics a {@link PrometheusReporter} serves, by family name and labels; turned into Prometheus
 * snapshots on every scrape. Notifications add and remove series while scrapes read them from the
 * HTTP server's threads: each family is changed only inside a compute on the concurrent map.
 */
final class MetricFamilies implements MultiCollector {

  private static final Logger LOG = LoggerFactory.getLogger(MetricFamilies.class);

  /** The quantiles of a histogram's summary, as Flink reports them. */
  static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};

  private final Map<String, Family> families = new ConcurrentHashMap<>();
  // Families whose name Prometheus refuses (such as a user metric ending in _total), logged once each.
  private final Map<String, Boolean> refused = new ConcurrentHashMap<>();

  private record Family(String help, boolean summary, Map<Map<String, String>, Metric> series) {}

  /**
   * Adds {@code metric} as the series {@code labels} of family {@code name}; false, leaving the family
   * as it was, if that series exists or the family holds metrics of the other Prometheus type.
   */
  boolean add(String name, String help, MetricType type, Map<String, String> labels, Metric metric) {
    boolean summary = type == MetricType.HISTOGRAM;
    boolean[] added = {false};
    families.compute(name, (n, family) -> {
      Family f = family == null ? new Family(help, summary, new ConcurrentHashMap<>()) : family;
      if (f.summary() == summary && f.series().putIfAbsent(Map.copyOf(labels), metric) == null) {
        added[0] = true;
      }
      return f;
    });
    return added[0];
  }

  /** Removes the series {@code labels} of family {@code name} if it is {@code metric}, and the family with its last series. */
  void remove(String name, Map<String, String> labels, Metric metric) {
    families.computeIfPresent(name, (n, family) -> {
      family.series().remove(Map.copyOf(labels), metric);
      return family.series().isEmpty() ? null : family;
    });
  }

  @Override
  public MetricSnapshots collect() {
    List<MetricSnapshot> snapshots = new ArrayList<>();
    families.forEach((name, family) -> {
      try {
        MetricSnapshot snapshot = family.summary() ? summary(name, family) : gauge(name, family);
        if (snapshot != null) {
          snapshots.add(snapshot);
        }
      } catch (IllegalArgumentException e) {
        if (refused.putIfAbsent(name, Boolean.TRUE) == null) {
          LOG.warn("Prometheus reporter leaves out the metric {}: {}", name, e.getMessage());
        }
      }
    });
    return new MetricSnapshots(snapshots);
  }

  private static GaugeSnapshot gauge(String name, Family family) {
    GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(family.help());
    int points = 0;
    for (Map.Entry<Map<String, String>, Metric> e : family.series().entrySet()) {
      Double value = value(e.getValue());
      if (value != null) {
        builder.dataPoint(GaugeDataPointSnapshot.builder().labels(labels(e.getKey())).value(value).build());
        points++;
      }
    }
    return points == 0 ? null : builder.build();
  }

  private static SummarySnapshot summary(String name, Family family) {
    SummarySnapshot.Builder builder = SummarySnapshot.builder().name(name).help(family.help());
    for (Map.Entry<Map<String, String>, Metric> e : family.series().entrySet()) {
      Histogram histogram = (Histogram) e.getValue();
      HistogramStatistics statistics = histogram.getStatistics();
      Quantiles.Builder quantiles = Quantiles.builder();
      for (double q : QUANTILES) {
        quantiles.quantile(new Quantile(q, statistics.getQuantile(q)));
      }
      builder.dataPoint(SummaryDataPointSnapshot.builder().labels(labels(e.getKey())).count(histogram.getCount())
          .quantiles(quantiles.build()).build());
    }
    return builder.build();
  }

  /** The value of a counter, meter (its rate) or gauge of a number or boolean; null for other gauges. */
  static Double value(Metric metric) {
    if (metric instanceof Counter counter) {
      return (double) counter.getCount();
    } else if (metric instanceof Meter meter) {
      return meter.getRate();
    } else if (metric instanceof Gauge<?> gauge) {
      Object value = gauge.getValue();
      if (value instanceof Number number) {
        return number.doubleValue();
      } else if (value instanceof Boolean bool) {
        return bool ? 1.0 : 0.0;
      }
    }
    return null;
  }

  private static Labels labels(Map<String, String> labels) {
    Labels.Builder builder = Labels.builder();
    labels.forEach(builder::label);
    return builder.build();
  }
}
