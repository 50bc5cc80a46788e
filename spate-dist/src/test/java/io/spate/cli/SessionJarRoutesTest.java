package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestOptions;
import io.spate.clitest.EndlessJob;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.rest.JarStore;
import io.spate.runtime.rest.RestServer;
import io.spate.testing.Await;
import io.spate.testing.TestJars;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.ref.WeakReference;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar routes of a session cluster's REST API, with the JobManager's jar runner, in this JVM. */
class SessionJarRoutesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_UPLOAD = 256 * 1024;

  @TempDir
  static Path dir;

  private static MiniCluster cluster;
  private static SessionJarRunner runner;
  private static String base;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startCluster() throws Exception {
    Configuration conf = new Configuration();
    conf.set(RestOptions.PORT, 0);
    conf.setString(RestOptions.MAX_REQUEST_SIZE.key(), MAX_UPLOAD + " b");
    cluster = new MiniCluster(new MiniClusterConfiguration(1, 4, 2, 16, 64));
    cluster.start();
    runner = new SessionJarRunner(cluster, conf);
    RestServer rest = cluster.startRestServer(conf, new JarStore(dir.resolve("jars")), runner);
    base = rest.url();
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void uploadListRunAndDelete() throws Exception {
    Path jar = TestJars.jar(dir.resolve("endless.jar"), EndlessJob.class.getName(), EndlessJob.class);
    HttpResponse<String> upload = upload("endless.jar", Files.readAllBytes(jar));
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
    String id = JSON.readTree(upload.body()).get("id").asText();
    assertThat(id).endsWith("_endless.jar");

    JsonNode files = JSON.readTree(send("GET", "/jars", null).body()).get("files");
    assertThat(files.findValuesAsText("id")).contains(id);

    HttpResponse<String> run = send("POST", "/jars/" + id + "/run", "{\"programArgs\": [\"endless\"], \"parallelism\": 1}");
    assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    String jobId = JSON.readTree(run.body()).get("jobid").asText();
    assertThat(jobId).matches("[0-9a-f]{32}");
    JsonNode job = JSON.readTree(send("GET", "/jobs/" + jobId, null).body());
    assertThat(job.path("name").asText()).isEqualTo("endless");
    assertThat(send("PATCH", "/jobs/" + jobId + "?mode=cancel", null).statusCode()).isEqualTo(202);

    assertThat(send("DELETE", "/jars/" + id, null).statusCode()).isEqualTo(200);
    assertThat(send("DELETE", "/jars/" + id, null).statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(send("GET", "/jars", null).body()).get("files").findValuesAsText("id")).doesNotContain(id);
  }

  @Test
  void aFileThatIsNotAJarGets400() throws Exception {
    HttpResponse<String> notZip = upload("job.jar", "just text".getBytes(StandardCharsets.UTF_8));
    assertThat(notZip.statusCode()).isEqualTo(400);
    assertThat(notZip.body()).contains("'job.jar' is not a jar");
    HttpResponse<String> wrongName = upload("job.txt", "just text".getBytes(StandardCharsets.UTF_8));
    assertThat(wrongName.statusCode()).isEqualTo(400);
    assertThat(wrongName.body()).contains("must end in .jar");
  }

  @Test
  void anOversizedUploadGets413() throws Exception {
    // The server reads such a body to its end before it answers, so a client still sending sees the
    // 413 rather than a reset connection; a few rounds, since the reset was a race.
    for (int round = 0; round < 5; round++) {
      HttpResponse<String> response = upload("big.jar", new byte[(int) MAX_UPLOAD * 3]);
      assertThat(response.statusCode()).as("round " + round).isEqualTo(413);
      assertThat(response.body()).contains("rest.server.max-content-length");
    }
    // Without a Content-Length (chunked), the multipart parser's limit answers the same.
    String boundary = "chunked-" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\"big.jar\"\r\n"
        + "Content-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + (int) MAX_UPLOAD * 2];
    System.arraycopy(head, 0, body, 0, head.length);
    HttpRequest chunked = HttpRequest.newBuilder(URI.create(base + "/jars/upload"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
        .build();
    HttpResponse<String> chunkedResponse = http.send(chunked, HttpResponse.BodyHandlers.ofString());
    assertThat(chunkedResponse.statusCode()).as(chunkedResponse.body()).isEqualTo(413);
  }

  @Test
  void aClientThatWaitsFor100ContinueIsRefusedBeforeItSendsTheBody() throws Exception {
    // A raw socket, since the JDK 17 client hangs when a server refuses its Expect. The declared body
    // is small enough that the server would read it to its end: it must answer from the headers alone.
    URI uri = URI.create(base);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      String headers = "POST /jars/upload HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
          + "Content-Type: multipart/form-data; boundary=unused\r\nContent-Length: " + MAX_UPLOAD * 2 + "\r\n"
          + "Expect: 100-continue\r\n\r\n";
      socket.getOutputStream().write(headers.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      BufferedReader in = new BufferedReader(
          new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(in.readLine()).startsWith("HTTP/1.1 413");
      StringBuilder rest = new StringBuilder();
      for (String line = in.readLine(); line != null && !line.startsWith("{"); line = in.readLine()) {
        rest.append(line).append('\n');
      }
      assertThat(rest.toString().toLowerCase(Locale.ROOT)).doesNotContain("100 continue");
    }
  }

  @Test
  void aMissingEntryClassGets400WithItsName() throws Exception {
    Path jar = TestJars.jar(dir.resolve("nomain.jar"), EndlessJob.class);
    String id = JSON.readTree(upload("nomain.jar", Files.readAllBytes(jar)).body()).get("id").asText();
    HttpResponse<String> run = send("POST", "/jars/" + id + "/run", "{\"entryClass\": \"com.example.Missing\"}");
    assertThat(run.statusCode()).isEqualTo(400);
    assertThat(run.body()).contains("com.example.Missing").contains("not found");
    HttpResponse<String> noManifest = send("POST", "/jars/" + id + "/run", "");
    assertThat(noManifest.statusCode()).isEqualTo(400);
    assertThat(noManifest.body()).contains("Main-Class");
    HttpResponse<String> badField = send("POST", "/jars/" + id + "/run", "{\"parallelism\": 0}");
    assertThat(badField.statusCode()).isEqualTo(400);
    assertThat(badField.body()).contains("parallelism");
    HttpResponse<String> badMode = send("POST", "/jars/" + id + "/run",
        "{\"savepointPath\": \"/tmp/sp\", \"restoreMode\": \"steal\"}");
    assertThat(badMode.statusCode()).isEqualTo(400);
    assertThat(badMode.body()).contains("'restoreMode'").contains("CLAIM or NO_CLAIM").contains("'steal'");
    HttpResponse<String> modeAlone = send("POST", "/jars/" + id + "/run",
        "{\"entryClass\": \"" + EndlessJob.class.getName() + "\", \"restoreMode\": \"claim\"}");
    assertThat(modeAlone.statusCode()).isEqualTo(400);
    assertThat(modeAlone.body()).contains("restoreMode only applies with a savepointPath");
  }

  @Test
  void runningAnUnknownJarGets404() throws Exception {
    HttpResponse<String> run = send("POST", "/jars/" + "0".repeat(32) + "_gone.jar/run", "{}");
    assertThat(run.statusCode()).isEqualTo(404);
    assertThat(run.body()).contains("No uploaded jar");
  }

  @Test
  void theClassLoaderOfAFinishedJobIsReleased() throws Exception {
    Path jar = TestJars.compiledJar(dir.resolve("bounded.jar"), "sessiontest.BoundedJob", Map.of(
        "sessiontest.BoundedJob", """
            package sessiontest;
            import io.spate.api.datastream.StreamExecutionEnvironment;
            public final class BoundedJob {
              public static void main(String[] args) throws Exception {
                StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                env.fromSequence(1, 1000).map(new Doubler()).discard();
                env.execute("bounded");
              }
            }
            """,
        "sessiontest.Doubler", """
            package sessiontest;
            public final class Doubler implements io.spate.api.functions.MapFunction<Long, Long> {
              @Override
              public Long map(Long value) {
                return value * 2;
              }
            }
            """));
    String id = JSON.readTree(upload("bounded.jar", Files.readAllBytes(jar)).body()).get("id").asText();
    HttpResponse<String> run = send("POST", "/jars/" + id + "/run", "{}");
    assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    String jobId = JSON.readTree(run.body()).get("jobid").asText();
    WeakReference<ClassLoader> loader = runner.latestLoader;
    Await.until(Duration.ofSeconds(30), "the class loader of job " + jobId + " to be collected", () -> {
      System.gc();
      return loader.get() == null;
    });
    assertThat(loader.get()).as("the class loader of job " + jobId + " after it ended").isNull();
    assertThat(JSON.readTree(send("GET", "/jobs/" + jobId, null).body()).path("state").asText()).isEqualTo("FINISHED");
  }

  private HttpResponse<String> upload(String fileName, byte[] content) throws Exception {
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

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
