package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.clitest.EndlessJob;
import io.spate.clitest.MarkerFailureJob;
import io.spate.clitest.RareCheckpointsJob;
import io.spate.clitest.SlowSinkJob;
import io.spate.clitest.TwentyVertexJob;
import io.spate.testing.TestJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 * The web UI in Debian's headless chromium against a session cluster in this JVM: every page shows
 * what the REST API says, and the buttons and forms act on the cluster. Screenshots of each page go to
 * {@code target/ui-screenshots/}.
 */
@Tag("browser")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@ExtendWith(SharedWebUi.class)
@ResourceLock(SharedWebUi.LOCK)
class WebUiBrowserTest {

  // The budget of the 20-vertex job page: from navigation to the graph drawn, on this 2-core machine.
  private static final long GRAPH_BUDGET_MILLIS = 1000;

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
  void overviewAndJobListShowARunningJob() throws Exception {
    String jobId = cluster.run(jar("endless-overview.jar", EndlessJob.class), 1, "endless-for-overview");
    cluster.awaitState(jobId, "RUNNING", Duration.ofSeconds(30));

    browser.open(cluster.url());
    browser.awaitText(20, "#running-jobs td", "endless-for-overview");
    assertThat(browser.awaitText(10, "#running-jobs tr", jobId)).contains("RUNNING");
    assertThat(browser.find("#stat-taskmanagers").getText()).startsWith(String.valueOf(SharedWebUi.TASK_MANAGERS));
    assertThat(browser.find("#stat-slots").getText()).contains("/ " + SharedWebUi.TASK_MANAGERS * SharedWebUi.SLOTS);
    browser.screenshot("overview");

    browser.open(cluster.url() + "#/jobs");
    assertThat(browser.awaitText(20, "#job-list tr", "endless-for-overview")).contains(jobId).contains("RUNNING");
    browser.screenshot("job-list");

    browser.open(cluster.url() + "#/taskmanagers");
    String tmId = cluster.get("/taskmanagers").path("taskmanagers").get(0).path("id").asText();
    browser.awaitText(20, "#taskmanager-list tbody", tmId);
    assertThat(browser.findAll("#taskmanager-list tbody tr a")).hasSize(SharedWebUi.TASK_MANAGERS);
    browser.screenshot("taskmanagers");
    browser.click(20, "#taskmanager-list tbody tr a", tmId);
    browser.awaitText(20, "h1", tmId);
    browser.awaitText(20, "#taskmanager-charts .chart-box", "Heap used");
    // Each chart draws a line once the page has polled the metrics twice.
    browser.await(20, "a line in every TaskManager chart", d -> browser.script(
        "const boxes = document.querySelectorAll('#taskmanager-charts .chart-box');"
            + " return boxes.length > 0 && [...boxes].every(box => box.querySelector('polyline.chart-line')) || null;"));
    browser.screenshot("taskmanager");
    browser.find("[data-tab='thread-dump']").click();
    browser.await(20, "the thread dump tab", d -> browser.findAll("#taskmanager-tab #thread-dump-view, #taskmanager-tab .not-available")
        .isEmpty() ? null : true);
    browser.screenshot("taskmanager-thread-dump");

    browser.open(cluster.url() + "#/config");
    browser.awaitText(20, "#cluster-config td", "execution.checkpointing.mode");
    browser.screenshot("config");
    cancel(jobId);
  }

