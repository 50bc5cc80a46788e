package io.spate.api.metrics.reporter;

import io.spate.api.annotation.PublicEvolving;
import java.util.Properties;

/**
 * Creates a {@link MetricReporter}. Factories are found with {@link java.util.ServiceLoader} (list the
 * class in {@code META-INF/services/io.spate.api.metrics.reporter.MetricReporterFactory}) and chosen
 * by {@code metrics.reporter.<name>.factory.class}, or by {@code metrics.reporter.<name>.type} when it
 * has an {@link #identifier()}.
 */
@PublicEvolving
public interface MetricReporterFactory {

  /** A new reporter; {@code properties} are its options, as {@link MetricReporter#open} will get them. */
  MetricReporter createMetricReporter(Properties properties);

  /**
   * The name {@code metrics.reporter.<name>.type} chooses this factory by (such as {@code prometheus}),
   * or null if it can only be chosen by its class name.
   */
  default String identifier() {
    return null;
  }
}
