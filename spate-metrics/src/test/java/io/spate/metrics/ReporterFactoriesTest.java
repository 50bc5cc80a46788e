package io.spate.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.Configuration;
import io.spate.metrics.jmx.JMXReporterFactory;
import io.spate.metrics.prometheus.PrometheusReporterFactory;
import io.spate.metrics.slf4j.Slf4jReporterFactory;
import io.spate.runtime.metrics.ReporterSetup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The module's factories are registered for the ServiceLoader and found by type and by class name. */
class ReporterFactoriesTest {

  @Test
  void eachTypeFindsItsFactory() {
    Configuration conf = new Configuration()
        .setString("metrics.reporter.prom.type", "prometheus")
        .setString("metrics.reporter.jmx.type", "jmx")
        .setString("metrics.reporter.log.type", "slf4j")
        .setString("metrics.reporter.byclass.factory.class", PrometheusReporterFactory.class.getName());
    List<ReporterSetup> setups = ReporterSetup.fromConfiguration(conf, getClass().getClassLoader());
    assertThat(setups).extracting(ReporterSetup::name).containsExactly("byclass", "jmx", "log", "prom");
    assertThat(setups).extracting(s -> (Object) s.factory().getClass()).containsExactly(PrometheusReporterFactory.class,
        JMXReporterFactory.class, Slf4jReporterFactory.class, PrometheusReporterFactory.class);
  }
}
