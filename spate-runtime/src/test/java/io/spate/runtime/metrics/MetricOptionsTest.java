package io.spate.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.Configuration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link MetricOptions#forReporter}: a reporter's options without their prefix, as Flink's method gives them. */
class MetricOptionsTest {

  @Test
  void aReportersOptionsLoseTheirPrefixAndOtherReportersStayOut() {
    Configuration conf = Configuration.fromMap(Map.of(
        "metrics.reporter.prom.factory.class", "a.PromFactory",
        "metrics.reporter.prom.port", "9249",
        "metrics.reporter.promo.port", "1",
        "metrics.reporters", "prom"));
    assertThat(MetricOptions.forReporter(conf, "prom").toMap())
        .containsOnly(Map.entry("factory.class", "a.PromFactory"), Map.entry("port", "9249"));
    assertThat(MetricOptions.forReporter(conf, "absent").toMap()).isEmpty();
  }
}
