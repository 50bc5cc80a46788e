package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestOptions;
import io.spate.clitest.CollectingSink;
import io.spate.api.configuration.TaskManagerOptions;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.network.remote.RemoteShuffleOptions;
import io.spate.runtime.rest.JarStore;
import io.spate.runtime.rest.RestServer;
import io.spate.runtime.taskexecutor.DataPlaneSettings;
import io.spate.testing.Await;
import io.spate.testing.TestJars;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jar uploaded to a session cluster whose roles serialize every RPC message, as between processes:
 * the job's configuration names the uploaded jar, and the TaskExecutors download it from the JobMaster
 * to run the job's own classes, then release it.
 */
class SessionJarDistributionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theTaskExecutorsRunTheUploadedJarsCode() throws Exception {
    Path jar = TestJars.compiledJar(dir.resolve("tripler.jar"), "sessionjars.TriplerJob", Map.of(
        "sessionjars.TriplerJob", """
            package sessionjars;
            import io.spate.api.datastream.StreamExecutionEnvironment;
            public final class TriplerJob {
              public static void main(String[] args) throws Exception {
                StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                env.fromSequence(1, 300).map(new Tripler()).rebalance().sinkTo(new io.spate.clitest.CollectingSink());
                env.execute("tripled");
              }
            }
            """,
        "sessionjars.Tripler", """
            package sessionjars;
            public final class Tripler implements io.spate.api.functions.MapFunction<Long, Long> {
              @Override
              public Long map(Long value) {
                return value * 3;
              }
            }
            """));
    Configuration taskManager = new Configuration();
    taskManager.set(TaskManagerOptions.TMP_DIR, dir.resolve("taskmanagers").toString());
    taskManager.set(TaskManagerOptions.JOB_JARS_LINGER, Duration.ofMillis(200));
    Configuration conf = new Configuration();
    conf.set(RestOptions.PORT, 0);
    try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(2, 2, 2, 16, 64),
        new DataPlaneSettings("127.0.0.1", 0, null, RemoteShuffleOptions.defaults(), taskManager), true)) {
      cluster.start();
      RestServer rest = cluster.startRestServer(conf, new JarStore(dir.resolve("jars")),
          new SessionJarRunner(cluster, conf));
      String base = rest.url();
      String id = JSON.readTree(upload(base, "tripler.jar", Files.readAllBytes(jar)).body()).get("id").asText();
      HttpResponse<String> run = send(base, "POST", "/jars/" + id + "/run", "{\"parallelism\": 2}");
      assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
      String jobId = JSON.readTree(run.body()).get("jobid").asText();

      String state = Await.untilMatches(Duration.ofSeconds(60), "job " + jobId + " to end",
          () -> JSON.readTree(send(base, "GET", "/jobs/" + jobId, null).body()).path("state").asText(),
          s -> s.equals("FINISHED") || s.equals("FAILED"));
      assertThat(state).as("state of job " + jobId).isEqualTo("FINISHED");
      assertThat(CollectingSink.RECORDS)
          .isEqualTo(LongStream.rangeClosed(1, 300).map(x -> x * 3).boxed().collect(Collectors.toSet()));
      assertThat(cluster.downloadedJobJarBytes()).isPositive();
      assertThat(cluster.downloadedJobJarBytes() % Files.size(jar)).isZero();
      Await.until(Duration.ofSeconds(60), "the job class loaders to be released after the linger",
          () -> cluster.cachedJobClassLoaders() == 0);
      assertThat(cluster.cachedJobClassLoaders()).as("job class loaders after the linger").isZero();
    }
  }

  private HttpResponse<String> upload(String base, String fileName, byte[] content) throws Exception {
    String boundary = "test-" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/jars/upload"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
            HttpRequest.BodyPublishers.ofByteArray(content), HttpRequest.BodyPublishers.ofByteArray(tail)))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String base, String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
