package io.spate.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint storage that cannot be written fails checkpoints, not the job, until too many fail in a row. */
class CheckpointFailureE2ETest {

  private static StreamExecutionEnvironment env(Path unusableDirectory, int tolerable) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.enableCheckpointing(20);
    env.getCheckpointConfig().setCheckpointStorage(unusableDirectory);
    env.getCheckpointConfig().setTolerableCheckpointFailureNumber(tolerable);
    env.setRestartStrategy(RestartStrategies.noRestart());
    return env;
  }

  @Test
  void failedCheckpointsNameTheirReasonAndTheJobGoesOn(@TempDir Path dir) throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("occupied"), "a file where the checkpoint directory should be");
    StreamExecutionEnvironment env = env(notADirectory, Integer.MAX_VALUE);
    env.fromSequence(1, Long.MAX_VALUE).map(x -> x).discard();
    JobClient client = env.executeAsync("storage-failing");
    try {
      List<CheckpointStatistics> failed = Await.untilMatches(Duration.ofSeconds(20), "3 failed checkpoints",
          () -> client.getCheckpointStatistics().get(5, TimeUnit.SECONDS).stream()
              .filter(s -> s.status() == CheckpointStatistics.Status.FAILED).toList(), f -> f.size() >= 3);
      assertThat(failed).hasSizeGreaterThanOrEqualTo(3);
      assertThat(failed.get(0).failureReason()).contains("checkpoint storage").contains(notADirectory.toString());
      assertThat(client.getJobStatus().get(5, TimeUnit.SECONDS)).isEqualTo(io.spate.api.common.JobStatus.RUNNING);
    } finally {
      client.cancel().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void moreFailuresInARowThanToleratedFailTheJob(@TempDir Path dir) throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("occupied"), "x");
    StreamExecutionEnvironment env = env(notADirectory, 2);
    env.fromSequence(1, Long.MAX_VALUE).map(x -> x).discard();
    assertThatThrownBy(() -> env.execute("intolerable"))
        .hasMessageContaining("more checkpoints failed in a row than the 2 tolerated")
        .hasMessageContaining(notADirectory.toString());
  }
}
