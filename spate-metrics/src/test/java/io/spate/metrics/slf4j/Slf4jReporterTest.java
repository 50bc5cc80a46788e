package io.spate.metrics.slf4j;

import static io.spate.metrics.ReporterFixture.registryWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.MeterView;
import io.spate.api.metrics.ReservoirHistogram;
import io.spate.metrics.ReporterFixture;
import io.spate.runtime.metrics.MetricRegistry;
import io.spate.runtime.metrics.groups.JobManagerMetricGroup;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The log reporter's report: every metric by identifier, grouped by kind. */
class Slf4jReporterTest {

  @Test
  void theReportListsEveryMetricWithItsValueUnderItsKind() {
    Slf4jReporter reporter = new Slf4jReporter();
    try (MetricRegistry registry = registryWith(reporter, Map.of())) {
      JobManagerMetricGroup jm = new JobManagerMetricGroup(registry, "h");
      Counter counter = jm.counter("events");
      counter.inc(42);
      jm.meter("eventsPerSecond", new MeterView(counter, 60));
      jm.gauge("state", (Gauge<String>) () -> "RUNNING");
      jm.gauge("broken", (Gauge<String>) () -> {
        throw new IllegalStateException("boom");
      });
      ReservoirHistogram histogram = jm.histogram("latency", new ReservoirHistogram(10));
      histogram.update(3);
      histogram.update(5);

      String report = reporter.render();
      assertThat(report).contains("-- Counters (1)\nh.jobmanager.events: 42\n");
      assertThat(report).contains("h.jobmanager.state: RUNNING");
      assertThat(report).contains("h.jobmanager.broken: <failed: java.lang.IllegalStateException: boom>");
      assertThat(report).contains("h.jobmanager.eventsPerSecond: rate=0.000/s, count=42");
      assertThat(report).contains("h.jobmanager.latency: count=2, min=3, max=5, mean=4.000");
      reporter.report(); // logs without failing

      jm.close();
      assertThat(reporter.render()).doesNotContain("h.jobmanager");
    }
  }

  @Test
  void theReportersOwnDelimiterAndFiltersApply() {
    Slf4jReporter reporter = new Slf4jReporter();
    try (MetricRegistry registry = registryWith(reporter, Map.of("scope.delimiter", "/",
        "filter.excludes", "jobmanager:hidden"))) {
      JobManagerMetricGroup jm = new JobManagerMetricGroup(registry, "my.host");
      jm.addGroup("a b").counter("shown");
      jm.counter("hidden");
      assertThat(reporter.render()).contains("my.host/jobmanager/a_b/shown: 0").doesNotContain("hidden");
    }
  }

  @Test
  void aDelimiterOfMoreThanOneCharacterIsAnErrorNamingTheOption() {
    assertThatThrownBy(() -> new Slf4jReporter().open(ReporterFixture.config(Map.of("scope.delimiter", "::"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'scope.delimiter'")
        .hasMessageContaining("'::'");
  }
}
