package io.spate.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.api.common.JobClient;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestOptions;
import io.spate.api.configuration.WebOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.rest.HttpJson.Response;
import io.spate.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flink's checkpoint detail routes over a mini cluster running a keyed, stateful job of parallelism 2:
 * every subtask of every vertex acknowledged a completed checkpoint, with its time and state size;
 * the configuration is the job's; the latest savepoint outlives the short history; bad ids are refused.
 */
class CheckpointDetailsRestTest {

  private static final int DETAILS_KEPT = 3;

  private static MiniCluster cluster;
  private static HttpJson http;
  private static JobClient job;
  private static String jobId;
  private static int sourceVertex;
  private static int countingVertex;

  @TempDir
  static Path savepoints;

  /** Counts the records of each key in keyed state, so that its vertex has state in every checkpoint. */
  static final class CountPerKey extends RichMapFunction<Long, Long> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
    }

    @Override
    public Long map(Long value) throws Exception {
      Long seen = count.value();
      count.update(seen == null ? 1 : seen + 1);
      return value;
    }
  }

  @BeforeAll
  static void runAStatefulJob() throws Exception {
    cluster = new MiniCluster(new MiniClusterConfiguration(2, 2, 1, 16, 64));
    cluster.start();
    Configuration conf = new Configuration();
    conf.set(RestOptions.BIND_PORT, "0");
    http = new HttpJson(cluster.startRestServer(conf).url());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.getConfiguration().set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(50));
    env.getConfiguration().set(WebOptions.CHECKPOINTS_HISTORY_SIZE, DETAILS_KEPT);
    env.fromSequence(1, Long.MAX_VALUE).keyBy(x -> x % 16).map(new CountPerKey()).name("CountPerKey").discard();
    job = cluster.submitJob(JobGraphGenerator.generate(env.getStreamGraph("counted"))).get(30, TimeUnit.SECONDS);
    jobId = job.getJobID().toString();
    JsonNode vertices = http.get("/jobs/" + jobId).body().get("vertices");
    sourceVertex = vertices.get(0).get("id").asInt();
    countingVertex = vertices.get(1).get("id").asInt();
  }

  @AfterAll
  static void stop() throws Exception {
    if (job != null) {
      job.cancel().get(20, TimeUnit.SECONDS);
    }
    cluster.close();
  }

  private static JsonNode checkpoints() throws Exception {
    Response answer = http.get("/jobs/" + jobId + "/checkpoints");
    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
    return answer.body();
  }

  /** The id of a completed checkpoint whose details are kept, waiting for one. */
  private static long completedCheckpoint() {
    return Await.untilMatches(Duration.ofSeconds(60), "a completed checkpoint with details", () -> {
      JsonNode latest = checkpoints().get("latest").get("completed");
      if (latest.isNull()) {
        return -1L;
      }
      long id = latest.get("id").asLong();
      return http.get("/jobs/" + jobId + "/checkpoints/details/" + id).status() == 200 ? id : -1L;
    }, id -> id > 0);
  }

  /** A completed checkpoint's id and the answers of the routes asked about it. */
  private record Kept(long id, List<JsonNode> answers) {}

  /**
   * The answers of {@code routes} (each given a checkpoint id) for one completed checkpoint, all read
   * while the history still kept its details: with a checkpoint every 50 ms and {@value #DETAILS_KEPT}
   * kept, a loaded machine can drop them between two requests, and the next checkpoint is then asked.
   */
  @SafeVarargs
  private static Kept keptDetails(LongFunction<String>... routes) {
    return Await.untilMatches(Duration.ofSeconds(60), "the details of one completed checkpoint, kept", () -> {
      long id = completedCheckpoint();
      List<JsonNode> answers = new ArrayList<>();
      for (LongFunction<String> route : routes) {
        Response answer = http.get(route.apply(id));
        if (answer.status() != 200) {
          return null;
        }
        answers.add(answer.body());
      }
      return new Kept(id, answers);
    }, kept -> kept != null);
  }

  private static String detailsRoute(long id) {
    return "/jobs/" + jobId + "/checkpoints/details/" + id;
  }

  @Test
  void theDetailsListEveryVertexWithAllItsSubtasksAcknowledged() throws Exception {
    Kept kept = keptDetails(CheckpointDetailsRestTest::detailsRoute);
    JsonNode details = kept.answers().get(0);
    assertThat(details.get("id").asLong()).isEqualTo(kept.id());
    assertThat(details.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(details.get("is_savepoint").asBoolean()).isFalse();
    assertThat(details.get("num_subtasks").asInt()).isEqualTo(4);
    assertThat(details.get("num_acknowledged_subtasks").asInt()).isEqualTo(4);
    long trigger = details.get("trigger_timestamp").asLong();
    assertThat(details.get("latest_ack_timestamp").asLong()).isGreaterThanOrEqualTo(trigger);
    JsonNode tasks = details.get("tasks");
    assertThat(tasks.size()).isEqualTo(2);
    for (int vertex : List.of(sourceVertex, countingVertex)) {
      JsonNode task = tasks.get(String.valueOf(vertex));
      assertThat(task.get("id").asText()).isEqualTo(String.valueOf(vertex));
      assertThat(task.get("status").asText()).isEqualTo("COMPLETED");
      assertThat(task.get("num_subtasks").asInt()).isEqualTo(2);
      assertThat(task.get("num_acknowledged_subtasks").asInt()).isEqualTo(2);
      assertThat(task.get("latest_ack_timestamp").asLong()).isGreaterThanOrEqualTo(trigger);
      assertThat(task.get("end_to_end_duration").asLong())
          .isEqualTo(task.get("latest_ack_timestamp").asLong() - trigger);
    }
    assertThat(tasks.get(String.valueOf(countingVertex)).get("state_size").asLong()).isPositive();
    long sum = tasks.get(String.valueOf(sourceVertex)).get("state_size").asLong()
        + tasks.get(String.valueOf(countingVertex)).get("state_size").asLong();
    assertThat(sum).isEqualTo(details.get("state_size").asLong());
  }

  @Test
  void theSubtaskDetailsHaveEachAcknowledgementAndTheirSummary() throws Exception {
    List<JsonNode> kept = keptDetails(id -> detailsRoute(id) + "/subtasks/" + countingVertex,
        CheckpointDetailsRestTest::detailsRoute).answers();
    JsonNode detail = kept.get(0);
    long trigger = kept.get(1).get("trigger_timestamp").asLong();
    JsonNode subtasks = detail.get("subtasks");
    assertThat(subtasks).hasSize(2);
    List<Long> sizes = new ArrayList<>();
    Set<Integer> indexes = new HashSet<>();
    for (JsonNode subtask : subtasks) {
      indexes.add(subtask.get("index").asInt());
      assertThat(subtask.get("status").asText()).isEqualTo("completed");
      assertThat(subtask.get("ack_timestamp").asLong()).isGreaterThanOrEqualTo(trigger);
      assertThat(subtask.get("end_to_end_duration").asLong()).isEqualTo(subtask.get("ack_timestamp").asLong() - trigger);
      assertThat(subtask.get("state_size").asLong()).isPositive();
      assertThat(subtask.get("checkpoint").get("sync").asLong()).isNotNegative();
      assertThat(subtask.get("checkpoint").get("async").asLong()).isNotNegative();
      assertThat(subtask.get("alignment").get("duration").asLong()).isNotNegative();
      assertThat(subtask.get("start_delay").asLong()).isNotNegative();
      assertThat(subtask.get("unaligned_checkpoint").asBoolean()).isFalse();
      sizes.add(subtask.get("state_size").asLong());
    }
    assertThat(indexes).containsExactlyInAnyOrder(0, 1);
    JsonNode summary = detail.get("summary").get("state_size");
    assertThat(summary.get("min").asLong()).isEqualTo(Math.min(sizes.get(0), sizes.get(1)));
    assertThat(summary.get("max").asLong()).isEqualTo(Math.max(sizes.get(0), sizes.get(1)));
    assertThat(summary.get("avg").asLong()).isEqualTo(Math.round((sizes.get(0) + sizes.get(1)) / 2.0));
    assertThat(detail.get("summary").get("checkpoint_duration").get("sync").has("p99")).isTrue();
    assertThat(detail.get("num_acknowledged_subtasks").asInt()).isEqualTo(2);
  }

  @Test
  void theCheckpointsRouteCountsAndSummarisesTheCompletedOnes() throws Exception {
    completedCheckpoint();
    JsonNode answer = checkpoints();
    JsonNode counts = answer.get("counts");
    assertThat(counts.get("completed").asLong()).isPositive();
    assertThat(counts.get("total").asLong()).isEqualTo(counts.get("completed").asLong()
        + counts.get("failed").asLong() + counts.get("in_progress").asLong());
    JsonNode stateSize = answer.get("summary").get("state_size");
    assertThat(stateSize.get("min").asLong()).isPositive();
    assertThat(stateSize.get("max").asLong()).isGreaterThanOrEqualTo(stateSize.get("avg").asLong());
    assertThat(stateSize.get("avg").asLong()).isGreaterThanOrEqualTo(stateSize.get("min").asLong());
    JsonNode completed = answer.get("latest").get("completed");
    assertThat(completed.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(completed.get("num_acknowledged_subtasks").asInt()).isEqualTo(4);
  }

  @Test
  void theConfigurationIsTheJobs() throws Exception {
    JsonNode config = http.get("/jobs/" + jobId + "/checkpoints/config").body();
    assertThat(config.get("mode").asText()).isEqualTo("exactly_once");
    assertThat(config.get("interval").asLong()).isEqualTo(50);
    assertThat(config.get("timeout").asLong())
        .isEqualTo(CheckpointingOptions.CHECKPOINTING_TIMEOUT.defaultValue().toMillis());
    assertThat(config.get("min_pause").asLong()).isZero();
    assertThat(config.get("max_concurrent").asInt())
        .isEqualTo(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS.defaultValue());
    assertThat(config.get("externalization").get("enabled").asBoolean()).isFalse();
    assertThat(config.get("state_backend").asText()).isEqualTo("HashMapStateBackend");
    assertThat(config.get("checkpoint_storage").asText()).isEqualTo("JobManagerCheckpointStorage");
    assertThat(config.get("unaligned_checkpoints").asBoolean()).isFalse();
    assertThat(config.get("tolerable_failed_checkpoints").asInt())
        .isEqualTo(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER.defaultValue());
  }

  @Test
  void theLatestSavepointOutlivesTheHistoryWhileOldDetailsAreForgotten() throws Exception {
    Response triggered = http.send("POST", "/jobs/" + jobId + "/savepoints",
        "{\"target-directory\": \"" + savepoints.toString().replace("\\", "\\\\") + "\"}", null);
    assertThat(triggered.status()).as("%s", triggered.body()).isEqualTo(202);
    String request = triggered.body().get("request-id").asText();
    Await.untilMatches(Duration.ofSeconds(60), "the savepoint", () -> http.get("/jobs/" + jobId + "/savepoints/"
        + request).body().get("status").get("id").asText(), "COMPLETED"::equals);
    JsonNode savepoint = checkpoints().get("latest").get("savepoint");
    assertThat(savepoint.get("is_savepoint").asBoolean()).as("%s", savepoint).isTrue();
    long savepointId = savepoint.get("id").asLong();
    // Once the history of 20 moved past it, only latest.savepoint still names it.
    JsonNode later = Await.untilMatches(Duration.ofSeconds(60), "the savepoint to leave the history",
        CheckpointDetailsRestTest::checkpoints, body -> !body.get("history").findValuesAsText("checkpointId")
            .contains(String.valueOf(savepointId)) && body.get("latest").get("completed").get("id").asLong()
            > savepointId + DETAILS_KEPT);
    assertThat(later.get("latest").get("savepoint").get("id").asLong()).isEqualTo(savepointId);
    Response forgotten = http.get("/jobs/" + jobId + "/checkpoints/details/" + savepointId);
    assertThat(forgotten.status()).isEqualTo(404);
    assertThat(forgotten.error()).contains("checkpoint " + savepointId).contains("web.checkpoints.history");
  }

  @Test
  void badIdsAreRefusedNamingTheParameter() throws Exception {
    Response notANumber = http.get("/jobs/" + jobId + "/checkpoints/details/abc");
    assertThat(notANumber.status()).isEqualTo(400);
    assertThat(notANumber.error()).contains("'checkpointid'").contains("'abc'");
    assertThat(http.get("/jobs/" + jobId + "/checkpoints/details/0").status()).isEqualTo(400);
    Response unknown = http.get("/jobs/" + jobId + "/checkpoints/details/999999999");
    assertThat(unknown.status()).isEqualTo(404);
    long id = completedCheckpoint();
    Response badVertex = http.get("/jobs/" + jobId + "/checkpoints/details/" + id + "/subtasks/x");
    assertThat(badVertex.status()).isEqualTo(400);
    assertThat(badVertex.error()).contains("'vertexid'");
    // Asked of a checkpoint the history still keeps; one it dropped meanwhile is refused for that instead.
    Response unknownVertex = Await.untilMatches(Duration.ofSeconds(60), "an answer about a kept checkpoint",
        () -> http.get(detailsRoute(completedCheckpoint()) + "/subtasks/77"),
        answer -> answer.status() != 404 || !answer.error().contains("has no details of checkpoint"));
    assertThat(unknownVertex.status()).isEqualTo(404);
    assertThat(unknownVertex.error()).contains("no vertex 77");
    assertThat(http.get("/jobs/0123456789abcdef0123456789abcdef/checkpoints/config").status()).isEqualTo(404);
    assertThat(http.get("/jobs/nothex/checkpoints/config").status()).isEqualTo(400);
  }
}
