package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.clitest.RareCheckpointsJob;
import io.spate.testing.TestJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The job page's "Stop with savepoint" button in Debian's headless chromium: the job ends FINISHED,
 * and its savepoint, with its path, is in the checkpoint history of the page and of the REST API.
 */
@Tag("browser")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@ExtendWith(SharedWebUi.class)
@ResourceLock(SharedWebUi.LOCK)
class WebUiStopWithSavepointBrowserTest {

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
  void stoppingWithASavepointFromTheUiFinishesTheJobAndListsTheSavepoint() throws Exception {
    List<Class<?>> classes = new ArrayList<>(List.of(RareCheckpointsJob.class));
    classes.addAll(List.of(RareCheckpointsJob.class.getDeclaredClasses()));
    Path jar = TestJars.jar(dir.resolve("stop.jar"), RareCheckpointsJob.class.getName(), classes.toArray(Class<?>[]::new));
    String jobId = cluster.run(jar, 1, "stopped-from-the-ui");
    try {
      cluster.awaitAllRunning(jobId, Duration.ofSeconds(30));
      browser.open(cluster.url() + "#/jobs/" + jobId);
      browser.awaitText(20, "#job-name", "stopped-from-the-ui");
      browser.find("#stop-with-savepoint").click();

      String done = browser.awaitText(60, "#action-message", "Stopped with savepoint");
      String location = done.replace("Stopped with savepoint", "").strip();
      assertThat(location).as("the savepoint's location in '%s'", done).isNotEmpty();
      assertThat(Files.exists(Path.of(location.replaceFirst("^file:", "")))).as("the savepoint %s on disk", location)
          .isTrue();
      cluster.awaitState(jobId, "FINISHED", Duration.ofSeconds(30));
      // The page is not reloaded: its polling shows the end, and the buttons go off.
      browser.awaitText(20, ".facts .badge", "FINISHED");
      assertThat(browser.find("#stop-with-savepoint").isEnabled()).isFalse();

      browser.find("[data-tab='checkpoints']").click();
      String row = browser.awaitText(20, "#checkpoint-history tbody tr", "Savepoint", "COMPLETED");
      assertThat(row).as("the savepoint's row in the history").contains(location);
      browser.screenshot("stop-with-savepoint");

      JsonNode checkpoints = cluster.get("/jobs/" + jobId + "/checkpoints");
      JsonNode savepoint = null;
      for (JsonNode entry : checkpoints.path("history")) {
        if (entry.path("is_savepoint").asBoolean() || entry.path("savepoint").asBoolean()) {
          savepoint = entry;
        }
      }
      assertThat(savepoint).as("a savepoint in the history of %s", checkpoints).isNotNull();
      assertThat(savepoint.path("status").asText()).isEqualTo("COMPLETED");
      assertThat(savepoint.has("external_path") ? savepoint.path("external_path").asText()
          : savepoint.path("externalPath").asText()).isEqualTo(location);
      JsonNode latest = checkpoints.path("latest").path("savepoint");
      if (!latest.isMissingNode() && !latest.isNull()) {
        assertThat(latest.path("external_path").asText()).as("latest.savepoint of %s", checkpoints).isEqualTo(location);
      }
    } finally {
      cluster.cancelIfRunning(jobId);
    }
  }
}
