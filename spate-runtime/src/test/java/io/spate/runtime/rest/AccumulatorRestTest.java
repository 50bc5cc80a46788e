package io.spate.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.api.accumulators.LongCounter;
import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionResult;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.rest.HttpJson.Response;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Flink's accumulator routes over a mini cluster: a running job's accumulators grow as its subtasks
 * count, and a finished job keeps the final counts, which agree with its JobExecutionResult.
 */
class AccumulatorRestTest {

  private static MiniCluster cluster;
  private static HttpJson http;

  /** Counts every record it maps into the accumulator "records". */
  static final class CountRecords extends RichMapFunction<Long, Long> {
    private final LongCounter records = new LongCounter();

    @Override
    public void open(OpenContext context) {
      getRuntimeContext().addAccumulator("records", records);
    }

    @Override
    public Long map(Long value) {
      records.add(1L);
      return value;
    }
  }

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = new MiniCluster(new MiniClusterConfiguration(1, 4, 1, 16, 64));
    cluster.start();
    Configuration conf = new Configuration();
    conf.set(RestOptions.BIND_PORT, "0");
    http = new HttpJson(cluster.startRestServer(conf).url());
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static JobClient submit(long end, String name) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, end).map(new CountRecords()).name("Counter").discard();
    return cluster.submitJob(JobGraphGenerator.generate(env.getStreamGraph(name))).get(30, TimeUnit.SECONDS);
  }

  private static long records(JsonNode accumulators, String field) {
    for (JsonNode accumulator : accumulators.get(field)) {
      if (accumulator.get("name").asText().equals("records")) {
        assertThat(accumulator.get("type").asText()).isEqualTo("LongCounter");
        return Long.parseLong(accumulator.get("value").asText());
      }
    }
    return -1;
  }

  private static int vertexOf(JobClient job) throws Exception {
    JsonNode vertices = http.get("/jobs/" + job.getJobID()).body().get("vertices");
    for (JsonNode vertex : vertices) {
      if (vertex.get("name").asText().contains("Counter")) {
        return vertex.get("id").asInt();
      }
    }
    throw new AssertionError("no Counter vertex in " + vertices);
  }

  @Test
  void aRunningJobReportsTheCurrentCounts() throws Exception {
    JobClient job = submit(Long.MAX_VALUE, "counting");
    try {
      String base = "/jobs/" + job.getJobID();
      long first = Await.untilMatches(Duration.ofSeconds(60), "a count", () ->
          records(http.get(base + "/accumulators").body(), "user-task-accumulators"), count -> count > 0);
      Await.untilMatches(Duration.ofSeconds(60), "a larger count", () ->
          records(http.get(base + "/accumulators").body(), "user-task-accumulators"), count -> count > first);
      int vertex = vertexOf(job);
      JsonNode subtasks = http.get(base + "/vertices/" + vertex + "/subtasks/accumulators").body();
      assertThat(subtasks.get("id").asText()).isEqualTo(String.valueOf(vertex));
      assertThat(subtasks.get("parallelism").asInt()).isEqualTo(2);
      assertThat(subtasks.get("subtasks")).hasSize(2);
      for (JsonNode subtask : subtasks.get("subtasks")) {
        assertThat(records(subtask, "user-accumulators")).as("%s", subtask).isNotNegative();
      }
    } finally {
      job.cancel().get(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void aFinishedJobKeepsItsFinalCounts() throws Exception {
    JobClient job = submit(1000, "counted");
    JobExecutionResult result = job.getJobExecutionResult().get(60, TimeUnit.SECONDS);
    assertThat(result.<Long>getAccumulatorResult("records")).isEqualTo(1000L);
    String base = "/jobs/" + job.getJobID();
    assertThat(records(http.get(base + "/accumulators").body(), "user-task-accumulators")).isEqualTo(1000);
    int vertex = vertexOf(job);
    JsonNode vertexAnswer = http.get(base + "/vertices/" + vertex + "/accumulators").body();
    assertThat(vertexAnswer.get("id").asText()).isEqualTo(String.valueOf(vertex));
    assertThat(records(vertexAnswer, "user-accumulators")).isEqualTo(1000);
    JsonNode subtasks = http.get(base + "/vertices/" + vertex + "/subtasks/accumulators").body().get("subtasks");
    assertThat(records(subtasks.get(0), "user-accumulators") + records(subtasks.get(1), "user-accumulators"))
        .isEqualTo(1000);
  }

  @Test
  void unknownJobsAndVerticesAreRefused() throws Exception {
    assertThat(http.get("/jobs/0123456789abcdef0123456789abcdef/accumulators").status()).isEqualTo(404);
    assertThat(http.get("/jobs/xyz/accumulators").status()).isEqualTo(400);
    JobClient job = submit(10, "small");
    job.getJobExecutionResult().get(60, TimeUnit.SECONDS);
    Response unknownVertex = http.get("/jobs/" + job.getJobID() + "/vertices/77/accumulators");
    assertThat(unknownVertex.status()).isEqualTo(404);
    assertThat(unknownVertex.error()).contains("no vertex 77");
    Response badVertex = http.get("/jobs/" + job.getJobID() + "/vertices/x/subtasks/accumulators");
    assertThat(badVertex.status()).isEqualTo(400);
    assertThat(badVertex.error()).contains("'vertexid'");
  }
}
