package io.spate.api.metrics.reporter;

import io.spate.api.annotation.PublicEvolving;
import java.util.Properties;

/**
 * Creates a {@link MetricReporter}. Factories are found with {@link java.util.ServiceLoader} (list the
 * class in {@code META-INF/services/io.spate.api.metrics.reporter.MetricReporterFactory}) and chosen
 * by {@code metrics.reporter.<name>.factory.class}.
 */
@PublicEvolving
public interface MetricReporterFactory {

  /** A new reporter; {@code properties} are its options, as {@link MetricReporter#open} will get them. */
  MetricReporter createMetricReporter(Properties properties);
}
