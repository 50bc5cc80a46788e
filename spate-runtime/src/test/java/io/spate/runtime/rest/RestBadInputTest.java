package io.spate.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.api.common.JobClient;
import io.spate.api.common.JobStatus;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad requests to the REST API (huge or deeply nested JSON, odd multipart file names, wrong methods,
 * malformed URIs, cancelling an ended job) each get a JSON 4xx answer that names what was wrong.
 */
class RestBadInputTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path dir;
  private MiniCluster cluster;
  private RestServer server;
  private HttpJson http;
  private RawHttp raw;

  @BeforeEach
  void start() throws Exception {
    cluster = new MiniCluster(new MiniClusterConfiguration(1, 2, 1, 16, 64));
    cluster.start();
    Configuration conf = new Configuration();
    conf.set(RestOptions.BIND_PORT, "0");
    server = cluster.startRestServer(conf, new JarStore(dir.resolve("jars")),
        (jar, request) -> {
          throw RestException.badRequest("This test runs no programs.");
        });
    http = new HttpJson(server.url());
    URI uri = URI.create(server.url());
    raw = new RawHttp(uri.getHost(), uri.getPort());
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private JobClient runEndlessJob() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSequence(1, Long.MAX_VALUE).map(x -> x).discard();
    JobGraph graph = JobGraphGenerator.generate(env.getStreamGraph("endless"));
    return cluster.submitJob(graph).get(30, TimeUnit.SECONDS);
  }

  private static void assertJsonError(int status, String contentType, JsonNode body, int expected, String... named) {
    assertThat(status).as("%s", body).isEqualTo(expected);
    assertThat(contentType).startsWith("application/json");
    assertThat(body.get("errors").isArray()).as("%s", body).isTrue();
    assertThat(body.get("errors").get(0).asText()).contains(named);
  }

  private HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", contentType).POST(body).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void assertJsonError(HttpResponse<String> response, int expected, String... named) throws Exception {
    assertJsonError(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
        HttpJson.JSON.readTree(response.body()), expected, named);
  }

  /** A body of {@code head}, {@code count} times {@code filler}, then {@code tail}, made as it is sent. */
  private static HttpRequest.BodyPublisher streamed(String head, char filler, long count, String tail) {
    return HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
      private final byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
      private final byte[] tailBytes = tail.getBytes(StandardCharsets.UTF_8);
      private final long total = headBytes.length + count + tailBytes.length;
      private long at;

      @Override
      public int read() {
        if (at >= total) {
          return -1;
        }
        long i = at++;
        if (i < headBytes.length) {
          return headBytes[(int) i];
        }
        i -= headBytes.length;
        return i < count ? filler : tailBytes[(int) (i - count)];
      }
    });
  }

  @Test
  void aHugeJsonStringIsRefusedBeforeItIsRead() throws Exception {
    String id = runEndlessJob().getJobID().toString();
    // 90 MB without a Content-Length: the server must stop reading at its bounds.
    HttpResponse<String> huge = post("/jobs/" + id + "/savepoints", "application/json",
        streamed("{\"target-directory\": \"", 'x', 90_000_000, "\"}"));
    assertJsonError(huge, 400, "String value length", String.valueOf(JsonBodyReader.MAX_STRING_LENGTH));
    HttpResponse<String> padded = post("/jobs/" + id + "/savepoints", "application/json",
        streamed("{", ' ', 25_000_000, "}"));
    assertJsonError(padded, 413, "POST /jobs/" + id + "/savepoints", "larger than " + JsonBodyReader.MAX_BODY_BYTES
        + " bytes");
    // Under the body limit but a string longer than any field needs.
    HttpResponse<String> longString = post("/jobs/" + id + "/savepoints", "application/json",
        HttpRequest.BodyPublishers.ofString("{\"target-directory\": \"" + "x".repeat(300_000) + "\"}"));
    assertJsonError(longString, 400, "String value length", String.valueOf(JsonBodyReader.MAX_STRING_LENGTH),
        "POST /jobs/" + id + "/savepoints");
    assertThat(http.get("/health").status()).isEqualTo(200);
  }

  @Test
  void deeplyNestedJsonIsRefused() throws Exception {
    String id = runEndlessJob().getJobID().toString();
    String deepArrays = "[".repeat(100_000) + "]".repeat(100_000);
    assertJsonError(post("/jobs/" + id + "/stop", "application/json", HttpRequest.BodyPublishers.ofString(deepArrays)),
        400, "nesting depth", "POST /jobs/" + id + "/stop");
    String deepObjects = "{\"drain\": ".repeat(20_000) + "true" + "}".repeat(20_000);
    assertJsonError(post("/jobs/" + id + "/stop", "application/json", HttpRequest.BodyPublishers.ofString(deepObjects)),
        400, "nesting depth");
    String longNumber = "{\"drain\": " + "9".repeat(5_000) + "}";
    assertJsonError(post("/jobs/" + id + "/stop", "application/json", HttpRequest.BodyPublishers.ofString(longNumber)),
        400, "Number value length");
    assertThat(http.get("/health").status()).isEqualTo(200);
  }

  @Test
  void aMultipartFileNameWithoutAFileIsRefused() throws Exception {
    for (String name : new String[] {"/", "\\", "..", "a/", "C:\\", ""}) {
      String boundary = "b0undary";
      String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\"" + name
          + "\"\r\nContent-Type: application/java-archive\r\n\r\nPK\r\n--" + boundary + "--\r\n";
      HttpResponse<String> response = post("/jars/upload", "multipart/form-data; boundary=" + boundary,
          HttpRequest.BodyPublishers.ofString(body));
      assertJsonError(response, 400, "file");
    }
    String boundary = "b0undary";
    String nul = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\"x\u0000.jar\"\r\n\r\n"
        + "PK\r\n--" + boundary + "--\r\n";
    assertJsonError(post("/jars/upload", "multipart/form-data; boundary=" + boundary,
        HttpRequest.BodyPublishers.ofString(nul)), 400, "malformed multipart/form-data");
  }

  @Test
  void aKnownPathWithAnotherMethodGets405WithAllow() throws Exception {
    HttpJson.Response put = http.send("PUT", "/jobs", "{}", null);
    assertThat(put.status()).isEqualTo(405);
    assertThat(put.error()).contains("PUT", "/jobs", "GET");
    HttpResponse<String> delete = HTTP.send(HttpRequest.newBuilder(
        URI.create(server.url() + "/jobs/0123456789abcdef0123456789abcdef")).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
    assertJsonError(delete, 405, "DELETE");
    assertThat(delete.headers().firstValue("Allow")).hasValue("GET, PATCH");
    assertThat(http.send("GET", "/jars/upload", null, null).status()).isEqualTo(405);
    // An unknown path stays 404.
    assertThat(http.send("PUT", "/no/such/thing", "{}", null).status()).isEqualTo(404);
  }

  @Test
  void malformedRequestsGetJsonRatherThanAnHtmlPage() throws Exception {
    String[] requests = {
        "GET /jobs/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        "GET /jobs/%2F..%2Fconfig HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        "GET /jobs/%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        "GET /jobs/%C3%28 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        "GET /../../etc/passwd HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        "GET /jobs HTTP/1.1\r\nHost: bad host name\r\nConnection: close\r\n\r\n",
        "GET /jobs HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n",
        "GET /jobs HTTP/1.1\r\nConnection: close\r\n\r\n",
        "GET /jobs HTTP/1.1\r\nHost: localhost\r\nX-Long: " + "y".repeat(20_000) + "\r\nConnection: close\r\n\r\n",
        "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        "POST /jobs/0123456789abcdef0123456789abcdef/stop HTTP/1.1\r\nHost: localhost\r\nContent-Length: x\r\n"
            + "Connection: close\r\n\r\n{}",
        "POST /jobs/0123456789abcdef0123456789abcdef/stop HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
            + "Connection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
        "BREW /jobs HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    };
    for (String request : requests) {
      RawHttp.Answer answer = raw.send(request);
      String shown = request.length() > 120 ? request.substring(0, 120) + "..." : request;
      assertThat(answer.status()).as("%s -> %s", shown, answer).isBetween(400, 499);
      assertThat(answer.contentType()).as("%s -> %s", shown, answer).startsWith("application/json");
      JsonNode body = HttpJson.JSON.readTree(answer.body());
      assertThat(body.get("errors").get(0).asText()).as("%s", shown).isNotBlank();
    }
    // An unknown HTTP version gets its own status, 505, with the same body.
    RawHttp.Answer version = raw.send("GET /jobs HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(version.status()).isEqualTo(505);
    assertThat(HttpJson.JSON.readTree(version.body()).get("errors").get(0).asText()).contains("Version");
    assertThat(http.get("/health").status()).isEqualTo(200);
  }

  @Test
  void cancellingAnEndedJobIsAConflict() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSequence(1, 10).map(x -> x).discard();
    JobClient job = cluster.submitJob(JobGraphGenerator.generate(env.getStreamGraph("short"))).get(30, TimeUnit.SECONDS);
    job.getJobExecutionResult().get(30, TimeUnit.SECONDS);
    assertThat(job.getJobStatus().get(30, TimeUnit.SECONDS)).isEqualTo(JobStatus.FINISHED);
    HttpJson.Response cancel = http.send("PATCH", "/jobs/" + job.getJobID() + "?mode=cancel", null, null);
    assertThat(cancel.status()).isEqualTo(409);
    assertThat(cancel.error()).contains(job.getJobID().toString(), "FINISHED");

    JobClient running = runEndlessJob();
    assertThat(http.send("PATCH", "/jobs/" + running.getJobID(), null, null).status()).isEqualTo(202);
    assertThat(running.getJobExecutionResult()).failsWithin(Duration.ofSeconds(30));
  }
}
