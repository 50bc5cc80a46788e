package io.spate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestOptions;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.rest.JarStore;
import io.spate.runtime.rest.RestServer;
import io.spate.testing.Await;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * A session cluster in this JVM for the web UI's browser tests: a MiniCluster with its REST API (and
 * so the UI) on a free port of 127.0.0.1, and the JobManager's jar runner behind the jar routes.
 */
final class WebUiCluster implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MiniCluster cluster;
  private final String url;
  private final String authorization;
  private final HttpClient http = HttpClient.newHttpClient();

  private WebUiCluster(MiniCluster cluster, String url, String authorization) {
    this.cluster = cluster;
    this.url = url;
    this.authorization = authorization;
  }

  /** Starts a cluster of {@code taskManagers} x {@code slots}; {@code conf} adds REST options (auth). */
  static WebUiCluster start(Path dir, int taskManagers, int slots, Configuration conf, String authorization)
      throws IOException {
    conf.set(RestOptions.ADDRESS, "127.0.0.1");
    conf.set(RestOptions.PORT, 0);
    MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(taskManagers, slots, 2, 16, 64));
    cluster.start();
    try {
      RestServer rest = cluster.startRestServer(conf, new JarStore(dir.resolve("jars")),
          new SessionJarRunner(cluster, conf));
      return new WebUiCluster(cluster, rest.url(), authorization);
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  static WebUiCluster start(Path dir) throws IOException {
    return start(dir, 2, 4, new Configuration(), null);
  }

  /** The UI's address, such as {@code http://127.0.0.1:40123/}. */
  String url() {
    return url + "/";
  }

  /** Uploads {@code jar} through the REST API and runs it with {@code args}; the job's id. */
  String run(Path jar, int parallelism, String... args) throws Exception {
    String boundary = "test-" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
        + jar.getFileName() + "\"\r\nContent-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> upload = http.send(request("/jars/upload")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
            HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(jar)), HttpRequest.BodyPublishers.ofByteArray(tail)))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (upload.statusCode() != 200) {
      throw new IllegalStateException("Upload of " + jar + " answered " + upload.statusCode() + ": " + upload.body());
    }
    String id = JSON.readTree(upload.body()).get("id").asText();
    String body = JSON.writeValueAsString(java.util.Map.of("programArgs", java.util.List.of(args),
        "parallelism", parallelism));
    HttpResponse<String> run = http.send(request("/jars/" + id + "/run")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (run.statusCode() != 200) {
      throw new IllegalStateException("Running " + jar + " answered " + run.statusCode() + ": " + run.body());
    }
    return JSON.readTree(run.body()).get("jobid").asText();
  }

  /** GET of {@code path} as JSON. */
  JsonNode get(String path) throws Exception {
    HttpResponse<String> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** The state of job {@code jobId} (RUNNING, CANCELED, ...). */
  String state(String jobId) throws Exception {
    return get("/jobs/" + jobId).path("state").asText();
  }

  void awaitState(String jobId, String state, Duration limit) {
    Await.until(limit, "job " + jobId + " to be " + state, () -> state.equals(state(jobId)));
  }

  /** Waits until every subtask of the job runs, so that its graph is complete and live. */
  void awaitAllRunning(String jobId, Duration limit) {
    Await.until(limit, "every vertex of job " + jobId + " to run", () -> {
      JsonNode job = get("/jobs/" + jobId);
      if (!"RUNNING".equals(job.path("state").asText()) || job.path("vertices").isEmpty()) {
        return false;
      }
      for (JsonNode vertex : job.path("vertices")) {
        if (!"RUNNING".equals(vertex.path("status").asText())) {
          return false;
        }
      }
      return true;
    });
  }

  /** Cancels the job unless it has ended, so that it leaves the slots to the next test. */
  void cancelIfRunning(String jobId) throws Exception {
    if (!state(jobId).equals("RUNNING")) {
      return;
    }
    http.send(request("/jobs/" + jobId + "?mode=cancel").method("PATCH", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.discarding());
  }

  /**
   * Cancels every job that has not ended and waits until each has, so that a cluster shared between test
   * classes is idle (all slots free, no job's threads busy) when the next class starts.
   */
  void cancelAllJobs(Duration limit) throws Exception {
    java.util.List<String> ended = java.util.List.of("FINISHED", "CANCELED", "FAILED");
    for (JsonNode job : get("/jobs").path("jobs")) {
      if (!ended.contains(job.path("status").asText())) {
        http.send(request("/jobs/" + job.path("id").asText() + "?mode=cancel")
            .method("PATCH", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
      }
    }
    Await.until(limit, () -> "every job of the cluster to end: " + jobsOrFailure(), () -> {
      for (JsonNode job : get("/jobs").path("jobs")) {
        if (!ended.contains(job.path("status").asText())) {
          return false;
        }
      }
      return true;
    });
  }

  private String jobsOrFailure() {
    try {
      return get("/jobs").toString();
    } catch (Exception e) {
      return "(GET /jobs failed: " + e + ")";
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  @Override
  public void close() {
    cluster.close();
  }
}
