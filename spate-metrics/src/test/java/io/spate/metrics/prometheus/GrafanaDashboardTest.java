package io.spate.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spate.api.datastream.StreamExecutionEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard in docs/grafana names only metrics that Spate exports: those a job with
 * checkpoints exported through the Prometheus reporter's naming in this test, or those docs/metrics.md
 * lists.
 */
class GrafanaDashboardTest {

  private static final Path DASHBOARD = Path.of("..", "docs", "grafana", "spate-job-overview.json");
  private static final Path METRICS_DOC = Path.of("..", "docs", "metrics.md");
  private static final Pattern METRIC = Pattern.compile("spate_[A-Za-z0-9_:]+");

  @BeforeAll
  static void runAJobWithCheckpoints() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.getConfiguration().setString("metrics.reporter.families.factory.class",
        FamilyRecordingReporterFactory.class.getName());
    env.enableCheckpointing(20);
    env.fromSequence(1, 1_500).name("numbers")
        .map(n -> {
          Thread.sleep(0, 250_000);
          return n;
        }).name("slowly")
        .discard();
    env.execute("dashboard");
  }

  private static List<String> strings(JsonNode node) {
    List<String> all = new ArrayList<>();
    if (node.isTextual()) {
      all.add(node.asText());
    }
    node.forEach(child -> all.addAll(strings(child)));
    return all;
  }

  @Test
  void theDashboardIsJsonWithAPanelForEachPartOfTheJobOverview() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
    assertThat(dashboard.path("title").asText()).isEqualTo("Spate job overview");
    List<String> titles = new ArrayList<>();
    List<String> expressions = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      titles.add(panel.path("title").asText());
      panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText()));
    }
    assertThat(titles).contains("Records in per second, per operator", "Records out per second, per operator",
        "Busy time per task (ms per second)", "Backpressured time per task (ms per second)",
        "Watermark lag per task", "Last checkpoint duration", "Last checkpoint size", "Restarts");
    assertThat(expressions).hasSizeGreaterThanOrEqualTo(10).allSatisfy(e -> assertThat(e).containsPattern(METRIC));
  }

  @Test
  void everyMetricTheDashboardNamesIsExportedOrDocumented() throws Exception {
    Set<String> named = new TreeSet<>();
    for (String text : strings(new ObjectMapper().readTree(Files.readString(DASHBOARD)))) {
      Matcher m = METRIC.matcher(text);
      while (m.find()) {
        named.add(m.group());
      }
    }
    assertThat(named).isNotEmpty();
    Map<String, Set<Map<String, String>>> exported = FamilyRecordingReporterFactory.FAMILIES;
    String doc = Files.readString(METRICS_DOC);
    for (String family : named) {
      if (exported.containsKey(family)) {
        continue;
      }
      String name = family.substring(family.lastIndexOf('_') + 1);
      assertThat(doc.contains("`" + name + "`"))
          .as("%s is neither exported by a job (%s) nor listed in docs/metrics.md", family, exported.keySet())
          .isTrue();
    }
  }

  @Test
  void theJobExportedPerSubtaskRecordsAndItsCheckpointsUnderFlinksNames() {
    Map<String, Set<Map<String, String>>> exported = FamilyRecordingReporterFactory.FAMILIES;
    assertThat(exported.get("spate_taskmanager_job_task_operator_numRecordsOut"))
        .filteredOn(labels -> "dashboard".equals(labels.get("job_name")) && "numbers".equals(labels.get("operator_name")))
        .extracting(labels -> labels.get("subtask_index")).containsExactlyInAnyOrder("0", "1");
    assertThat(exported).containsKeys("spate_taskmanager_job_task_busyTimeMsPerSecond",
        "spate_taskmanager_job_task_backPressuredTimeMsPerSecond", "spate_jobmanager_job_numRestarts",
        "spate_taskmanager_job_task_operator_numRecordsIn",
        "spate_taskmanager_job_task_numRecordsIn", "spate_jobmanager_job_lastCheckpointDuration",
        "spate_jobmanager_job_lastCheckpointSize", "spate_jobmanager_job_numberOfCompletedCheckpoints",
        "spate_taskmanager_job_task_currentInputWatermark");
  }
}
