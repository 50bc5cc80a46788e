package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobStatus;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.e2e.DataStreamApiDocTest.Bid;
import io.spate.runtime.e2e.DataStreamApiDocTest.FirstBidAlert;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.testing.Await;
import io.spate.testing.TestHarnesses;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The snippets of docs/testing.md, compiled and run; DocsSnippetsTest checks that each snippet still
 * occurs here word for word, so edit both together.
 */
class TestingDocTest {

  @Test
  void unitTestAFunctionWithTheHarness() throws Exception {
    var harness = TestHarnesses.forKeyedProcess(new FirstBidAlert(), Bid::auction);
    harness.processElement(new Bid(1, 7, 50), 1_000L);
    harness.processWatermark(11_000L);                 // fires the event-time timer
    assertThat(harness.extractOutputValues())
        .containsExactly("auction 1 opened at 50", "auction 1 closes at 11000");
  }

  @Test
  void aJobOnTheEmbeddedCluster() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    List<Long> evens = env.fromSequence(1, 10).filter(n -> n % 2 == 0).executeAndCollect(100);
    assertThat(evens).containsExactlyInAnyOrder(2L, 4L, 6L, 8L, 10L);
  }

  @Test
  void aJobOnAMiniClusterOfTwoTaskExecutors() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(4);
    env.fromSequence(1, 1_000).filter(n -> n % 2 == 0).discard();

    try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(2, 2, 1, 16, 64))) {
      cluster.start();
      JobGraph job = JobGraphGenerator.generate(env.getStreamGraph("evens"));
      cluster.submitJob(job).get(60, TimeUnit.SECONDS);
      JobResult result = cluster.getDispatcherGateway().requestJobResult(job.jobId()).get(60, TimeUnit.SECONDS);
      assertThat(result.status()).isEqualTo(JobStatus.FINISHED);
    }
  }

  @Test
  void waitingForARunningJob() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.fromSequence(1, 100_000).filter(n -> n % 2 == 0).discard();

    JobClient client = env.executeAsync("counting");
    Await.until(Duration.ofSeconds(30), "records processed", () -> client.getProgress().recordsProcessed() > 0);
    JobStatus status = Await.untilMatches(Duration.ofSeconds(60), "the job to end",
        () -> client.getJobStatus().get(5, TimeUnit.SECONDS), JobStatus::isTerminal);
    assertThat(status).isEqualTo(JobStatus.FINISHED);
  }
}
