package io.spate.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.api.common.JobClient;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.rest.HttpJson.Response;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Flink's routes about the cluster and a job's graph (overview, plan, backpressure, watermarks) over a mini cluster. */
class RestJobGraphRoutesTest {

  private static MiniCluster cluster;
  private static HttpJson http;
  private static String jobId;
  private static int sourceVertex;
  private static int mapVertex;

  @BeforeAll
  static void runABoundedJob() throws Exception {
    cluster = new MiniCluster(new MiniClusterConfiguration(2, 2, 1, 16, 64));
    cluster.start();
    Configuration conf = new Configuration();
    conf.set(RestOptions.BIND_PORT, "0");
    http = new HttpJson(cluster.startRestServer(conf).url());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 100).setParallelism(1).rebalance().map(x -> x + 1).name("Incrementer").discard();
    JobClient job = cluster.submitJob(JobGraphGenerator.generate(env.getStreamGraph("planned")))
        .get(30, TimeUnit.SECONDS);
    job.getJobExecutionResult().get(60, TimeUnit.SECONDS);
    jobId = job.getJobID().toString();
    JsonNode vertices = http.get("/jobs/" + jobId).body().get("vertices");
    sourceVertex = vertices.get(0).get("id").asInt();
    mapVertex = vertices.get(1).get("id").asInt();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void overviewCountsTaskManagersSlotsAndJobs() throws Exception {
    JsonNode overview = http.get("/overview").body();
    assertThat(overview.get("taskmanagers").asInt()).isEqualTo(2);
    assertThat(overview.get("slots-total").asInt()).isEqualTo(4);
    assertThat(overview.get("slots-available").asInt()).isEqualTo(4);
    assertThat(overview.get("jobs-running").asInt()).isZero();
    assertThat(overview.get("jobs-finished").asInt()).isEqualTo(1);
    assertThat(overview.get("jobs-cancelled").asInt()).isZero();
    assertThat(overview.get("jobs-failed").asInt()).isZero();
    assertThat(overview.get("flink-version").asText()).isNotBlank();
  }

  @Test
  void thePlanHasTheVerticesWithTheirInputs() throws Exception {
    JsonNode plan = http.get("/jobs/" + jobId + "/plan").body().get("plan");
    assertThat(plan.get("jid").asText()).isEqualTo(jobId);
    assertThat(plan.get("name").asText()).isEqualTo("planned");
    JsonNode nodes = plan.get("nodes");
    assertThat(nodes).hasSize(2);
    assertThat(nodes.get(0).get("id").asText()).isEqualTo(String.valueOf(sourceVertex));
    assertThat(nodes.get(0).get("parallelism").asInt()).isEqualTo(1);
    assertThat(nodes.get(0).has("inputs")).isFalse();
    JsonNode map = nodes.get(1);
    assertThat(map.get("parallelism").asInt()).isEqualTo(2);
    assertThat(map.get("operator").asText()).contains("Incrementer");
    assertThat(map.get("inputs")).hasSize(1);
    assertThat(map.get("inputs").get(0).get("id").asText()).isEqualTo(String.valueOf(sourceVertex));
    assertThat(map.get("inputs").get(0).get("ship_strategy").asText()).isEqualTo("REBALANCE");
  }

  @Test
  void vertexDetailsHaveEachSubtasksStateTaskManagerAndCounts() throws Exception {
    JsonNode taskManagers = http.get("/taskmanagers").body().get("taskmanagers");
    List<String> ids = List.of(taskManagers.get(0).get("id").asText(), taskManagers.get(1).get("id").asText());
    JsonNode map = http.get("/jobs/" + jobId + "/vertices/" + mapVertex).body();
    assertThat(map.get("id").asText()).isEqualTo(String.valueOf(mapVertex));
    assertThat(map.get("name").asText()).contains("Incrementer");
    assertThat(map.get("parallelism").asInt()).isEqualTo(2);
    assertThat(map.get("maxParallelism").asInt()).isEqualTo(128);
    JsonNode subtasks = map.get("subtasks");
    assertThat(subtasks).hasSize(2);
    long read = 0;
    for (JsonNode subtask : subtasks) {
      assertThat(subtask.get("status").asText()).isEqualTo("FINISHED");
      assertThat(subtask.get("taskmanager-id").asText()).isIn(ids);
      assertThat(subtask.get("end-time").asLong()).isGreaterThanOrEqualTo(subtask.get("start-time").asLong());
      assertThat(subtask.get("duration").asLong())
          .isEqualTo(subtask.get("end-time").asLong() - subtask.get("start-time").asLong());
      assertThat(subtask.get("metrics").get("read-records-complete").asBoolean()).isTrue();
      read += subtask.get("metrics").get("read-records").asLong();
    }
    assertThat(read).isEqualTo(100);
    JsonNode source = http.get("/jobs/" + jobId + "/vertices/" + sourceVertex).body().get("subtasks");
    assertThat(source).hasSize(1);
    assertThat(source.get(0).get("metrics").get("write-records").asLong()).isEqualTo(100);
    assertThat(http.get("/jobs/" + jobId + "/vertices/5").status()).isEqualTo(404);
  }

