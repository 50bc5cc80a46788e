package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spate.cli.SpateCommands.Outcome;
import io.spate.cli.rest.RestClusterClient;
import io.spate.clitest.MetricsJob;
import io.spate.testing.Await;
import io.spate.testing.DebianPackages;
import io.spate.testing.TestJars;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian's package, installed by .ci/install-test-packages when missing) scrapes a
 * session cluster of a JobManager and two TaskManager processes, each with the Prometheus reporter on
 * one port range, every second while a bounded job with checkpoints runs on both TaskManagers; PromQL
 * through Prometheus's HTTP API then finds per-subtask series of records in and out, the checkpoint
 * duration, and the source's records out summing to the job's record count.
 */
@Tag("fault-injection")
class PrometheusScrapeProcessTest {

  private static final Pattern STARTED = Pattern.compile("REST API at http://([0-9.]+:\\d+)");
  private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");
  private static final long RECORDS = 3_000;
  private static final String JOB = "prometheus_probe";
  private static final int PORTS = 10;
  private static final Duration WAIT = Duration.ofSeconds(120);

  @TempDir
  Path home;

  private Process prometheus;

  /** Ends what this test started: Prometheus by its process, the cluster by the pids in its pid files. */
  @AfterEach
  void stopEverything() throws Exception {
    if (prometheus != null && prometheus.isAlive()) {
      prometheus.destroy();
      if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    Path logDir = home.resolve("log");
    if (!Files.isDirectory(logDir)) {
      return;
    }
    try (Stream<Path> files = Files.list(logDir)) {
      for (Path pidFile : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
        Optional<ProcessHandle> process = ClusterFiles.pidIn(pidFile).flatMap(ProcessHandle::of);
        if (process.isPresent()) {
          process.get().destroyForcibly();
          process.get().onExit().get(10, TimeUnit.SECONDS);
        }
      }
    }
  }

  @Test
  @Timeout(600)
  void prometheusScrapesPerSubtaskSeriesOfAJobOnTwoTaskManagers() throws Exception {
    Path binary = DebianPackages.ensureInstalled("prometheus", "/usr/bin/prometheus");
    int base = freePort();
    Files.createDirectories(home.resolve("conf"));
    Files.writeString(home.resolve("conf").resolve("spate.yaml"), """
        rest.address: 127.0.0.1
        rest.port: 0
        jobmanager.taskexecutor.slots: 1
        cluster.stop-timeout: 20 s
        cluster.start-timeout: 180 s
        state.checkpoints.dir: %s
        metrics.reporter.prom.type: prometheus
        metrics.reporter.prom.port: %d-%d
        """.formatted(home.resolve("checkpoints"), base, base + PORTS - 1));
    String prometheusAddress = startPrometheus(binary, base);

    Outcome start = SpateCommands.run(home, 240, "cluster", "start", "--taskmanagers", "2");
    assertThat(start.exitCode()).as(() -> start.all() + "\n" + logs()).isZero();
    Matcher started = STARTED.matcher(start.out());
    assertThat(started.find()).as(start.out()).isTrue();
    String address = started.group(1);

    // Prometheus sees the JobManager and both TaskManagers, each on a port of the one range.
    Await.untilPasses(WAIT, "Prometheus scrapes three Spate processes", () ->
        assertThat(query(prometheusAddress, "up == 1")).hasSize(3));

    Path jar = TestJars.jar(home.resolve("metrics-job.jar"), MetricsJob.class.getName(), MetricsJob.class,
        MetricsJob.SlowMap.class);
    Outcome run = SpateCommands.run(home, 120, "run", "-m", address, "-p", "2", jar.toString(),
        String.valueOf(RECORDS), JOB);
    assertThat(run.exitCode()).as(run.all()).isZero();
    Matcher job = JOB_ID.matcher(run.out());
    assertThat(job.find()).as(run.out()).isTrue();
    awaitFinished(address, job.group(1));

    String operator = "spate_taskmanager_job_task_operator_";
    String ofJob = "job_name=\"" + JOB + "\"";
    Await.untilPasses(WAIT, "the final counts of both subtasks in Prometheus", () -> {
      // Series of ended tasks are stale; last_over_time reads their last scraped values.
      List<JsonNode> in = query(prometheusAddress,
          "last_over_time(" + operator + "numRecordsIn{" + ofJob + ",operator_name=\"slowly\"}[10m])");
      List<JsonNode> out = query(prometheusAddress,
          "last_over_time(" + operator + "numRecordsOut{" + ofJob + ",operator_name=\"slowly\"}[10m])");
      assertThat(labelValues(in, "subtask_index")).containsExactly("0", "1");
      assertThat(labelValues(out, "subtask_index")).containsExactly("0", "1");
      // One subtask on each TaskManager, scraped from two processes.
      assertThat(labelValues(in, "tm_id")).hasSize(2);
      assertThat(labelValues(in, "instance")).hasSize(2);
      assertThat(in).allSatisfy(series -> assertThat(value(series)).isPositive());

      List<JsonNode> sourceOut = query(prometheusAddress,
          "sum(last_over_time(" + operator + "numRecordsOut{" + ofJob + ",operator_name=\"numbers\"}[10m]))");
      assertThat(sourceOut).singleElement().satisfies(sum -> assertThat(value(sum)).isEqualTo((double) RECORDS));
      List<JsonNode> mapIn = query(prometheusAddress,
          "sum(last_over_time(" + operator + "numRecordsIn{" + ofJob + ",operator_name=\"slowly\"}[10m]))");
      assertThat(mapIn).singleElement().satisfies(sum -> assertThat(value(sum)).isEqualTo((double) RECORDS));

      // The slow map keeps its task busy: per-subtask busy time, a share of each second.
      List<JsonNode> busy = query(prometheusAddress,
          "max_over_time(spate_taskmanager_job_task_busyTimeMsPerSecond{" + ofJob + "}[10m])");
      assertThat(labelValues(busy, "subtask_index")).contains("0", "1");
      assertThat(busy).allSatisfy(series -> assertThat(value(series)).isBetween(0.0, 1000.0));
      assertThat(busy).anySatisfy(series -> assertThat(value(series)).isPositive());
    });

    List<JsonNode> checkpoints = query(prometheusAddress,
        "max_over_time(spate_jobmanager_job_lastCheckpointDuration{" + ofJob + "}[10m])");
    assertThat(checkpoints).singleElement().satisfies(series -> {
      assertThat(series.path("metric").path("job_id").asText()).isEqualTo(job.group(1));
      assertThat(value(series)).isGreaterThanOrEqualTo(0.0);
    });
    assertThat(query(prometheusAddress, "max_over_time(spate_jobmanager_job_numberOfCompletedCheckpoints{"
        + ofJob + "}[10m])")).singleElement().satisfies(series -> assertThat(value(series)).isPositive());

    Outcome stop = SpateCommands.run(home, 120, "cluster", "stop");
    assertThat(stop.exitCode()).as(stop.all()).isZero();
  }

  /** Starts Prometheus scraping every port of the reporters' range each second; its address. */
  private String startPrometheus(Path binary, int base) throws Exception {
    int port = freePort();
    StringBuilder targets = new StringBuilder();
    for (int p = base; p < base + PORTS; p++) {
      targets.append(targets.length() == 0 ? "" : ", ").append("'127.0.0.1:").append(p).append('\'');
    }
    Path config = home.resolve("prometheus.yml");
    Files.writeString(config, """
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
          evaluation_interval: 1s
        scrape_configs:
          - job_name: spate
            static_configs:
              - targets: [%s]
        """.formatted(targets));
    Path log = home.resolve("prometheus.log");
    prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + config,
        "--storage.tsdb.path=" + home.resolve("prometheus-data"), "--web.listen-address=127.0.0.1:" + port,
        "--log.level=warn")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    String address = "127.0.0.1:" + port;
    Await.until(WAIT, () -> "Prometheus is ready; its log: " + readQuietly(log), () -> {
      if (!prometheus.isAlive()) {
        throw new AssertionError("Prometheus exited with " + prometheus.exitValue() + ": " + readQuietly(log));
      }
      try {
        return get("http://" + address + "/-/ready").statusCode() == 200;
      } catch (IOException e) {
        return false;
      }
    });
    return address;
  }