  @Test
  void theJobPageDrawsEveryVertexAndEdge() throws Exception {
    String jobId = cluster.run(jar("slow-sink.jar", SlowSinkJob.class), 1, "slow-sink");
    cluster.awaitAllRunning(jobId, Duration.ofSeconds(30));
    JsonNode job = cluster.get("/jobs/" + jobId);

    browser.open(cluster.url() + "#/jobs/" + jobId);
    browser.awaitText(20, "#job-name", "slow-sink");
    List<String> drawn = drawnVertexIds(job.path("vertices").size());
    List<String> expected = new ArrayList<>();
    job.path("vertices").forEach(v -> expected.add(v.path("id").asText()));
    assertThat(drawn).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(browser.findAll("svg.job-graph g.edge")).hasSize(job.path("edges").size());
    for (JsonNode edge : job.path("edges")) {
      WebElement drawnEdge = browser.find("svg.job-graph g.edge[data-source='" + edge.path("source").asText()
          + "'][data-target='" + edge.path("target").asText() + "']");
      assertThat(drawnEdge.getText()).isEqualTo(edge.path("partitioning").asText());
    }
    for (JsonNode vertex : job.path("vertices")) {
      assertThat(browser.find("g.vertex[data-vertex-id='" + vertex.path("id").asText() + "']").getText())
          .contains(vertex.path("name").asText().substring(0, Math.min(20, vertex.path("name").asText().length())));
    }
    // The live figures (busy, backpressured, records per second) arrive after the graph is drawn.
    browser.await(20, "every vertex's live figures", d -> browser.script(
        "const vertices = document.querySelectorAll('svg.job-graph g.vertex');"
            + " return vertices.length > 0 && [...vertices].every(v => v.hasAttribute('data-busy')) || null;"));
    browser.screenshot("job");

    String firstVertex = expected.get(0);
    browser.find("g.vertex[data-vertex-id='" + firstVertex + "']").click();
    browser.await(20, "the vertex page", d -> d.getCurrentUrl().contains("/vertices/") ? true : null);
    browser.awaitText(20, "#vertex-subtasks th", "Subtask");
    browser.screenshot("vertex");
    browser.open(cluster.url() + "#/jobs/" + jobId + "/vertices/" + firstVertex + "/flamegraph");
    browser.awaitText(20, "h2", "Flame graph");
    browser.await(20, "the flame graph or its absence", d -> browser.findAll("#flamegraph svg, #flamegraph .not-available, #flamegraph p")
        .isEmpty() ? null : true);
    browser.screenshot("flamegraph");
    browser.open(cluster.url() + "#/jobs/" + jobId + "/config");
    browser.await(20, "the job configuration", d -> browser.findAll("#job-config table, #job-config .not-available")
        .isEmpty() ? null : true);
    browser.screenshot("job-config");
    cancel(jobId);
  }

  @Test
  void aFailureInjectedIntoARunningJobShowsInTheExceptionHistory() throws Exception {
    Path marker = dir.resolve("fail-now");
    String jobId = cluster.run(jar("marker.jar", MarkerFailureJob.class), 1, "fails-on-marker", marker.toString());
    cluster.awaitAllRunning(jobId, Duration.ofSeconds(30));
    browser.open(cluster.url() + "#/jobs/" + jobId + "/exceptions");
    browser.awaitText(20, "#root-exception", "has not failed");

    Files.createFile(marker);
    // The page is not reloaded: its polling shows the failure.
    assertThat(browser.awaitText(30, "#exception-history li", "Injected failure at record")).contains("IllegalStateException");
    assertThat(browser.find("#root-exception").getText()).contains("Injected failure at record");
    browser.click(10, "#exception-history summary", "Injected failure at record");
    browser.awaitText(10, "#exception-history pre", "FailOnMarker.map");
    browser.screenshot("exceptions");
    cluster.awaitState(jobId, "RUNNING", Duration.ofSeconds(30));
    cancel(jobId);
  }

