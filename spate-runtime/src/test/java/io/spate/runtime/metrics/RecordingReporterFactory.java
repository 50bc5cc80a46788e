package io.spate.runtime.metrics;

import io.spate.api.configuration.Configuration;
import io.spate.api.metrics.reporter.MetricReporter;
import io.spate.api.metrics.reporter.MetricReporterFactory;
import java.util.Properties;
import java.util.UUID;

/**
 * Makes {@link RecordingReporter}s; found by the ServiceLoader through this test source set's
 * META-INF/services. Option {@code fail-create: true} makes it throw instead.
 */
public final class RecordingReporterFactory implements MetricReporterFactory {

  @Override
  public MetricReporter createMetricReporter(Properties properties) {
    if (Boolean.parseBoolean(properties.getProperty("fail-create"))) {
      throw new IllegalStateException("this factory was told to fail");
    }
    return new RecordingReporter();
  }

  /** {@code recording}, for {@code metrics.reporter.<name>.type: recording}. */
  @Override
  public String identifier() {
    return "recording";
  }

  /** A fresh id for {@code metrics.reporter.<name>.id}, under which the reporter can be found. */
  public static String newId() {
    return UUID.randomUUID().toString();
  }

  /**
   * Configures a recording reporter named {@code name} in {@code conf}; returns its id for {@link
   * RecordingReporter#withId}.
   */
  public static String configure(Configuration conf, String name) {
    String id = newId();
    conf.setString("metrics.reporter." + name + ".factory.class", RecordingReporterFactory.class.getName());
    conf.setString("metrics.reporter." + name + ".id", id);
    return id;
  }
}
