package io.spate.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.api.common.JobClient;
import io.spate.api.common.ParameterTool;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Flink's {@code GET /jobs/{jobid}/config}: the job's execution configuration, also once it ended. */
class JobConfigRestTest {

  private static MiniCluster cluster;
  private static HttpJson http;

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

  @Test
  void theConfigurationIsTheJobsOwn() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    env.getConfig().enableObjectReuse();
    env.getConfig().setGlobalJobParameters(ParameterTool.fromArgs(new String[] {"--region", "eu", "--limit", "7"}));
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(4, Duration.ofSeconds(2)));
    env.fromSequence(1, 10).map(x -> x).discard();
    JobClient job = cluster.submitJob(JobGraphGenerator.generate(env.getStreamGraph("configured")))
        .get(30, TimeUnit.SECONDS);
    job.getJobExecutionResult().get(60, TimeUnit.SECONDS);
    JsonNode config = http.get("/jobs/" + job.getJobID() + "/config").body();
    assertThat(config.get("jid").asText()).isEqualTo(job.getJobID().toString());
    assertThat(config.get("name").asText()).isEqualTo("configured");
    JsonNode execution = config.get("execution-config");
    assertThat(execution.get("execution-mode").asText()).isEqualTo("PIPELINED");
    assertThat(execution.get("job-parallelism").asInt()).isEqualTo(3);
    assertThat(execution.get("object-reuse-mode").asBoolean()).isTrue();
    assertThat(execution.get("restart-strategy").asText()).contains("fixed delay").contains("4 attempts");
    assertThat(execution.get("user-config").get("region").asText()).isEqualTo("eu");
    assertThat(execution.get("user-config").get("limit").asText()).isEqualTo("7");
  }

  @Test
  void unknownAndMalformedJobIdsAreRefused() throws Exception {
    assertThat(http.get("/jobs/0123456789abcdef0123456789abcdef/config").status()).isEqualTo(404);
    HttpJson.Response malformed = http.get("/jobs/not-a-job/config");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.error()).contains("not a job id");
  }
}