  @Test
  void aJarUploadedThroughTheFormRuns() throws Exception {
    Path jar = jar("uploaded-through-ui.jar", EndlessJob.class);
    browser.open(cluster.url() + "#/jars");
    browser.await(20, "the upload form", d -> browser.findAll("#jar-file").isEmpty() ? null : true);
    browser.find("#jar-file").sendKeys(jar.toAbsolutePath().toString());
    browser.find("#upload-jar").click();
    WebElement form = browser.await(20, "the uploaded jar's run form", d -> {
      for (WebElement f : browser.findAll("form.run")) {
        if (f.getAttribute("data-jar-id").endsWith("_uploaded-through-ui.jar")) {
          return f;
        }
      }
      return null;
    });
    form.findElement(org.openqa.selenium.By.cssSelector(".program-args")).sendKeys("\"from the UI\"");
    form.findElement(org.openqa.selenium.By.cssSelector(".parallelism")).sendKeys("2");
    browser.screenshot("jars");
    form.findElement(org.openqa.selenium.By.cssSelector(".run-jar")).click();

    browser.await(20, "the new job's page", d -> d.getCurrentUrl().matches(".*#/jobs/[0-9a-f]{32}$") ? true : null);
    String jobId = browser.driver().getCurrentUrl().replaceAll(".*#/jobs/", "");
    browser.awaitText(20, "#job-name", "from the UI");
    cluster.awaitState(jobId, "RUNNING", Duration.ofSeconds(30));
    JsonNode job = cluster.get("/jobs/" + jobId);
    assertThat(job.path("name").asText()).isEqualTo("from the UI");
    assertThat(job.path("vertices").get(0).path("parallelism").asInt()).isEqualTo(2);
    cancel(jobId);
  }

  @Test
  void aSavepointTriggeredFromTheUiAppearsInTheCheckpointHistory() throws Exception {
    String jobId = cluster.run(jar("rare-checkpoints.jar", RareCheckpointsJob.class), 1, "endless-savepoint");
    cluster.awaitAllRunning(jobId, Duration.ofSeconds(30));
    browser.open(cluster.url() + "#/jobs/" + jobId + "/checkpoints");
    browser.awaitText(20, "#job-name", "endless-savepoint");
    browser.find("#trigger-savepoint").click();
    String done = browser.awaitText(60, "#action-message", "Savepoint completed");
    assertThat(done.replace("Savepoint completed: ", "").strip()).as("the savepoint's location").isNotEmpty();
    // The history catches up with the button's answer at its next refresh.
    browser.awaitText(20, "#checkpoint-history tbody tr", "Savepoint", "COMPLETED");
    browser.screenshot("checkpoints");
    long savepointId = 0;
    for (JsonNode entry : cluster.get("/jobs/" + jobId + "/checkpoints").path("history")) {
      if (entry.path("savepoint").asBoolean() || entry.path("is_savepoint").asBoolean()) {
        savepointId = entry.has("id") ? entry.path("id").asLong() : entry.path("checkpointId").asLong();
      }
    }
    browser.click(10, "#checkpoint-history .checkpoint-id", String.valueOf(savepointId));
    browser.await(10, "the checkpoint details", d -> browser.findAll("#checkpoint-details h2").isEmpty() ? null : true);
    cancel(jobId);
  }

  @Test
  void cancellingFromTheUiCancelsTheJob() throws Exception {
    String jobId = cluster.run(jar("endless-cancel.jar", EndlessJob.class), 1, "endless-cancel");
    cluster.awaitAllRunning(jobId, Duration.ofSeconds(30));
    browser.open(cluster.url() + "#/jobs/" + jobId);
    browser.awaitText(20, "#job-name", "endless-cancel");
    WebElement cancel = browser.find("#cancel-job");
    cancel.click();
    assertThat(cancel.getText()).isEqualTo("Really cancel?");
    assertThat(cluster.state(jobId)).isEqualTo("RUNNING");
    cancel.click();
    cluster.awaitState(jobId, "CANCELED", Duration.ofSeconds(30));
    browser.awaitText(20, ".facts .badge", "CANCELED");
    assertThat(browser.find("#cancel-job").isEnabled()).isFalse();
  }

