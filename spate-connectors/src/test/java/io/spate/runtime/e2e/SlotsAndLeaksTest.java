package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionException;
import io.spate.api.common.JobStatus;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.jobmaster.JobDetails;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.execution.ExecutionState;
import io.spate.testing.Await;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slots are a bounded resource that a job gets and gives back; direct memory does not leak. */
class SlotsAndLeaksTest {

  private static JobGraph endlessJob(int parallelism) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Types.LONG),
        WatermarkStrategy.noWatermarks(), "endless").discard();
    return JobGraphGenerator.generate(env.getStreamGraph("endless-p" + parallelism));
  }

  @Test
  void aJobThatNeedsMoreSlotsThanTheClusterHasFailsClearly() throws Exception {
    try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(1, 1, 2, 16, 256))) {
      cluster.start();
      JobClient client = cluster.submitJob(endlessJob(2)).get(30, TimeUnit.SECONDS);
      assertThatThrownBy(() -> client.getJobExecutionResult().get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(JobExecutionException.class)
          .hasMessageContaining("needs 2 task slots")
          .hasMessageContaining("1 free of 1");
    }
  }

  @Test
  void cancellingAJobGivesItsSlotsBackForTheNextJob() throws Exception {
    try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(1, 2, 2, 16, 256))) {
      cluster.start();
      for (int round = 0; round < 3; round++) {
        JobClient client = cluster.submitJob(endlessJob(2)).get(30, TimeUnit.SECONDS);
        awaitStatus(client, JobStatus.RUNNING);
        client.cancel().get(30, TimeUnit.SECONDS);
        assertThat(client.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.CANCELED);
        // The ended job keeps its graph, with every subtask's final state.
        JobDetails details = cluster.getDispatcherGateway().requestJobDetails(client.getJobID()).get(10, TimeUnit.SECONDS);
        assertThat(details.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(details.vertices()).isNotEmpty().allSatisfy(vertex -> {
          assertThat(vertex.status()).isEqualTo(ExecutionState.CANCELED);
          assertThat(vertex.subtasks()).containsEntry(ExecutionState.CANCELED, vertex.parallelism());
        });
      }
      assertThat(cluster.numberOfLiveChannels()).isZero();
    }
  }

  @Test
  void aJobWaitsForSlotsThatAnotherJobHoldsAndRunsWhenTheyAreFree() throws Exception {
    try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(1, 2, 2, 16, 256))) {
      cluster.start();
      JobClient first = cluster.submitJob(endlessJob(2)).get(30, TimeUnit.SECONDS);
      awaitRecords(first);
      JobClient second = cluster.submitJob(endlessJob(2)).get(30, TimeUnit.SECONDS);
      // Every slot is taken: the second job waits instead of failing, and runs once they are free.
      first.cancel().get(30, TimeUnit.SECONDS);
      awaitRecords(second);
      second.cancel().get(30, TimeUnit.SECONDS);
      assertThat(first.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.CANCELED);
      assertThat(second.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.CANCELED);
    }
  }

  private static void awaitRecords(JobClient client) throws InterruptedException {
    Await.until(Duration.ofSeconds(30), "the job to process a record", () -> client.getProgress().recordsProcessed() > 0
        || client.getProgress().status().isTerminal());
    assertThat(client.getProgress().status().isTerminal()).as("job ended before it processed a record").isFalse();
  }

  @Test
  void noDirectBuffersRemainAfterAFileJob(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("in.txt");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      text.append("line ").append(i).append('\n');
    }
    Files.writeString(input, text);
    runFileJob(input); // warms up the JDK's own, process-wide buffers
    long before = directBufferCount();
    runFileJob(input);
    // The JDK caches temporary direct buffers per thread and frees them only when a dead thread's
    // cache is collected, so give the collector a chance; a buffer the job still held would stay.
    Await.until(Duration.ofSeconds(10),
        () -> String.format("direct buffers: %d after the job to drop to %d before", directBufferCount(), before), () -> {
          System.gc();
          return directBufferCount() <= before;
        });
  }

  private static void runFileJob(Path input) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    assertThat(env.readTextFile(input.toString()).executeAndCollect(100_000)).hasSize(50_000);
  }

  private static long directBufferCount() {
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      if (pool.getName().equals("direct")) {
        return pool.getCount();
      }
    }
    throw new IllegalStateException("no direct buffer pool");
  }

  private static void awaitStatus(JobClient client, JobStatus status) throws Exception {
    Await.until(Duration.ofSeconds(30), "the job to reach " + status, () -> client.getJobStatus().join() == status);
  }
}
