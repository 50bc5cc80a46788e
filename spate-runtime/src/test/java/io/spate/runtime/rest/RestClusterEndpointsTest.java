package io.spate.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.api.common.JobClient;
import io.spate.api.common.JobStatus;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.rest.HttpJson.Response;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exception history, TaskManager and configuration endpoints, and the OpenAPI document against
 * the routes, over HTTP on loopback against a cluster of two TaskExecutors with two slots each.
 */
class RestClusterEndpointsTest {

  private static final AtomicInteger THROWS = new AtomicInteger();
  private static final String UNKNOWN_JOB = "0123456789abcdef0123456789abcdef";

  private MiniCluster cluster;
  private RestServer server;
  private HttpJson http;

  @BeforeEach
  void startCluster() throws Exception {
    // Heartbeats every 50 ms, so that the TaskManagers' memory (reported with them) shows at once.
    cluster = new MiniCluster(new MiniClusterConfiguration(2, 2, 1, 16, 64)
        .withHeartbeat(new io.spate.runtime.heartbeat.HeartbeatSettings(50, 5_000)));
    cluster.start();
    Configuration conf = new Configuration();
    conf.set(RestOptions.BIND_PORT, "0");
    conf.set(RestOptions.AUTHENTICATION_TOKEN, "never-shown-token");
    conf.setString("my.database.password", "hunter2");
    conf.setString("my.plain.setting", "visible");
    server = cluster.startRestServer(conf);
    http = new HttpJson(server.url());
  }

  @AfterEach
  void stopCluster() {
    cluster.close();
  }

