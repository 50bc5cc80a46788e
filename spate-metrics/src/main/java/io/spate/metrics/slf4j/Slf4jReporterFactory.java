package io.spate.metrics.slf4j;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.metrics.reporter.MetricReporter;
import io.spate.api.metrics.reporter.MetricReporterFactory;
import java.util.Properties;

/** Creates {@link Slf4jReporter}s; chosen with {@code metrics.reporter.<name>.type: slf4j}. */
@PublicEvolving
public final class Slf4jReporterFactory implements MetricReporterFactory {

  @Override
  public MetricReporter createMetricReporter(Properties properties) {
    return new Slf4jReporter();
  }

  /** {@code slf4j}. */
  @Override
  public String identifier() {
    return "slf4j";
  }
}
