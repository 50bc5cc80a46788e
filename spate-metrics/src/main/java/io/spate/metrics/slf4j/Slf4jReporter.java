package io.spate.metrics.slf4j;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.metrics.CharacterFilter;
import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.Histogram;
import io.spate.api.metrics.HistogramStatistics;
import io.spate.api.metrics.Meter;
import io.spate.api.metrics.Metric;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.metrics.reporter.MetricConfig;
import io.spate.api.metrics.reporter.MetricReporter;
import io.spate.api.metrics.reporter.Scheduled;
import io.spate.metrics.ReporterScope;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every metric to the log at the reporter's interval ({@code metrics.reporter.<name>.interval},
 * default 10 s), one line per metric, grouped by kind and sorted by identifier, in one INFO message
 * of the logger {@code io.spate.metrics.slf4j.Slf4jReporter}. Identifiers are built with the
 * reporter's {@code scope.delimiter} (the registry's by default).
 */
@PublicEvolving
public class Slf4jReporter implements MetricReporter, Scheduled {

  private static final Logger LOG = LoggerFactory.getLogger(Slf4jReporter.class);

  private final Map<String, Metric> counters = new ConcurrentSkipListMap<>();
  private final Map<String, Metric> gauges = new ConcurrentSkipListMap<>();
  private final Map<String, Metric> meters = new ConcurrentSkipListMap<>();
  private final Map<String, Metric> histograms = new ConcurrentSkipListMap<>();
  private ReporterScope scope;

  @Override
  public void open(MetricConfig config) {
    scope = ReporterScope.from(config);
  }

  @Override
  public void close() {}

  @Override
  public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
    Map<String, Metric> kind = kindOf(metric);
    if (kind != null && scope.accepts(metric, metricName, group)) {
      kind.putIfAbsent(scope.identifier(group, metricName, CharacterFilter.NO_OP), metric);
    }
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
    Map<String, Metric> kind = kindOf(metric);
    if (kind != null) {
      kind.remove(scope.identifier(group, metricName, CharacterFilter.NO_OP), metric);
    }
  }

  private Map<String, Metric> kindOf(Metric metric) {
    if (metric instanceof Counter) {
      return counters;
    } else if (metric instanceof Gauge) {
      return gauges;
    } else if (metric instanceof Meter) {
      return meters;
    } else if (metric instanceof Histogram) {
      return histograms;
    }
    return null;
  }

  @Override
  public void report() {
    if (LOG.isInfoEnabled()) {
      LOG.info(render());
    }
  }

  /** The report {@link #report()} logs: a section per kind of metric, a line per metric. */
  String render() {
    StringBuilder sb = new StringBuilder("Metrics report\n");
    section(sb, "Counters", counters, metric -> String.valueOf(((Counter) metric).getCount()));
    section(sb, "Gauges", gauges, metric -> String.valueOf(((Gauge<?>) metric).getValue()));
    section(sb, "Meters", meters, metric -> {
      Meter meter = (Meter) metric;
      return String.format(Locale.ROOT, "rate=%.3f/s, count=%d", meter.getRate(), meter.getCount());
    });
    section(sb, "Histograms", histograms, metric -> {
      Histogram histogram = (Histogram) metric;
      HistogramStatistics s = histogram.getStatistics();
      return String.format(Locale.ROOT,
          "count=%d, min=%d, max=%d, mean=%.3f, stddev=%.3f, p50=%.3f, p75=%.3f, p95=%.3f, p98=%.3f, p99=%.3f,"
              + " p999=%.3f",
          histogram.getCount(), s.getMin(), s.getMax(), s.getMean(), s.getStdDev(), s.getQuantile(0.5),
          s.getQuantile(0.75), s.getQuantile(0.95), s.getQuantile(0.98), s.getQuantile(0.99), s.getQuantile(0.999));
    });
    return sb.toString();
  }

  private static void section(StringBuilder sb, String title, Map<String, Metric> metrics,
      java.util.function.Function<Metric, String> value) {
    sb.append("-- ").append(title).append(" (").append(metrics.size()).append(")\n");
    metrics.forEach((identifier, metric) -> {
      String text;
      try {
        text = value.apply(metric);
      } catch (RuntimeException e) {
        text = "<failed: " + e + ">"; // one broken gauge must not hide the others
      }
      sb.append(identifier).append(": ").append(text).append('\n');
    });
  }
}