  /** The result vector of PromQL {@code promql} at this moment. */
  private static List<JsonNode> query(String prometheusAddress, String promql) throws Exception {
    HttpResponse<String> response = get("http://" + prometheusAddress + "/api/v1/query?query="
        + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = new ObjectMapper().readTree(response.body());
    assertThat(body.path("status").asText()).as(response.body()).isEqualTo("success");
    List<JsonNode> result = new ArrayList<>();
    body.path("data").path("result").forEach(result::add);
    return result;
  }

  private static Set<String> labelValues(List<JsonNode> vector, String label) {
    Set<String> values = new TreeSet<>();
    vector.forEach(series -> values.add(series.path("metric").path(label).asText()));
    return values;
  }

  private static double value(JsonNode series) {
    return Double.parseDouble(series.path("value").get(1).asText());
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void awaitFinished(String address, String jobId) {
    int colon = address.lastIndexOf(':');
    RestClusterClient client = new RestClusterClient(address.substring(0, colon),
        Integer.parseInt(address.substring(colon + 1)));
    Await.until(WAIT, "job " + jobId + " finished", () -> {
      for (JsonNode job : client.listJobs()) {
        if (job.path("jid").asText().equals(jobId)) {
          return job.path("state").asText().equals("FINISHED");
        }
      }
      return false;
    });
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The cluster's log files, for a failure's message. */
  private String logs() {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.list(home.resolve("log"))) {
      files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted()
          .forEach(f -> sb.append("== ").append(f.getFileName()).append('\n').append(readQuietly(f)).append('\n'));
    } catch (IOException e) {
      sb.append(e);
    }
    return sb.toString();
  }

  private static String readQuietly(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "(none)";
    } catch (IOException e) {
      return e.toString();
    }
  }
}
