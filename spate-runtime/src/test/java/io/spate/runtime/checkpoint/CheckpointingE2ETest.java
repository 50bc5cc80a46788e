package io.spate.runtime.checkpoint;

import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.api.common.JobClient;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.checkpoint.storage.CheckpointPaths;
import io.spate.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Periodic checkpoints and savepoints of running jobs: barriers flow, subtasks acknowledge, metadata is written. */
class CheckpointingE2ETest {


  private static StreamExecutionEnvironment env(Path checkpoints) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(30));
    if (checkpoints != null) {
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toString());
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    return env;
  }

  private static List<CheckpointStatistics> awaitCompleted(JobClient client, int count) {
    return Await.untilMatches(Duration.ofSeconds(20), count + " completed checkpoints",
        () -> client.getCheckpointStatistics().get(5, TimeUnit.SECONDS),
        stats -> stats.stream().filter(s -> s.status() == CheckpointStatistics.Status.COMPLETED).count() >= count);
  }

  @Test
  void periodicCheckpointsCompleteWithEverySubtaskAcknowledging() throws Exception {
    StreamExecutionEnvironment env = env(null);
    env.fromSequence(1, Long.MAX_VALUE).keyBy(x -> x % 7).map(x -> x).rebalance().discard();
    JobClient client = env.executeAsync("checkpointed");
    try {
      List<CheckpointStatistics> stats = awaitCompleted(client, 3);
      List<CheckpointStatistics> completed = stats.stream()
          .filter(s -> s.status() == CheckpointStatistics.Status.COMPLETED).toList();
      for (CheckpointStatistics s : completed) {
        assertThat(s.acknowledgedSubtasks()).isEqualTo(s.totalSubtasks()).isEqualTo(6);
        assertThat(s.savepoint()).isFalse();
        assertThat(s.externalPath()).isNull();
      }
      assertThat(completed).extracting(CheckpointStatistics::checkpointId).isSorted();
    } finally {
      client.cancel().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void checkpointsInADirectoryKeepOnlyTheRetainedOnesAndWriteMetadata(@TempDir Path dir) throws Exception {
    StreamExecutionEnvironment env = env(dir);
    env.fromSequence(1, Long.MAX_VALUE).map(x -> x).discard();
    JobClient client = env.executeAsync("files");
    try {
      awaitCompleted(client, 3);
      // Checkpoints come every 30 ms and only the newest is retained, so the one the statistics name
      // as newest may be subsumed and deleted before it is read: read the newest until one is caught.
      Await.untilPasses(Duration.ofSeconds(20), "the newest completed checkpoint to be readable", () -> {
        CheckpointStatistics last = client.getCheckpointStatistics().get(5, TimeUnit.SECONDS).stream()
            .filter(s -> s.status() == CheckpointStatistics.Status.COMPLETED).reduce((a, b) -> b).orElseThrow();
        Path chk = Path.of(last.externalPath());
        assertThat(chk.getFileName().toString()).isEqualTo("chk-" + last.checkpointId());
        CheckpointMetadata metadata = CheckpointPaths.load(chk.toString());
        assertThat(metadata.checkpointId()).isEqualTo(last.checkpointId());
        assertThat(metadata.type()).isEqualTo(CheckpointType.CHECKPOINT);
      });
    } finally {
      client.cancel().get(10, TimeUnit.SECONDS);
    }
    Path jobDir = dir.resolve(client.getJobID().toString());
    // NO_EXTERNALIZED_CHECKPOINTS: the job's checkpoints are gone once it ended.
    Await.until(Duration.ofSeconds(10), "the job's checkpoints to be deleted", () -> listChk(jobDir) == 0);
    assertThat(listChk(jobDir)).isZero();
  }

  private static long listChk(Path jobDir) throws Exception {
    if (!Files.exists(jobDir)) {
      return 0;
    }
    try (var children = Files.list(jobDir)) {
      return children.filter(p -> Files.exists(p.resolve("_metadata"))).count();
    }
  }

  @Test
  void aSavepointIsSelfContainedAndReadable(@TempDir Path dir) throws Exception {
    StreamExecutionEnvironment env = env(null);
    env.fromSequence(1, Long.MAX_VALUE).map(x -> x).uid("mapper").discard();
    JobClient client = env.executeAsync("savepointed");
    String path;
    try {
      awaitCompleted(client, 1);
      path = client.triggerSavepoint(dir.toString()).get(20, TimeUnit.SECONDS);
    } finally {
      client.cancel().get(10, TimeUnit.SECONDS);
    }
    assertThat(Path.of(path).getParent()).isEqualTo(dir);
    assertThat(Path.of(path).getFileName().toString()).startsWith("savepoint-");
    CheckpointMetadata metadata = CheckpointPaths.load(path);
    assertThat(metadata.type()).isEqualTo(CheckpointType.SAVEPOINT);
    assertThat(Files.exists(Path.of(path, "_metadata"))).isTrue(); // never cleaned up by Spate
  }

  @Test
  void statisticsOutliveTheJob() throws Exception {
    StreamExecutionEnvironment env = env(null);
    env.fromSequence(1, Long.MAX_VALUE).map(x -> x).discard();
    JobClient client = env.executeAsync("ended");
    awaitCompleted(client, 1);
    client.cancel().get(10, TimeUnit.SECONDS);
    List<CheckpointStatistics> stats = client.getCheckpointStatistics().get(5, TimeUnit.SECONDS);
    assertThat(stats).anySatisfy(s -> assertThat(s.status()).isEqualTo(CheckpointStatistics.Status.COMPLETED));
  }
}
