package io.spate.metrics.prometheus;

import io.spate.api.metrics.Metric;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.metrics.reporter.MetricConfig;
import io.spate.api.metrics.reporter.MetricReporter;
import io.spate.api.metrics.reporter.MetricReporterFactory;
import io.spate.metrics.ReporterScope;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes reporters that record the Prometheus family name and labels of every metric they are told
 * of, and keep them after the metric is removed, so that a test sees what a job exported over its
 * whole run. Registered in this test source set's META-INF/services.
 */
public final class FamilyRecordingReporterFactory implements MetricReporterFactory {

  /** Every family name recorded, with the label sets seen for it. */
  static final Map<String, Set<Map<String, String>>> FAMILIES = new ConcurrentHashMap<>();

  @Override
  public MetricReporter createMetricReporter(Properties properties) {
    return new MetricReporter() {
      private ReporterScope scope;

      @Override
      public void open(MetricConfig config) {
        scope = ReporterScope.from(config);
      }

      @Override
      public void close() {}

      @Override
      public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
        FAMILIES.computeIfAbsent(PrometheusReporter.familyName(group, metricName), n -> ConcurrentHashMap.newKeySet())
            .add(scope.variables(group));
      }

      @Override
      public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {}
    };
  }
}
