package io.spate.runtime.jobmaster;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobStatus;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.dispatcher.DispatcherGateway;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The subtasks on a TaskExecutor that cannot be reached never report that they stopped, so the
 * JobMaster does not wait for them: it finds out when its own call there fails, well before the
 * ResourceManager's heartbeat timeout (the default 50 s here).
 */
class UnreachableTaskExecutorTest {

  private static final long WAIT_SECONDS = 20;

  @Test
  void cancellingAJobWithSubtasksOnADeadTaskExecutorEndsAtOnce() throws Exception {
    try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(3, 1, 1, 16, 64))) {
      cluster.start();
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
      env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Types.LONG),
          WatermarkStrategy.noWatermarks(), "endless").rebalance().map(x -> x).returns(Types.LONG).discard();
      JobGraph job = JobGraphGenerator.generate(env.getStreamGraph("endless"));
      DispatcherGateway dispatcher = cluster.getDispatcherGateway();
      cluster.submitJob(job).get(WAIT_SECONDS, TimeUnit.SECONDS);
      awaitRunningOnEveryTaskExecutor(cluster);

      cluster.killTaskExecutor(2);
      dispatcher.cancelJob(job.jobId()).get(WAIT_SECONDS, TimeUnit.SECONDS);

      JobResult result = dispatcher.requestJobResult(job.jobId()).get(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(result.status()).isEqualTo(JobStatus.CANCELED);
    }
  }

  private static void awaitRunningOnEveryTaskExecutor(MiniCluster cluster) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (cluster.getResourceManagerGateway().freeSlots().get() > 0
        || cluster.getDispatcherGateway().requestJobOverviews().get().stream()
            .noneMatch(job -> job.status() == JobStatus.RUNNING && job.recordsProcessed() > 10_000)) {
      assertThat(System.nanoTime()).as("the job never got going on every TaskExecutor").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
