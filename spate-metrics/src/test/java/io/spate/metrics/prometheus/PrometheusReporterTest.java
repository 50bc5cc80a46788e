package io.spate.metrics.prometheus;

import static io.spate.metrics.ReporterFixture.registryWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.JobID;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.MeterView;
import io.spate.api.metrics.ReservoirHistogram;
import io.spate.api.metrics.Counter;
import io.spate.metrics.ReporterFixture;
import io.spate.runtime.metrics.MetricRegistry;
import io.spate.runtime.metrics.groups.JobManagerMetricGroup;
import io.spate.runtime.metrics.groups.OperatorMetricGroup;
import io.spate.runtime.metrics.groups.TaskManagerMetricGroup;
import io.spate.runtime.metrics.groups.TaskMetricGroup;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Prometheus reporter's endpoint, scraped over loopback HTTP and parsed. */
class PrometheusReporterTest {

  private static final String OPERATOR_RECORDS_IN = "spate_taskmanager_job_task_operator_numRecordsIn";

  private final JobID job = JobID.generate();

  private static List<ScrapedSample> scrape(PrometheusReporter reporter) throws Exception {
    return ScrapedSample.parse(ScrapedSample.scrape(reporter.getPort()));
  }

  private static List<ScrapedSample> named(List<ScrapedSample> samples, String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  private TaskMetricGroup task(TaskManagerMetricGroup tm, int subtask) {
    return tm.addTask(job, "word count", "v1", "attempt-" + subtask, "Source: words -> Map", subtask, 0);
  }

  @Test
  void theRecordsOfEverySubtaskAreOneFamilyNamedByTheLogicalScopeWithTheVariablesAsLabels() throws Exception {
    PrometheusReporter reporter = new PrometheusReporter();
    try (MetricRegistry registry = registryWith(reporter, Map.of("port", "0"))) {
      TaskManagerMetricGroup tm = new TaskManagerMetricGroup(registry, "host-1", "taskexecutor-0");
      OperatorMetricGroup map0 = task(tm, 0).getOrAddOperator("op-1", "Map");
      OperatorMetricGroup map1 = task(tm, 1).getOrAddOperator("op-1", "Map");
      map0.numRecordsIn().inc(3);
      map1.numRecordsIn().inc(5);

      String text = ScrapedSample.scrape(reporter.getPort());
      assertThat(text).containsOnlyOnce("# TYPE " + OPERATOR_RECORDS_IN + " gauge");
      List<ScrapedSample> recordsIn = named(ScrapedSample.parse(text), OPERATOR_RECORDS_IN);
      assertThat(recordsIn).hasSize(2);
      ScrapedSample first = recordsIn.stream().filter(s -> s.labels().get("subtask_index").equals("0")).findFirst()
          .orElseThrow();
      assertThat(first.value()).isEqualTo(3.0);
      assertThat(first.labels()).containsEntry("job_id", job.toString())
          .containsEntry("job_name", "word_count")
          .containsEntry("task_name", "Source:_words____Map")
          .containsEntry("operator_name", "Map")
          .containsEntry("tm_id", "taskexecutor_0")
          .containsEntry("host", "host_1")
          .containsEntry("attempt_num", "0")
          .containsKeys("task_id", "task_attempt_id", "operator_id");
      assertThat(recordsIn).filteredOn(s -> s.labels().get("subtask_index").equals("1"))
          .singleElement().extracting(ScrapedSample::value).isEqualTo(5.0);
      assertThat(named(ScrapedSample.parse(text), "spate_taskmanager_job_task_numRecordsIn")).hasSize(2);
      assertThat(named(ScrapedSample.parse(text), "spate_taskmanager_job_task_operator_numRecordsInPerSecond"))
          .hasSize(2);
    }
  }

  @Test
  void countersMetersAndNumericGaugesAreGaugesAndOtherGaugesAreLeftOut() throws Exception {
    PrometheusReporter reporter = new PrometheusReporter();
    try (MetricRegistry registry = registryWith(reporter, Map.of("port", "0"))) {
      JobManagerMetricGroup jm = new JobManagerMetricGroup(registry, "h");
      Counter counter = jm.counter("restarts");
      counter.inc(7);
      counter.dec(2);
      MeterView meter = jm.meter("eventsPerSecond", new MeterView(counter, 60));
      meter.update();
      jm.gauge("uptime", (Gauge<Long>) () -> 1234L);
      jm.gauge("ratio", (Gauge<Double>) () -> 0.25);
      jm.gauge("leader", (Gauge<Boolean>) () -> true);
      jm.gauge("status", (Gauge<String>) () -> "RUNNING");
      jm.gauge("nothing", (Gauge<Object>) () -> null);

      String text = ScrapedSample.scrape(reporter.getPort());
      List<ScrapedSample> samples = ScrapedSample.parse(text);
      assertThat(named(samples, "spate_jobmanager_restarts")).singleElement()
          .satisfies(s -> assertThat(s.value()).isEqualTo(5.0))
          .satisfies(s -> assertThat(s.labels()).containsExactly(Map.entry("host", "h")));
      assertThat(text).contains("# TYPE spate_jobmanager_restarts gauge");
      assertThat(named(samples, "spate_jobmanager_eventsPerSecond")).singleElement()
          .satisfies(s -> assertThat(s.value()).isGreaterThanOrEqualTo(0.0));
      assertThat(named(samples, "spate_jobmanager_uptime").get(0).value()).isEqualTo(1234.0);
      assertThat(named(samples, "spate_jobmanager_ratio").get(0).value()).isEqualTo(0.25);
      assertThat(named(samples, "spate_jobmanager_leader").get(0).value()).isEqualTo(1.0);
      assertThat(text).doesNotContain("spate_jobmanager_status").doesNotContain("spate_jobmanager_nothing");
    }
  }

  @Test
  void aHistogramIsASummaryWithFlinksQuantilesAndItsCount() throws Exception {
    PrometheusReporter reporter = new PrometheusReporter();
    try (MetricRegistry registry = registryWith(reporter, Map.of("port", "0"))) {
      ReservoirHistogram histogram = new TaskManagerMetricGroup(registry, "h", "tm")
          .histogram("latency", new ReservoirHistogram(1000));
      for (int i = 1; i <= 100; i++) {
        histogram.update(i);
      }
      String text = ScrapedSample.scrape(reporter.getPort());
      assertThat(text).contains("# TYPE spate_taskmanager_latency summary");
      List<ScrapedSample> quantiles = named(ScrapedSample.parse(text), "spate_taskmanager_latency");
      assertThat(quantiles).extracting(s -> s.labels().get("quantile"))
          .containsExactly("0.5", "0.75", "0.95", "0.98", "0.99", "0.999");
      assertThat(quantiles.get(0).value()).isBetween(49.0, 52.0);
      assertThat(quantiles.get(5).value()).isBetween(99.0, 100.0);
      assertThat(named(ScrapedSample.parse(text), "spate_taskmanager_latency_count")).singleElement()
          .extracting(ScrapedSample::value).isEqualTo(100.0);
    }
  }

  @Test
  void theMetricsOfAClosedGroupAreGoneFromTheEndpoint() throws Exception {
    PrometheusReporter reporter = new PrometheusReporter();
    try (MetricRegistry registry = registryWith(reporter, Map.of("port", "0"))) {
      TaskManagerMetricGroup tm = new TaskManagerMetricGroup(registry, "h", "tm");
      task(tm, 0).getOrAddOperator("op", "Map");
      task(tm, 1).getOrAddOperator("op", "Map");
      assertThat(named(scrape(reporter), OPERATOR_RECORDS_IN)).hasSize(2);

      tm.removeTask(job, "attempt-0");
      assertThat(named(scrape(reporter), OPERATOR_RECORDS_IN)).singleElement()
          .satisfies(s -> assertThat(s.labels()).containsEntry("subtask_index", "1"));
      tm.removeTask(job, "attempt-1");
      assertThat(ScrapedSample.scrape(reporter.getPort())).doesNotContain(OPERATOR_RECORDS_IN);
    }
  }

  @Test
  void labelValuesKeepTheirCharactersWhenFilteringIsOff() throws Exception {
    PrometheusReporter reporter = new PrometheusReporter();
    try (MetricRegistry registry = registryWith(reporter, Map.of("port", "0", "filterLabelValueCharacters", "false"))) {
      task(new TaskManagerMetricGroup(registry, "h", "tm-1"), 0).getOrAddOperator("op", "Map");
      assertThat(named(scrape(reporter), OPERATOR_RECORDS_IN)).singleElement().satisfies(s -> assertThat(s.labels())
          .containsEntry("job_name", "word count").containsEntry("task_name", "Source: words -> Map")
          .containsEntry("tm_id", "tm-1"));
    }
  }

  @Test
  void additionalAndExcludedVariablesChangeTheLabels() throws Exception {
    PrometheusReporter reporter = new PrometheusReporter();
    try (MetricRegistry registry = registryWith(reporter, Map.of("port", "0",
        "scope.variables.additional", "cluster:east, team:data", "scope.variables.excludes", "task_attempt_id;host"))) {
      task(new TaskManagerMetricGroup(registry, "h", "tm-1"), 0).getOrAddOperator("op", "Map");
      assertThat(named(scrape(reporter), OPERATOR_RECORDS_IN)).singleElement().satisfies(s -> assertThat(s.labels())
          .containsEntry("cluster", "east").containsEntry("team", "data")
          .doesNotContainKeys("task_attempt_id", "host").containsKey("subtask_index"));
    }
  }

  @Test
  void filtersChooseTheReportedMetricsByScopeNameAndType() throws Exception {
    PrometheusReporter reporter = new PrometheusReporter();
    try (MetricRegistry registry = registryWith(reporter, Map.of("port", "0",
        "filter.includes", "*.operator:numRecords*;jobmanager", "filter.excludes", "*:*PerSecond"))) {
      task(new TaskManagerMetricGroup(registry, "h", "tm-1"), 0).getOrAddOperator("op", "Map");
      new JobManagerMetricGroup(registry, "h").counter("jobsRunning");
      assertThat(scrape(reporter)).extracting(ScrapedSample::name).containsOnly(
          "spate_taskmanager_job_task_operator_numRecordsIn", "spate_taskmanager_job_task_operator_numRecordsOut",
          "spate_jobmanager_jobsRunning");
    }
  }

  @Test
  void aPortRangeLetsSeveralReportersStartOnOneHost() throws Exception {
    int base;
    try (ServerSocket probe = new ServerSocket(0)) {
      base = probe.getLocalPort();
    }
    String range = base + "-" + (base + 20);
    PrometheusReporter first = new PrometheusReporter();
    PrometheusReporter second = new PrometheusReporter();
    try (MetricRegistry a = registryWith(first, Map.of("port", range));
        MetricRegistry b = registryWith(second, Map.of("port", range))) {
      new JobManagerMetricGroup(a, "a").counter("c");
      new TaskManagerMetricGroup(b, "b", "tm").counter("c");
      assertThat(first.getPort()).isBetween(base, base + 20);
      assertThat(second.getPort()).isBetween(base, base + 20).isNotEqualTo(first.getPort());
      assertThat(scrape(first)).extracting(ScrapedSample::name).contains("spate_jobmanager_c");
      assertThat(scrape(second)).extracting(ScrapedSample::name).contains("spate_taskmanager_c");
    }
  }

  @Test
  void badOrTakenPortsAreErrorsNamingTheOption() throws IOException {
    assertThatThrownBy(() -> new PrometheusReporter().open(ReporterFixture.config(Map.of("port", "92a9"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'port'").hasMessageContaining("92a9");
    assertThatThrownBy(() -> new PrometheusReporter().open(ReporterFixture.config(Map.of("port", "9260-9250"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'port'").hasMessageContaining("9260-9250");
    assertThatThrownBy(() -> new PrometheusReporter().open(ReporterFixture.config(
        Map.of("port", "0", "filterLabelValueCharacters", "yes"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("filterLabelValueCharacters");
    try (ServerSocket taken = new ServerSocket(0)) {
      String port = String.valueOf(taken.getLocalPort());
      assertThatThrownBy(() -> new PrometheusReporter().open(ReporterFixture.config(Map.of("port", port))))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("'port'").hasMessageContaining(port);
    }
  }

  @Test
  void namesAreFilteredToPrometheusCharacters() {
    assertThat(PrometheusReporter.replaceInvalidCharacters("a.b-c d:e_f9")).isEqualTo("a_b_c_d:e_f9");
    assertThat(PrometheusReporter.replaceInvalidCharacters("ok_name")).isSameAs("ok_name");
  }
}
