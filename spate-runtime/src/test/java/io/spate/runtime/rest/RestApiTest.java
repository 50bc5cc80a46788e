package io.spate.runtime.rest;

import io.spate.runtime.BindPorts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spate.api.common.JobClient;
import io.spate.api.common.JobStatus;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.MemorySize;
import io.spate.api.configuration.RestOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.testing.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API of an embedded cluster, driven over HTTP on loopback against a running job. */
class RestApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private JobClient job;
  private String base;

  @AfterEach
  void cancelJob() throws Exception {
    if (job != null) {
      job.cancel().get(20, TimeUnit.SECONDS);
    }
  }

  private void startJob(Path checkpoints) throws Exception {
    Configuration conf = new Configuration();
    conf.set(RestOptions.LOCAL_ENABLED, true);
    conf.set(RestOptions.BIND_PORT, "0");
    conf.set(RestOptions.MAX_REQUEST_SIZE, MemorySize.parse("4kb"));
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(50));
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toString());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.fromSequence(1, Long.MAX_VALUE).keyBy(x -> x % 5).map(x -> x).uid("mapper").discard();
    job = env.executeAsync("rest-tested");
    base = ((ClusterJobClient) job).restUrl();
    assertThat(base).startsWith("http://127.0.0.1:");
  }

  private Response send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
  }

  private record Response(int status, JsonNode body) {
    String error() {
      return body.get("errors").get(0).asText();
    }
  }

  private JsonNode awaitSavepoint(String jobId, String requestId) {
    return Await.untilMatches(Duration.ofSeconds(30), "savepoint " + requestId + " to complete", () -> {
      Response status = send("GET", "/jobs/" + jobId + "/savepoints/" + requestId, null);
      assertThat(status.status()).isEqualTo(200);
      return status.body();
    }, body -> body.get("status").get("id").asText().equals("COMPLETED")).get("operation");
  }

  @Test
  void listsDescribesAndSavepointsARunningJob(@TempDir Path dir) throws Exception {
    startJob(dir.resolve("checkpoints"));
    String id = job.getJobID().toString();

    assertThat(send("GET", "/health", null).body().get("status").asText()).isEqualTo("ok");
    Response jobs = send("GET", "/jobs", null);
    assertThat(jobs.status()).isEqualTo(200);
    assertThat(jobs.body().get("jobs")).hasSize(1);
    assertThat(jobs.body().get("jobs").get(0).get("id").asText()).isEqualTo(id);

    Response details = send("GET", "/jobs/" + id, null);
    assertThat(details.status()).isEqualTo(200);
    assertThat(details.body().get("name").asText()).isEqualTo("rest-tested");
    assertThat(details.body().get("state").asText()).isIn("CREATED", "RUNNING");
    // The source, then the keyed map chained with its sink, joined by a hash edge.
    assertThat(details.body().get("vertices")).hasSize(2);
    assertThat(details.body().get("vertices").get(0).get("parallelism").asInt()).isEqualTo(2);
    assertThat(details.body().get("vertices").get(1).get("name").asText()).contains("Map");
    assertThat(details.body().get("vertices").get(1).get("max-parallelism").asInt()).isEqualTo(128);
    assertThat(details.body().get("edges")).hasSize(1);
    assertThat(details.body().get("edges").get(0).get("partitioning").asText()).isEqualTo("HASH");
    assertThat(details.body().get("edges").get(0).get("source").asInt())
        .isEqualTo(details.body().get("vertices").get(0).get("id").asInt());
    assertThat(send("GET", "/jobs/overview", null).body().get("jobs").get(0).get("jid").asText()).isEqualTo(id);

    Path target = dir.resolve("savepoints");
    Response triggered = send("POST", "/jobs/" + id + "/savepoints",
        "{\"target-directory\": " + JSON.writeValueAsString(target.toString()) + "}");
    assertThat(triggered.status()).isEqualTo(202);
    JsonNode outcome = awaitSavepoint(id, triggered.body().get("request-id").asText());
    assertThat(outcome.has("failure-cause")).as("%s", outcome).isFalse();
    Path location = Path.of(outcome.get("location").asText());
    assertThat(location).startsWith(target);
    assertThat(location.resolve("_metadata")).exists();

    Response checkpoints = send("GET", "/jobs/" + id + "/checkpoints", null);
    assertThat(checkpoints.status()).isEqualTo(200);
    assertThat(checkpoints.body().get("history").findValuesAsText("externalPath")).contains(location.toString());
  }

  @Test
  void stopsWithASavepointAndCancels(@TempDir Path dir) throws Exception {
    startJob(dir.resolve("checkpoints"));
    String id = job.getJobID().toString();
    // A savepoint needs every task running (as in Flink); a completed checkpoint shows they are. Under
    // load a stop sent right after the submission found tasks still deploying and failed.
    Await.until(Duration.ofSeconds(30), "a completed checkpoint",
        () -> !send("GET", "/jobs/" + id + "/checkpoints", null).body().get("history").isEmpty());
    Response stop = send("POST", "/jobs/" + id + "/stop",
        "{\"targetDirectory\": " + JSON.writeValueAsString(dir.resolve("sp").toString()) + ", \"drain\": false}");
    assertThat(stop.status()).isEqualTo(202);
    JsonNode outcome = awaitSavepoint(id, stop.body().get("request-id").asText());
    assertThat(outcome.has("failure-cause")).as("%s", outcome).isFalse();
    assertThat(Path.of(outcome.get("location").asText()).resolve("_metadata")).exists();
    assertThat(job.getJobStatus().get(20, TimeUnit.SECONDS)).isIn(JobStatus.CANCELED, JobStatus.FINISHED);
    // The cluster stops with its only job; the answer of a stopped job comes from its client.
    job = null;
  }

  @Test
  void cancelEndsTheJob(@TempDir Path dir) throws Exception {
    startJob(dir.resolve("checkpoints"));
    String id = job.getJobID().toString();
    assertThat(send("PATCH", "/jobs/" + id + "?mode=cancel", null).status()).isEqualTo(202);
    assertThat(job.getJobExecutionResult()).failsWithin(Duration.ofSeconds(20));
    assertThat(job.getJobStatus().get(20, TimeUnit.SECONDS)).isEqualTo(JobStatus.CANCELED);
    job = null;
  }

  @Test
  void malformedRequestsGetClearErrors(@TempDir Path dir) throws Exception {
    startJob(dir.resolve("checkpoints"));
    String id = job.getJobID().toString();
    String unknown = "0123456789abcdef0123456789abcdef";

    Response badId = send("GET", "/jobs/not-a-job", null);
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.error()).contains("'not-a-job'", "32 hexadecimal digits");

    Response missing = send("GET", "/jobs/" + unknown, null);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.error()).contains(unknown);
    assertThat(send("POST", "/jobs/" + unknown + "/savepoints", "{}").status()).isEqualTo(404);
    assertThat(send("PATCH", "/jobs/" + unknown, null).status()).isEqualTo(404);

    Response badJson = send("POST", "/jobs/" + id + "/savepoints", "{\"target-directory\": ");
    assertThat(badJson.status()).isEqualTo(400);
    assertThat(badJson.error()).contains("not valid JSON", "line 1");

    Response unknownField = send("POST", "/jobs/" + id + "/savepoints", "{\"targetDir\": \"/tmp\"}");
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(unknownField.error()).contains("targetDir", "target-directory");

    Response wrongType = send("POST", "/jobs/" + id + "/stop", "{\"drain\": \"yes\"}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.error()).contains("'drain'", "true or false");

    Response notAnObject = send("POST", "/jobs/" + id + "/savepoints", "[1, 2]");
    assertThat(notAnObject.status()).isEqualTo(400);

    Response badMode = send("PATCH", "/jobs/" + id + "?mode=explode", null);
    assertThat(badMode.status()).isEqualTo(400);
    assertThat(badMode.error()).contains("explode");

    Response oversized = send("POST", "/jobs/" + id + "/savepoints",
        "{\"target-directory\": \"" + "x".repeat(8192) + "\"}");
    assertThat(oversized.status()).isEqualTo(413);

    Response unknownRequest = send("GET", "/jobs/" + id + "/savepoints/nope", null);
    assertThat(unknownRequest.status()).isEqualTo(404);
    assertThat(unknownRequest.error()).contains("nope");

    Response noRoute = send("GET", "/no/such/thing", null);
    assertThat(noRoute.status()).isEqualTo(404);
    assertThat(noRoute.error()).contains("/no/such/thing");

    assertThat(job.getJobStatus().get(5, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void everyDocumentedOperationIsServed(@TempDir Path dir) throws Exception {
    startJob(dir.resolve("checkpoints"));
    String id = job.getJobID().toString();
    Response openApi = send("GET", "/openapi", null);
    assertThat(openApi.status()).isEqualTo(200);
    JsonNode paths = openApi.body().get("paths");
    assertThat(paths.size()).isGreaterThanOrEqualTo(9);
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      String concrete = path.getKey().replace("{jobid}", id).replace("{requestid}", "unknown-request")
          .replace("{taskmanagerid}", "unknown-taskmanager").replace("{jarid}", "unknown-jar")
          .replace("{vertexid}", "0").replace("{subtaskindex}", "0").replace("{filename}", "unknown.log")
          .replace("{checkpointid}", "1");
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        String method = methods.next();
        if (method.equals("parameters") || method.equals("patch")) {
          continue; // cancelling is covered by its own test
        }
        Response response = send(method.toUpperCase(), concrete, method.equals("post") ? "{}" : null);
        assertThat(response.status()).as("%s %s", method, concrete).isNotIn(405, 500);
        if (response.status() == 404) {
          assertThat(response.error()).as("%s %s", method, concrete).doesNotContain("No such resource");
        }
      }
    }
  }

  @Test
  void aTakenPortIsSkippedAndABadPortSpecIsNamed() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int busy = taken.getLocalPort();
      Configuration conf = new Configuration();
      conf.set(RestOptions.BIND_PORT, busy + "," + 0);
      io.spate.runtime.minicluster.MiniCluster cluster = new io.spate.runtime.minicluster.MiniCluster(
          new io.spate.runtime.minicluster.MiniClusterConfiguration(1, 1, 1, 16, 16));
      cluster.start();
      try {
        RestServer server = cluster.startRestServer(conf);
        assertThat(server.port()).isNotEqualTo(busy).isPositive();
      } finally {
        cluster.close();
      }
    }
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> BindPorts.parse("rest.bind-port", "80-x")))
        .hasMessageContaining("rest.bind-port").hasMessageContaining("'x'");
    assertThat(BindPorts.parse("rest.bind-port", "8081-8083,9000")).containsExactly(8081, 8082, 8083, 9000);
  }

  @Test
  void savepointOfAJobWithoutCheckpointDirectoryNeedsATarget(@TempDir Path dir) throws Exception {
    startJob(dir.resolve("checkpoints"));
    String id = job.getJobID().toString();
    Response triggered = send("POST", "/jobs/" + id + "/savepoints", "{}");
    assertThat(triggered.status()).isEqualTo(202);
    JsonNode outcome = awaitSavepoint(id, triggered.body().get("request-id").asText());
    assertThat(outcome.get("failure-cause").get("message").asText()).contains("state.savepoints.dir");
    // the failed trigger wrote no savepoint anywhere under the test's directory
    assertThat(namesStartingWith(dir, "savepoint-")).isEmpty();
  }

  /**
   * The files and directories under {@code dir} whose names start with {@code prefix}; the running job
   * keeps writing and renaming checkpoint files meanwhile, so one that vanishes during the walk is skipped.
   */
  private static java.util.List<Path> namesStartingWith(Path dir, String prefix) throws java.io.IOException {
    java.util.List<Path> found = new java.util.ArrayList<>();
    Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
      @Override
      public java.nio.file.FileVisitResult preVisitDirectory(Path path,
          java.nio.file.attribute.BasicFileAttributes attributes) {
        return visit(path);
      }

      @Override
      public java.nio.file.FileVisitResult visitFile(Path path, java.nio.file.attribute.BasicFileAttributes attributes) {
        return visit(path);
      }

      @Override
      public java.nio.file.FileVisitResult visitFileFailed(Path path, java.io.IOException e) {
        return java.nio.file.FileVisitResult.CONTINUE;
      }

      private java.nio.file.FileVisitResult visit(Path path) {
        if (path.getFileName() != null && path.getFileName().toString().startsWith(prefix)) {
          found.add(path);
        }
        return java.nio.file.FileVisitResult.CONTINUE;
      }
    });
    return found;
  }
}
