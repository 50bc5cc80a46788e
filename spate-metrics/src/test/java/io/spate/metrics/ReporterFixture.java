package io.spate.metrics;

import io.spate.api.configuration.Configuration;
import io.spate.api.metrics.reporter.MetricConfig;
import io.spate.api.metrics.reporter.MetricReporter;
import io.spate.runtime.metrics.MetricRegistry;
import io.spate.runtime.metrics.ReporterSetup;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A runtime metric registry that starts one given reporter, so that a test holds the reporter it configured. */
public final class ReporterFixture {

  private ReporterFixture() {}

  /** A registry with default scope formats that starts {@code reporter} with {@code options}. */
  public static MetricRegistry registryWith(MetricReporter reporter, Map<String, String> options) {
    return registryWith(new Configuration(), reporter, options);
  }

  /** A registry configured by {@code conf} ({@code metrics.scope.*}) that starts {@code reporter} with {@code options}. */
  public static MetricRegistry registryWith(Configuration conf, MetricReporter reporter, Map<String, String> options) {
    MetricConfig config = config(options);
    return new MetricRegistry(conf, List.of(new ReporterSetup("test", properties -> reporter, config,
        Duration.ofHours(1))));
  }

  /** {@code options} as a reporter's config. */
  public static MetricConfig config(Map<String, String> options) {
    MetricConfig config = new MetricConfig();
    options.forEach(config::setProperty);
    return config;
  }
}
