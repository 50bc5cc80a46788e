package io.spate.metrics.jmx;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.metrics.reporter.MetricReporter;
import io.spate.api.metrics.reporter.MetricReporterFactory;
import java.util.Properties;

/** Creates {@link JMXReporter}s; chosen with {@code metrics.reporter.<name>.type: jmx}. */
@PublicEvolving
public final class JMXReporterFactory implements MetricReporterFactory {

  @Override
  public MetricReporter createMetricReporter(Properties properties) {
    return new JMXReporter();
  }

  /** {@code jmx}. */
  @Override
  public String identifier() {
    return "jmx";
  }
}
