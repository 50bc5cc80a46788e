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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metric routes of the REST API over a mini cluster of two TaskExecutors, after a bounded job of
 * 1000 records ran on it: the counts are the job's, at vertex, subtask and aggregated level.
 */
class RestMetricsTest {

  private static final long RECORDS = 1000;

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
    env.fromSequence(1, RECORDS).setParallelism(1).rebalance().map(x -> x * 2).name("Doubler").discard();
    JobClient job = cluster.submitJob(JobGraphGenerator.generate(env.getStreamGraph("metered")))
        .get(30, TimeUnit.SECONDS);
    job.getJobExecutionResult().get(60, TimeUnit.SECONDS);
    jobId = job.getJobID().toString();
    JsonNode vertices = http.get("/jobs/" + jobId).body().get("vertices");
    assertThat(vertices).hasSize(2);
    sourceVertex = vertices.get(0).get("id").asInt();
    mapVertex = vertices.get(1).get("id").asInt();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(entry -> ids.add(entry.get("id").asText()));
    return ids;
  }

  @Test
  void aBoundedJobsRecordCountsAreItsInputCount() throws Exception {
    String vertex = "/jobs/" + jobId + "/vertices/" + sourceVertex;
    Response sum = http.get(vertex + "/subtasks/metrics?get=numRecordsOut&agg=sum");
    assertThat(sum.status()).isEqualTo(200);
    assertThat(sum.body().toString()).isEqualTo("[{\"id\":\"numRecordsOut\",\"sum\":" + (double) RECORDS + "}]");

    Response atSubtask = http.get(vertex + "/subtasks/0/metrics?get=numRecordsOut,noSuchMetric");
    assertThat(atSubtask.body().toString()).isEqualTo("[{\"id\":\"numRecordsOut\",\"value\":\"" + RECORDS + "\"}]");

    Response atVertex = http.get(vertex + "/metrics?get=0.numRecordsOut");
    assertThat(atVertex.body().get(0).get("value").asText()).isEqualTo(String.valueOf(RECORDS));

    Response mapIn = http.get("/jobs/" + jobId + "/vertices/" + mapVertex
        + "/subtasks/metrics?get=numRecordsIn,numRecordsOut");
    JsonNode in = mapIn.body().get(0);
    assertThat(in.get("id").asText()).isEqualTo("numRecordsIn");
    assertThat(in.get("sum").asDouble()).isEqualTo(RECORDS);
    assertThat(in.get("min").asDouble() + in.get("max").asDouble()).isEqualTo(RECORDS);
    assertThat(in.get("avg").asDouble()).isEqualTo(RECORDS / 2.0);
    Response firstSubtaskOnly = http.get("/jobs/" + jobId + "/vertices/" + mapVertex
        + "/subtasks/metrics?get=numRecordsIn&agg=max&subtasks=0");
    String subtaskZero = http.get("/jobs/" + jobId + "/vertices/" + mapVertex
        + "/subtasks/0/metrics?get=numRecordsIn").body().get(0).get("value").asText();
    assertThat(firstSubtaskOnly.body().get(0).get("max").asDouble()).isEqualTo(Double.parseDouble(subtaskZero));
    assertThat(firstSubtaskOnly.body().get(0).has("min")).isFalse();
  }

  @Test
  void listsMetricIdsAsFlinkNamesThem() throws Exception {
    List<String> vertexIds = ids(http.get("/jobs/" + jobId + "/vertices/" + mapVertex + "/metrics").body());
    assertThat(vertexIds).contains("0.numRecordsIn", "1.numRecordsIn", "0.Doubler.numRecordsIn",
        "1.Doubler.numRecordsOutPerSecond");
    List<String> subtaskIds = ids(http.get("/jobs/" + jobId + "/vertices/" + mapVertex + "/subtasks/1/metrics")
        .body());
    assertThat(subtaskIds).contains("numRecordsIn", "numBytesIn", "Doubler.numRecordsIn")
        .doesNotContain("0.numRecordsIn");
    List<String> sourceIds = ids(http.get("/jobs/" + jobId + "/vertices/" + sourceVertex + "/metrics").body());
    // Blanks (and dots, colons, commas) in operator names become '_' in metric ids, as in Flink.
    assertThat(sourceIds).contains("0.Sequence_Source.numRecordsOut");
  }

  @Test
  void processMetricsOfTheJobManagerAndTheTaskManagers() throws Exception {
    assertThat(ids(http.get("/jobmanager/metrics").body())).contains("Status.JVM.Memory.Heap.Used");
    JsonNode heap = http.get("/jobmanager/metrics?get=Status.JVM.Memory.Heap.Used").body().get(0);
    assertThat(Long.parseLong(heap.get("value").asText())).isPositive();

    JsonNode taskManagers = http.get("/taskmanagers").body().get("taskmanagers");
    assertThat(taskManagers).hasSize(2);
    String tm = taskManagers.get(0).get("id").asText();
    Response own = http.get("/taskmanagers/" + tm + "/metrics?get=Status.JVM.Memory.Heap.Max");
    assertThat(own.status()).isEqualTo(200);
    assertThat(Long.parseLong(own.body().get(0).get("value").asText())).isPositive();

    JsonNode aggregated = http.get("/taskmanagers/metrics?get=Status.JVM.Memory.Heap.Max&agg=min,sum").body().get(0);
    // Both TaskExecutors run in this JVM, so each reports the same heap.
    assertThat(aggregated.get("sum").asDouble()).isEqualTo(2 * aggregated.get("min").asDouble());
    assertThat(aggregated.has("max")).isFalse();
    JsonNode one = http.get("/taskmanagers/metrics?get=Status.JVM.Memory.Heap.Max&agg=sum&taskmanagers=" + tm)
        .body().get(0);
    assertThat(one.get("sum").asDouble()).isEqualTo(aggregated.get("min").asDouble());
  }

  @Test
  void badIdsAndParametersAreNamed() throws Exception {
    Response badVertex = http.get("/jobs/" + jobId + "/vertices/x1/metrics");
    assertThat(badVertex.status()).isEqualTo(400);
    assertThat(badVertex.error()).contains("'vertexid'", "'x1'");

    Response unknownVertex = http.get("/jobs/" + jobId + "/vertices/99/metrics");
    assertThat(unknownVertex.status()).isEqualTo(404);
    assertThat(unknownVertex.error()).contains("no vertex 99");

    Response unknownSubtask = http.get("/jobs/" + jobId + "/vertices/" + mapVertex + "/subtasks/2/metrics");
    assertThat(unknownSubtask.status()).isEqualTo(404);
    assertThat(unknownSubtask.error()).contains("no subtask 2");

    Response badAgg = http.get("/jobs/" + jobId + "/vertices/" + mapVertex + "/subtasks/metrics?get=a&agg=median");
    assertThat(badAgg.status()).isEqualTo(400);
    assertThat(badAgg.error()).contains("'agg'", "'median'");

    Response badSubtasks = http.get("/jobs/" + jobId + "/vertices/" + mapVertex + "/subtasks/metrics?subtasks=3-1");
    assertThat(badSubtasks.status()).isEqualTo(400);
    assertThat(badSubtasks.error()).contains("'subtasks'", "'3-1'");

    Response unknownJob = http.get("/jobs/0123456789abcdef0123456789abcdef/metrics");
    assertThat(unknownJob.status()).isEqualTo(404);
    Response badJob = http.get("/jobs/nope/metrics");
    assertThat(badJob.status()).isEqualTo(400);

    Response unknownTm = http.get("/taskmanagers/taskexecutor-99/metrics");
    assertThat(unknownTm.status()).isEqualTo(404);
    assertThat(unknownTm.error()).contains("'taskexecutor-99'");
  }
}
