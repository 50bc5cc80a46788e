package io.spate.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.api.common.JobClient;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.MemorySize;
import io.spate.api.configuration.RestOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.rest.FuzzedRequests.FuzzRequest;
import io.spate.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and mutated requests against every route of a REST server on loopback with an embedded
 * cluster behind it: no answer is a 5xx, every error is JSON with an {@code errors} list, the server
 * still answers {@code GET /health} afterwards, and once it is closed it has left no thread behind.
 * The seed is printed; {@code -Dspate.rest.fuzz.seed=N} replays a run, {@code
 * -Dspate.rest.fuzz.requests=N} changes how many requests it sends (at most {@value #MAX_SECONDS} s).
 */
class RestFuzzTest {

  private static final int DEFAULT_REQUESTS = 2_000;
  private static final int MAX_SECONDS = 30;
  private static final int MAX_BODY_BYTES = 3 * 1024 * 1024;
  private static final int FAILURES_SHOWN = 10;
  private static final long SLOW_MILLIS = 2_000;
  /**
   * Threads of the JVM, of the test's own client (which Java 17 cannot close), and of the cluster
   * (such as a TaskExecutor's checkpoint I/O, started by the first savepoint), which outlive the server.
   */
  private static final java.util.regex.Pattern NOT_THE_SERVERS = java.util.regex.Pattern.compile(
      "HttpClient-|Attach Listener|ForkJoinPool.commonPool-worker-|taskexecutor-\\d+-|spate-jobmaster-");

  @TempDir
  Path dir;

  private record Answer(int status, String contentType, String connection, String body) {}

  @Test
  void randomRequestsGetNo5xxAndOnlyJsonErrors() throws Exception {
    long seed = Long.getLong("spate.rest.fuzz.seed", System.nanoTime());
    int requests = Integer.getInteger("spate.rest.fuzz.requests", DEFAULT_REQUESTS);
    System.out.println("RestFuzzTest seed " + seed + " (replay with -Dspate.rest.fuzz.seed=" + seed + ")");

    MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(1, 4, 1, 16, 64));
    cluster.start();
    try {
      JobClient running = cluster.submitJob(JobGraphGenerator.generate(endless().getStreamGraph("fuzzed")))
          .get(30, TimeUnit.SECONDS);
      StreamExecutionEnvironment shortEnv = StreamExecutionEnvironment.createLocalEnvironment(1);
      shortEnv.fromSequence(1, 10).discard();
      JobClient finished = cluster.submitJob(JobGraphGenerator.generate(shortEnv.getStreamGraph("short")))
          .get(30, TimeUnit.SECONDS);
      finished.getJobExecutionResult().get(30, TimeUnit.SECONDS);
      Set<Thread> before = liveThreads();

      Configuration conf = new Configuration();
      conf.set(RestOptions.BIND_PORT, "0");
      conf.set(RestOptions.MAX_REQUEST_SIZE, MemorySize.parse("2mb"));
      RestServer server = cluster.startRestServer(conf, new JarStore(dir.resolve("jars")), (jar, request) -> {
        // Running programs is spate-dist's; here the request only has to get this far.
        throw RestException.badRequest("This test runs no programs.");
      });
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10)).build();
      URI base = URI.create(server.url());
      RawHttp raw = new RawHttp(base.getHost(), base.getPort());

      Map<String, List<String>> known = new TreeMap<>();
      known.put("jobid", List.of(running.getJobID().toString(), finished.getJobID().toString(),
          "0123456789abcdef0123456789abcdef"));
      known.put("jarid", List.of(uploadJar(http, base)));
      known.put("taskmanagerid", taskManagerIds(http, base));
      List<String> requestIds = new ArrayList<>(List.of("0123456789abcdef0123456789abcdef"));
      known.put("requestid", requestIds);
      List<String> savepointPolls = new ArrayList<>();
      FuzzedRequests generator = new FuzzedRequests(seed, new ArrayList<>(server.registeredRoutes()), known,
          dir.resolve("savepoints"), MAX_BODY_BYTES);

      List<String> failures = new ArrayList<>();
      String previous = "none";
      int sent = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_SECONDS);
      while (sent < requests && System.nanoTime() < deadline) {
        FuzzRequest request = generator.next();
        sent++;
        Answer answer;
        long started = System.nanoTime();
        try {
          answer = send(http, raw, base, request);
          long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
          if (millis > SLOW_MILLIS) {
            System.out.println("RestFuzzTest #" + sent + " took " + millis + " ms: " + request.describe());
          }
        } catch (IOException e) {
          // The JDK's client may have sent it on a pooled connection that the server closed after its
          // previous answer (as it does after refusing a request's head): ask once more on a new one.
          try {
            answer = retryOnANewConnection(raw, base, request);
          } catch (IOException again) {
            answer = null;
          }
        }
        if (answer == null) {
          failures.add("#" + sent + " " + request.describe() + " -> no answer, twice; the request before: "
              + previous);
          previous = request.describe() + " -> no answer";
          continue;
        }
        String problem = problem(request, answer);
        if (problem != null) {
          failures.add("#" + sent + " " + request.describe() + " -> " + answer.status() + " " + problem + ": "
              + abbreviate(answer.body()));
        }
        previous = request.describe() + " -> " + answer.status() + " " + answer.connection();
        String requestId = requestIdOf(answer);
        if (requestId != null) {
          requestIds.add(requestId);
          String path = request.target().split("\\?", 2)[0].replaceAll("/(savepoints|stop)/?$", "");
          savepointPolls.add(path + "/savepoints/" + requestId);
        }
      }
      System.out.println("RestFuzzTest sent " + sent + " requests with seed " + seed);

      Answer health = send(http, raw, base, new FuzzRequest("GET", "/health", List.of(), null, false));
      assertThat(health.status()).as("GET /health after the fuzz (seed %d)", seed).isEqualTo(200);
      assertThat(failures.subList(0, Math.min(FAILURES_SHOWN, failures.size()))).as("failures with seed %d (replay with -Dspate.rest.fuzz.seed=%d), the first %d of %d",
          seed, seed, Math.min(FAILURES_SHOWN, failures.size()), failures.size())
          .isEmpty();

      // The server waits for clients to fetch the savepoints triggered through it before it stops.
      long closing = System.nanoTime();
      int fetched = fetchOutcomes(http, base, savepointPolls);
      server.close();
      System.out.println("RestFuzzTest fetched " + fetched + " of " + savepointPolls.size()
          + " savepoint outcomes and closed the server in "
          + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closing) + " ms");
      Await.until(Duration.ofSeconds(10), () -> "the closed REST server's threads to end (seed " + seed + "); left: "
          + leftThreads(before), () -> leftThreads(before).isEmpty());
    } finally {
      cluster.close();
    }
  }

  /** The request id of a savepoint that {@code answer} says was triggered, or null. */
  private static String requestIdOf(Answer answer) {
    if (answer.status() != 202 || !answer.body().contains("request-id")) {
      return null;
    }
    try {
      return HttpJson.JSON.readTree(answer.body()).get("request-id").asText();
    } catch (IOException e) {
      return null;
    }
  }

  /** Fetches the outcome of each savepoint triggered, for at most a few seconds (closing waits for the rest). */
  private static int fetchOutcomes(HttpClient http, URI base, List<String> polls) throws Exception {
    int fetched = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (String poll : polls) {
      while (System.nanoTime() < deadline) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + poll))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().contains("COMPLETED")) {
          fetched += response.statusCode() == 200 ? 1 : 0;
          break;
        }
        Thread.sleep(20);
      }
    }
    return fetched;
  }

  private static StreamExecutionEnvironment endless() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSequence(1, Long.MAX_VALUE).map(x -> x).discard();
    return env;
  }

  /** What is wrong with {@code answer}, or null when it is a proper answer. */
  private static String problem(FuzzRequest request, Answer answer) {
    if (answer.status() < 100) {
      return "no status line";
    }
    if (answer.status() >= 500 && !(answer.status() == 505 && splitsTheRequestLine(request))) {
      return "a server error";
    }
    if (request.method().equals("HEAD") || answer.status() < 400 && answer.body().isEmpty()) {
      return null;
    }
    if (!answer.contentType().startsWith("application/json")) {
      return "content type '" + answer.contentType() + "'";
    }
    JsonNode body;
    try {
      body = HttpJson.JSON.readTree(answer.body());
    } catch (IOException e) {
      return "a body that is not JSON";
    }
    if (answer.status() >= 400) {
      JsonNode errors = body == null ? null : body.get("errors");
      if (errors == null || !errors.isArray() || errors.isEmpty() || !errors.get(0).isTextual()
          || errors.get(0).asText().isBlank()) {
        return "an error without an errors list";
      }
    }
    return null;
  }

  private static Answer send(HttpClient http, RawHttp raw, URI base, FuzzRequest request) throws IOException {
    if (!request.raw()) {
      HttpRequest built = build(base, request);
      if (built != null) {
        try {
          HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
          byte[] body = response.body();
          // The JDK's client leaves decompression to its caller; an answer to HEAD has no body to inflate.
          if (body.length > 0 && response.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
            try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(body))) {
              body = in.readAllBytes();
            }
          }
          return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
              response.headers().firstValue("Connection").orElse(""), new String(body, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
    }
    RawHttp.Answer answer = raw.send(rawBytes(base, request));
    return new Answer(answer.status(), answer.contentType(), answer.headers().getOrDefault("connection", ""),
        answer.body());
  }

  /**
   * Whether the request's target holds white space or a line break, which, sent raw, ends the target
   * early: the server then reads what follows as the protocol version, and 505 (HTTP Version Not
   * Supported) is the status RFC 9110 names for a version it does not speak.
   */
  private static boolean splitsTheRequestLine(FuzzRequest request) {
    return request.target().chars().anyMatch(c -> c == ' ' || c == '\t' || c == '\r' || c == '\n');
  }

  private static Answer retryOnANewConnection(RawHttp raw, URI base, FuzzRequest request) throws IOException {
    RawHttp.Answer answer = raw.send(rawBytes(base, request));
    if (answer.status() < 0) {
      throw new IOException("no answer on a new connection either");
    }
    return new Answer(answer.status(), answer.contentType(), answer.headers().getOrDefault("connection", ""),
        answer.body());
  }

  /** The request for the JDK's client, or null when that client would refuse it (then it goes raw). */
  private static HttpRequest build(URI base, FuzzRequest request) {
    try {
      HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.target()))
          .timeout(Duration.ofSeconds(20))
          .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(request.body()));
      for (String[] header : request.headers()) {
        builder.header(header[0], header[1]);
      }
      return builder.build();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] rawBytes(URI base, FuzzRequest request) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
    boolean host = false;
    boolean length = false;
    for (String[] header : request.headers()) {
      host |= header[0].equalsIgnoreCase("Host");
      length |= header[0].equalsIgnoreCase("Content-Length") || header[0].equalsIgnoreCase("Transfer-Encoding");
      head.append(header[0]).append(": ").append(header[1]).append("\r\n");
    }
    if (!host) {
      head.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
    }
    if (!length && request.body() != null) {
      head.append("Content-Length: ").append(request.body().length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (request.body() != null) {
      bytes.writeBytes(request.body());
    }
    return bytes.toByteArray();
  }

  private static String uploadJar(HttpClient http, URI base) throws Exception {
    java.io.ByteArrayOutputStream jar = new java.io.ByteArrayOutputStream();
    try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(jar)) {
      out.putNextEntry(new java.util.jar.JarEntry("a.txt"));
      out.write(1);
    }
    String boundary = "fuzz-setup";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\"fuzz.jar\"\r\n"
        + "Content-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(jar.toByteArray());
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/jars/upload"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return HttpJson.JSON.readTree(response.body()).get("id").asText();
  }

  private static List<String> taskManagerIds(HttpClient http, URI base) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/taskmanagers")).build(),
        HttpResponse.BodyHandlers.ofString());
    List<String> ids = new ArrayList<>();
    for (JsonNode tm : HttpJson.JSON.readTree(response.body()).get("taskmanagers")) {
      ids.add(tm.get("id").asText());
    }
    return ids;
  }

  private static Set<Thread> liveThreads() {
    Set<Thread> threads = Collections.newSetFromMap(new IdentityHashMap<>());
    threads.addAll(Thread.getAllStackTraces().keySet());
    return threads;
  }

  /** The threads started since {@code before} that are still alive; {@link #NOT_THE_SERVERS} do not count. */
  private static List<String> leftThreads(Set<Thread> before) {
    List<String> left = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (!before.contains(thread) && thread.isAlive() && !NOT_THE_SERVERS.matcher(thread.getName()).lookingAt()) {
        left.add(thread.getName());
      }
    }
    Collections.sort(left);
    return left;
  }

  private static String abbreviate(String text) {
    String printable = text.replaceAll("[\\x00-\\x1f]", "?");
    return printable.length() <= 300 ? printable : printable.substring(0, 300) + "...";
  }
}
