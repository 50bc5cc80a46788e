package io.spate.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.metrics.ReporterFixture;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The endpoint's threads never keep a process alive, and closing the reporter frees its port. */
class PrometheusReporterThreadsTest {

  @Test
  void theEndpointsThreadsAreDaemonsAndCloseStopsTheEndpoint() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    PrometheusReporter reporter = new PrometheusReporter();
    reporter.open(ReporterFixture.config(Map.of("port", "0")));
    int port = reporter.getPort();
    try {
      assertThat(ScrapedSample.scrape(port)).isNotNull();
      assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> !before.contains(t) && t.isAlive())
          .isNotEmpty().allSatisfy(t -> assertThat(t.isDaemon()).as(t.getName()).isTrue());
    } finally {
      reporter.close();
    }
    assertThat(reporter.getPort()).isEqualTo(-1);
    try (java.net.ServerSocket again = new java.net.ServerSocket(port)) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }
}
