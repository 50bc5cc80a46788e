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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Flame graphs of job vertices: a map that burns CPU in a method with a distinctive name shows it in its
 * own vertex's flame graph and not in another vertex's, although both run on the same worker threads.
 */
class RestFlameGraphTest {

  /** Spins long enough per record to be caught by the sampler. */
  static long burnCpuInADistinctiveMethod(long x) {
    long acc = x;
    for (int i = 0; i < 20_000; i++) {
      acc = acc * 6364136223846793005L + 1442695040888963407L;
    }
    return acc;
  }

  private static boolean contains(JsonNode node, String text) {
    if (node.get("name").asText().contains(text)) {
      return true;
    }
    for (JsonNode child : node.get("children")) {
      if (contains(child, text)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aVertexsFlameGraphShowsItsOwnCodeOnly() throws Exception {
    MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(1, 2, 1, 16, 64));
    cluster.start();
    try {
      Configuration conf = new Configuration();
      conf.set(RestOptions.BIND_PORT, "0");
      conf.set(RestOptions.FLAMEGRAPH_ENABLED, true);
      conf.set(RestOptions.FLAMEGRAPH_NUM_SAMPLES, 40);
      conf.set(RestOptions.FLAMEGRAPH_DELAY, Duration.ofMillis(5));
      // Every request samples anew: the test polls until a sample caught the burner's method.
      conf.set(RestOptions.FLAMEGRAPH_REFRESH_INTERVAL, Duration.ZERO);
      HttpJson http = new HttpJson(cluster.startRestServer(conf).url());
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
      env.fromSequence(1, Long.MAX_VALUE).rebalance().map(RestFlameGraphTest::burnCpuInADistinctiveMethod)
          .name("Burner").discard();
      JobClient job = cluster.submitJob(JobGraphGenerator.generate(env.getStreamGraph("burning")))
          .get(30, TimeUnit.SECONDS);
      String jobId = job.getJobID().toString();
      JsonNode vertices = http.get("/jobs/" + jobId).body().get("vertices");
      String source = vertices.get(0).get("id").asText();
      String burner = vertices.get(1).get("id").asText();

      JsonNode graph = io.spate.testing.Await.untilMatches(Duration.ofSeconds(30), "the burner's method sampled",
          () -> http.get("/jobs/" + jobId + "/vertices/" + burner + "/flamegraph?type=full").body(),
          body -> contains(body.get("data"), "burnCpuInADistinctiveMethod"));
      assertThat(graph.get("endTimestamp").asLong()).isPositive();
      JsonNode root = graph.get("data");
      assertThat(root.get("name").asText()).isEqualTo("root");
      assertThat(root.get("value").asInt()).isPositive();
      int children = 0;
      for (JsonNode child : root.get("children")) {
        children += child.get("value").asInt();
      }
      assertThat(children).isEqualTo(root.get("value").asInt());

      for (int i = 0; i < 3; i++) {
        JsonNode ofSource = http.get("/jobs/" + jobId + "/vertices/" + source + "/flamegraph").body().get("data");
        assertThat(contains(ofSource, "burnCpuInADistinctiveMethod")).isFalse();
      }

      Response badType = http.get("/jobs/" + jobId + "/vertices/" + burner + "/flamegraph?type=warm");
      assertThat(badType.status()).isEqualTo(400);
      assertThat(badType.error()).contains("'type'", "on_cpu");
      assertThat(http.get("/jobs/" + jobId + "/vertices/9/flamegraph").status()).isEqualTo(404);
      job.cancel().get(20, TimeUnit.SECONDS);
    } finally {
      cluster.close();
    }
  }

  @Test
  void flameGraphsAreOffByDefault() throws Exception {
    MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(1, 1, 1, 16, 64));
    cluster.start();
    try {
      Configuration conf = new Configuration();
      conf.set(RestOptions.BIND_PORT, "0");
      HttpJson http = new HttpJson(cluster.startRestServer(conf).url());
      Response off = http.get("/jobs/0123456789abcdef0123456789abcdef/vertices/1/flamegraph");
      assertThat(off.status()).isEqualTo(409);
      assertThat(off.error()).contains("rest.flamegraph.enabled");
    } finally {
      cluster.close();
    }
  }

  @Test
  void treeCountsSamplesPerCallPath() {
    FlameGraphRoutes.Node root = FlameGraphRoutes.tree(List.of(List.of("main", "a", "b"), List.of("main", "a"),
        List.of("main", "c")));
    assertThat(root.value).isEqualTo(3);
    FlameGraphRoutes.Node main = root.children.get("main");
    assertThat(main.value).isEqualTo(3);
    assertThat(main.children.get("a").value).isEqualTo(2);
    assertThat(main.children.get("a").children.get("b").value).isEqualTo(1);
    assertThat(main.children.get("c").value).isEqualTo(1);
  }
}