  @Test
  void backpressureHasOneEntryPerSubtask() throws Exception {
    Response answer = http.get("/jobs/" + jobId + "/vertices/" + mapVertex + "/backpressure");
    assertThat(answer.status()).isEqualTo(200);
    JsonNode body = answer.body();
    assertThat(body.get("status").asText()).isEqualTo("ok");
    assertThat(body.get("backpressure-level").asText()).isIn("ok", "low", "high");
    assertThat(body.get("end-timestamp").asLong()).isPositive();
    assertThat(body.get("subtasks")).hasSize(2);
    assertThat(body.get("subtasks").get(1).get("subtask").asInt()).isEqualTo(1);
    assertThat(body.get("subtasks").get(1).get("ratio").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void backpressureLevelsFollowTheShareOfTimeBackpressured() {
    Map<String, Serializable> idle = Map.of("backPressuredTimeMsPerSecond", 50.0, "idleTimeMsPerSecond", 950.0);
    Map<String, Serializable> low = Map.of("backPressuredTimeMsPerSecond", 250L, "busyTimeMsPerSecond", 750L);
    Map<String, Serializable> high = Map.of("backPressuredTimeMsPerSecond", 800.0);
    Map<String, Object> answer = VertexRoutes.backpressure(4, Map.of(0, idle, 1, low, 2, high), 42L);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> subtasks = (List<Map<String, Object>>) answer.get("subtasks");
    assertThat(subtasks).extracting(s -> s.get("backpressure-level")).containsExactly("ok", "low", "high", "ok");
    assertThat(subtasks).extracting(s -> s.get("ratio")).containsExactly(0.05, 0.25, 0.8, 0.0);
    assertThat(subtasks.get(0).get("idleRatio")).isEqualTo(0.95);
    assertThat(subtasks.get(1).get("busyRatio")).isEqualTo(0.75);
    assertThat(answer.get("backpressure-level")).isEqualTo("high");
    assertThat(answer.get("end-timestamp")).isEqualTo(42L);
    assertThat(VertexRoutes.level(0.10)).isEqualTo("ok");
    assertThat(VertexRoutes.level(0.5)).isEqualTo("low");
  }

  @Test
  void watermarksArePerSubtask() throws Exception {
    JsonNode watermarks = http.get("/jobs/" + jobId + "/vertices/" + mapVertex + "/watermarks").body();
    assertThat(watermarks).hasSize(2);
    assertThat(watermarks.get(0).get("id").asText()).isEqualTo("0.currentInputWatermark");
    assertThat(watermarks.get(1).get("id").asText()).isEqualTo("1.currentInputWatermark");
    Long.parseLong(watermarks.get(0).get("value").asText());
  }

  @Test
  void unknownVerticesAndJobsAreRefused() throws Exception {
    Response unknownVertex = http.get("/jobs/" + jobId + "/vertices/77/backpressure");
    assertThat(unknownVertex.status()).isEqualTo(404);
    assertThat(unknownVertex.error()).contains("no vertex 77");
    Response badVertex = http.get("/jobs/" + jobId + "/vertices/-1/watermarks");
    assertThat(badVertex.status()).isEqualTo(400);
    assertThat(badVertex.error()).contains("'vertexid'");
    assertThat(http.get("/jobs/0123456789abcdef0123456789abcdef/plan").status()).isEqualTo(404);
  }
}