  private static JobGraph endlessJob(int parallelism) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.fromSequence(1, Long.MAX_VALUE).map(x -> x).discard();
    return JobGraphGenerator.generate(env.getStreamGraph("endless"));
  }

  /** A job whose mapper throws on record 300 of every attempt, restarting up to {@code attempts} times. */
  private static JobGraph throwingJob(int attempts, int historySize) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.getConfiguration().set(RestOptions.EXCEPTION_HISTORY_SIZE, historySize);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(attempts, Duration.ofMillis(5)));
    env.fromSequence(1, Long.MAX_VALUE).map(x -> {
      if (x == 300) {
        THROWS.incrementAndGet();
        throw new IllegalStateException("record 300 is poison");
      }
      return x;
    }).name("poisoned").uid("poisoned").discard();
    return JobGraphGenerator.generate(env.getStreamGraph("thrower"));
  }

  private JsonNode await(String path, Predicate<JsonNode> condition) {
    return Await.untilMatches(Duration.ofSeconds(30), "GET " + path + " to reach the expected state", () -> {
      Response response = http.get(path);
      assertThat(response.status()).as("GET %s: %s", path, response.body()).isEqualTo(200);
      return response.body();
    }, condition);
  }

  @Test
  void exceptionHistoryListsRestartsNewestFirstAndBounded() throws Exception {
    THROWS.set(0);
    JobClient job = cluster.submitJob(throwingJob(1000, 3)).get(30, TimeUnit.SECONDS);
    String path = "/jobs/" + job.getJobID() + "/exceptions";
    Await.until(Duration.ofSeconds(30), "6 failures", () -> THROWS.get() >= 6);
    JsonNode entries = await(path, body -> body.get("entries").size() == 3).get("entries");
    job.cancel().get(30, TimeUnit.SECONDS);

    assertThat(entries).hasSize(3);
    List<Long> timestamps = new ArrayList<>();
    for (JsonNode entry : entries) {
      timestamps.add(entry.get("timestamp").asLong());
      assertThat(entry.get("exception-class").asText()).isEqualTo(IllegalStateException.class.getName());
      assertThat(entry.get("message").asText()).isEqualTo("record 300 is poison");
      assertThat(entry.get("stacktrace").asText()).contains("IllegalStateException: record 300 is poison", "\tat ");
      assertThat(entry.get("description").asText()).contains("thrower", job.getJobID().toString());
      assertThat(entry.get("task").asText()).contains("poisoned");
      assertThat(entry.get("operator").asText()).isEqualTo("poisoned");
      assertThat(entry.get("subtask").asInt()).isZero();
      assertThat(entry.get("taskmanager-id").asText()).startsWith("taskexecutor-");
      assertThat(entry.get("outcome").asText()).isEqualTo("RESTARTED");
    }
    assertThat(timestamps).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(entries.get(0).get("attempt").asInt()).isGreaterThan(entries.get(2).get("attempt").asInt());
  }

  @Test
  void theFailureThatEndsAJobIsTheNewestEntry() throws Exception {
    JobClient job = cluster.submitJob(throwingJob(1, 16)).get(30, TimeUnit.SECONDS);
    String path = "/jobs/" + job.getJobID() + "/exceptions";
    JsonNode entries = await(path, body -> body.get("entries").size() == 2).get("entries");
    assertThat(job.getJobStatus().get(30, TimeUnit.SECONDS)).isEqualTo(JobStatus.FAILED);
    assertThat(entries.get(0).get("outcome").asText()).isEqualTo("FAILED_JOB");
    assertThat(entries.get(1).get("outcome").asText()).isEqualTo("RESTARTED");
    assertThat(entries.get(0).get("message").asText()).isEqualTo("record 300 is poison");
  }

  @Test
  void aJobWithoutFailuresHasAnEmptyHistory() throws Exception {
    JobClient job = cluster.submitJob(endlessJob(1)).get(30, TimeUnit.SECONDS);
    assertThat(http.get("/jobs/" + job.getJobID() + "/exceptions").body().get("entries")).isEmpty();
    job.cancel().get(30, TimeUnit.SECONDS);
  }

  private static int freeSlots(JsonNode body) {
    int free = 0;
    for (JsonNode tm : body.get("taskmanagers")) {
      free += tm.get("free-slots").asInt();
    }
    return free;
  }

  @Test
  void taskManagersShowTheirSlotsTakenWhileAJobRuns() throws Exception {
    JsonNode idle = await("/taskmanagers", body -> freeSlots(body) == 4
        && !body.get("taskmanagers").get(0).get("memory").isNull()
        && !body.get("taskmanagers").get(1).get("memory").isNull());
    assertThat(idle.get("taskmanagers")).hasSize(2);
    JsonNode first = idle.get("taskmanagers").get(0);
    assertThat(first.get("slots-number").asInt()).isEqualTo(2);
    assertThat(first.get("registered-at").asLong()).isPositive();
    assertThat(first.get("memory").get("heap-used").asLong()).isPositive();
    assertThat(first.get("memory").get("heap-committed").asLong())
        .isGreaterThanOrEqualTo(first.get("memory").get("heap-used").asLong() / 2);
    assertThat(first.get("last-heartbeat").asLong()).isGreaterThanOrEqualTo(first.get("registered-at").asLong());
    assertThat(first.get("memory").get("heap-max").asLong())
        .isGreaterThanOrEqualTo(first.get("memory").get("heap-committed").asLong());

    JobClient job = cluster.submitJob(endlessJob(3)).get(30, TimeUnit.SECONDS);
    JsonNode busy = await("/taskmanagers", body -> freeSlots(body) == 1);
    for (JsonNode tm : busy.get("taskmanagers")) {
      // Slots are handed out round robin: both TaskExecutors hold part of the job.
      assertThat(tm.get("free-slots").asInt()).isLessThan(2);
    }
    String id = first.get("id").asText();
    Response one = http.get("/taskmanagers/" + id);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.body().get("id").asText()).isEqualTo(id);
    assertThat(one.body().get("free-slots").asInt()).isLessThan(2);

    job.cancel().get(30, TimeUnit.SECONDS);
    await("/taskmanagers", body -> freeSlots(body) == 4);
  }

  @Test
  void configurationShowsValuesDefaultsAndVersionWithSecretsMasked() throws Exception {
    Response response = http.get("/config");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().get("spate-version").asText()).isNotBlank().isNotEqualTo("unknown");
    Map<String, String> values = new java.util.HashMap<>();
    for (JsonNode entry : response.body().get("configuration")) {
      values.put(entry.get("key").asText(), entry.get("value").asText());
    }
    assertThat(values).containsEntry("rest.authentication.token", "******")
        .containsEntry("my.database.password", "******")
        .containsEntry("my.plain.setting", "visible")
        .containsEntry("rest.bind-port", "0")
        .containsEntry("rest.address", "127.0.0.1")
        .containsEntry("rest.exception-history-size", "16");
    assertThat(response.body().toString()).doesNotContain("never-shown-token", "hunter2");
  }

  @Test
  void malformedAndUnknownIdsGetPreciseErrors() throws Exception {
    Response unknownTm = http.get("/taskmanagers/taskexecutor-99");
    assertThat(unknownTm.status()).isEqualTo(404);
    assertThat(unknownTm.error()).contains("'taskexecutor-99'", "GET /taskmanagers");

    Response badTm = http.get("/taskmanagers/bad%20id%3F");
    assertThat(badTm.status()).isEqualTo(400);
    assertThat(badTm.error()).contains("bad id?", "not a TaskManager id");

    Response badJob = http.get("/jobs/nope/exceptions");
    assertThat(badJob.status()).isEqualTo(400);
    assertThat(badJob.error()).contains("'nope'", "32 hexadecimal digits");

    Response unknownJob = http.get("/jobs/" + UNKNOWN_JOB + "/exceptions");
    assertThat(unknownJob.status()).isEqualTo(404);
    assertThat(unknownJob.error()).contains(UNKNOWN_JOB);
  }

  @Test
  void theOpenApiDocumentDescribesExactlyTheRegisteredRoutes() throws Exception {
    JsonNode document = http.get("/openapi").body();
    Set<String> documented = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        String method = methods.next();
        if (!method.equals("parameters")) {
          documented.add(method.toUpperCase() + " " + path.getKey());
          JsonNode responses = path.getValue().get(method).get("responses");
          if (!path.getKey().equals("/health")) {
            assertThat(responses.has("401")).as("%s %s documents 401", method, path.getKey()).isTrue();
          }
        }
      }
    }
    assertThat(server.registeredRoutes()).isEqualTo(documented);
    assertThat(documented).contains("GET /jobs/{jobid}/exceptions", "GET /taskmanagers",
        "GET /taskmanagers/{taskmanagerid}", "GET /config");
  }
}
