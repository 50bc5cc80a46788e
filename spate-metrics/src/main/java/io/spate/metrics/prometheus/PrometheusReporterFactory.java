package io.spate.metrics.prometheus;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.metrics.reporter.MetricReporter;
import io.spate.api.metrics.reporter.MetricReporterFactory;
import java.util.Properties;

/** Creates {@link PrometheusReporter}s; chosen with {@code metrics.reporter.<name>.type: prometheus}. */
@PublicEvolving
public final class PrometheusReporterFactory implements MetricReporterFactory {

  @Override
  public MetricReporter createMetricReporter(Properties properties) {
    return new PrometheusReporter();
  }

  /** {@code prometheus}. */
  @Override
  public String identifier() {
    return "prometheus";
  }
}
