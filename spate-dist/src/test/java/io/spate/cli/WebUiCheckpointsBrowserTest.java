package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.clitest.CountedCheckpointsJob;
import io.spate.testing.TestJars;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.WebElement;

/**
 * The checkpoint detail views, the checkpointing configuration and the accumulators page in Debian's
 * headless chromium: each shows what the REST routes answer. Screenshots go to {@code target/ui-screenshots/}.
 */
@Tag("browser")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@ExtendWith(SharedWebUi.class)
@ResourceLock(SharedWebUi.LOCK)
class WebUiCheckpointsBrowserTest {

  @TempDir
  static Path dir;

  private static WebUiCluster cluster;
  private static HeadlessChromium browser;

  /** The shared cluster and browser ({@link SharedWebUi}). */
  @BeforeAll
  static void start(WebUiCluster sharedCluster, HeadlessChromium sharedBrowser) {
    cluster = sharedCluster;
    browser = sharedBrowser;
  }

  @Test
  void aClickedCheckpointShowsItsVerticesAndThenTheirSubtasks() throws Exception {
    String jobId = cluster.run(jar("counted-checkpoints.jar"), 2, "checkpoint-details");
    try {
      cluster.awaitAllRunning(jobId, Duration.ofSeconds(30));
      browser.open(cluster.url() + "#/jobs/" + jobId + "/checkpoints");
      browser.awaitText(30, "#checkpoint-history tbody tr", "COMPLETED");
      long id = cluster.get("/jobs/" + jobId + "/checkpoints").path("latest").path("completed").path("id").asLong();
      assertThat(id).isPositive();
      JsonNode details = cluster.get("/jobs/" + jobId + "/checkpoints/details/" + id);
      browser.click(10, "#checkpoint-history .checkpoint-id", String.valueOf(id));
      browser.awaitText(10, "#checkpoint-details h2", "Checkpoint " + id);
      List<String> vertices = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = details.path("tasks").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> task = it.next();
        vertices.add(task.getKey());
        String acknowledged = task.getValue().path("num_acknowledged_subtasks").asInt() + " / "
            + task.getValue().path("num_subtasks").asInt();
        assertThat(acknowledged).isEqualTo("2 / 2");
        browser.awaitText(10, "#checkpoint-details tbody tr", task.getKey(), acknowledged, "COMPLETED");
      }
      assertThat(browser.findAll("#checkpoint-details > table tbody tr, #checkpoint-details table:first-of-type tbody tr"))
          .hasSizeGreaterThanOrEqualTo(vertices.size());
      String last = vertices.get(vertices.size() - 1);
      browser.click(10, "#checkpoint-details a", last);
      browser.awaitText(10, "#checkpoint-details h3", "Subtasks of " + last);
      JsonNode subtasks = cluster.get("/jobs/" + jobId + "/checkpoints/details/" + id + "/subtasks/" + last);
      assertThat(subtasks.path("subtasks")).hasSize(2);
      browser.await(10, "two subtask rows", d -> browser.findAll("#checkpoint-details h3 + table tbody tr").size() == 2
          ? true : null);
      List<WebElement> rows = browser.findAll("#checkpoint-details h3 + table tbody tr");
      assertThat(rows.get(0).getText()).startsWith("0").contains("completed");
      assertThat(rows.get(1).getText()).startsWith("1").contains("completed");
      browser.screenshot("checkpoint-details");

      JsonNode config = cluster.get("/jobs/" + jobId + "/checkpoints/config");
      String shown = browser.awaitText(10, "#checkpoint-config", "mode", config.path("mode").asText());
      assertThat(shown).contains("interval").contains(String.valueOf(config.path("interval").asLong()))
          .contains(config.path("state_backend").asText());
      assertThat(config.path("interval").asLong()).isEqualTo(1500);
      browser.screenshot("checkpoint-config");
    } finally {
      cluster.cancelIfRunning(jobId);
    }
  }

  @Test
  void theAccumulatorsPageShowsTheFinalCountsOfAFinishedJob() throws Exception {
    String jobId = cluster.run(jar("counted-bounded.jar"), 2, "accumulated", "1000");
    cluster.awaitState(jobId, "FINISHED", Duration.ofSeconds(60));
    JsonNode accumulators = cluster.get("/jobs/" + jobId + "/accumulators").path("user-task-accumulators");
    assertThat(accumulators).hasSize(1);
    assertThat(accumulators.get(0).path("value").asText()).isEqualTo("1000");
    browser.open(cluster.url() + "#/jobs/" + jobId + "/accumulators");
    String shown = browser.awaitText(20, "#job-accumulators tbody tr", "records", "LongCounter");
    assertThat(shown).contains(accumulators.get(0).path("value").asText());
    browser.awaitText(10, "#vertex-accumulators", "records", "1000");
    browser.screenshot("accumulators");
  }

  private static Path jar(String name) throws Exception {
    return TestJars.jar(dir.resolve(name), CountedCheckpointsJob.class.getName(), CountedCheckpointsJob.class,
        CountedCheckpointsJob.CountRecords.class);
  }
}