  @Test
  void aTwentyVertexJobPageRendersInUnderASecond() throws Exception {
    String jobId = cluster.run(jar("twenty.jar", TwentyVertexJob.class), 1, "twenty-vertices");
    cluster.awaitAllRunning(jobId, Duration.ofSeconds(60));
    int vertices = cluster.get("/jobs/" + jobId).path("vertices").size();
    assertThat(vertices).isEqualTo(20);
    List<Double> millis = new ArrayList<>();
    List<Double> domLoaded = new ArrayList<>();
    for (int round = 0; round < 7; round++) {
      browser.open(cluster.url() + "#/jobs/" + jobId);
      drawnVertexIds(vertices);
      Object drawnAt = browser.script(
          "const m = performance.getEntriesByName('spate-graph-drawn'); return m.length ? m[0].startTime : null;");
      assertThat(drawnAt).as("the page's mark of the drawn graph").isNotNull();
      millis.add(((Number) drawnAt).doubleValue());
      Object loaded = browser.script("return performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd;");
      domLoaded.add(((Number) loaded).doubleValue());
    }
    browser.screenshot("job-20-vertices");
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    double median = sorted.get(sorted.size() / 2);
    System.out.printf("Web UI: 20-vertex job page, navigation to graph drawn: median %.0f ms (runs %s;"
        + " DOMContentLoaded at %s)%n", median, millis, domLoaded);
    assertThat(median).as("median ms from navigation to the drawn graph of 20 vertices, runs " + millis)
        .isLessThan(GRAPH_BUDGET_MILLIS);
    cancel(jobId);
  }

  @Test
  void theLayeredLayoutPutsEverySourceLeftOfItsTargetsAndNoBoxesOverlap() {
    browser.open(cluster.url() + "#/config");
    // 200 random acyclic graphs of up to 30 vertices, laid out by the page's own module.
    Object problems = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        import('/lib/graph-layout.js').then(({layeredLayout}) => {
          const problems = [];
          let seed = 42;
          const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
          for (let round = 0; round < 200; round++) {
            const n = 1 + Math.floor(random() * 30);
            const vertices = Array.from({length: n}, (_, i) => ({id: 'v' + i}));
            const edges = [];
            for (let t = 1; t < n; t++) {
              for (let s = 0; s < t; s++) if (random() < 0.15) edges.push({source: 'v' + s, target: 'v' + t});
            }
            const {positions, width, height} = layeredLayout(vertices, edges, 100, 40);
            for (const e of edges) {
              if (positions.get(e.source).x >= positions.get(e.target).x) {
                problems.push('round ' + round + ': edge ' + e.source + '->' + e.target + ' goes left');
              }
            }
            for (const a of vertices) {
              const p = positions.get(a.id);
              if (p.x < 0 || p.y < 0 || p.x + 100 > width + 0.001 || p.y + 40 > height + 0.001) {
                problems.push('round ' + round + ': ' + a.id + ' outside');
              }
              for (const b of vertices) {
                const q = positions.get(b.id);
                if (a !== b && Math.abs(p.x - q.x) < 100 && Math.abs(p.y - q.y) < 40) {
                  problems.push('round ' + round + ': ' + a.id + ' overlaps ' + b.id);
                }
              }
            }
          }
          done(problems.slice(0, 10));
        }).catch(e => done(['import failed: ' + e]));
        """);
    assertThat((List<?>) problems).isEmpty();
  }

  private static List<String> drawnVertexIds(int expected) {
    return browser.await(20, expected + " vertices in the job graph", d -> {
      List<WebElement> drawn = browser.findAll("svg.job-graph g.vertex");
      if (drawn.size() != expected) {
        return null;
      }
      return drawn.stream().map(v -> v.getAttribute("data-vertex-id")).toList();
    });
  }

  private static Path jar(String name, Class<?> main) throws Exception {
    List<Class<?>> classes = new ArrayList<>(List.of(main));
    classes.addAll(List.of(main.getDeclaredClasses()));
    return TestJars.jar(dir.resolve(name), main.getName(), classes.toArray(Class<?>[]::new));
  }

  private static void cancel(String jobId) throws Exception {
    cluster.cancelIfRunning(jobId);
  }
}
