package io.spate.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.checkpoint.CheckpointConfig;
import io.spate.api.checkpoint.ExecutionCheckpointingOptions;
import io.spate.api.checkpoint.ExternalizedCheckpointRetention;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.fs.Path;
import io.spate.runtime.jobmaster.failover.RestartBackoffTimeStrategyFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The members of Flink's CheckpointConfig and environment that older programs call reach the job
 * graph whose configuration the JobMaster's checkpoint coordinator and restart handling read.
 */
class FlinkCheckpointConfigMembersReachTheJobTest {

  @Test
  @SuppressWarnings("deprecation")
  void theDocumentedSettingsReachTheJobGraph() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.enableCheckpointing(10_000);
    // "The rest of Flink's CheckpointConfig" in docs/state-and-checkpoints.md.
    CheckpointConfig checkpointConfig = env.getCheckpointConfig();
    checkpointConfig.setCheckpointTimeout(60_000);                // execution.checkpointing.timeout
    checkpointConfig.setMinPauseBetweenCheckpoints(500);          // execution.checkpointing.min-pause
    checkpointConfig.setTolerableCheckpointFailureNumber(3);      // execution.checkpointing.tolerable-failed-checkpoints
    checkpointConfig.setExternalizedCheckpointCleanup(
        CheckpointConfig.ExternalizedCheckpointCleanup.RETAIN_ON_CANCELLATION);
    checkpointConfig.setAlignmentTimeout(Duration.ofSeconds(1));  // execution.checkpointing.aligned-checkpoint-timeout
    checkpointConfig.setCheckpointStorage(new Path("file:///data/checkpoints"));
    checkpointConfig.setCheckpointIdOfIgnoredInFlightData(7);
    env.setNumberOfExecutionRetries(2);
    env.fromSequence(1, 10).discard();

    Configuration job = JobGraphGenerator.generate(env.getStreamGraph("settings")).configuration();
    assertThat(job.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(10));
    assertThat(job.get(ExecutionCheckpointingOptions.CHECKPOINTING_TIMEOUT)).isEqualTo(Duration.ofMinutes(1));
    assertThat(job.get(ExecutionCheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS)).isEqualTo(Duration.ofMillis(500));
    assertThat(job.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER)).isEqualTo(3);
    assertThat(job.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION))
        .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    assertThat(job.get(ExecutionCheckpointingOptions.ALIGNMENT_TIMEOUT)).isEqualTo(Duration.ofSeconds(1));
    assertThat(java.net.URI.create(job.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))).isEqualTo(java.net.URI.create("file:/data/checkpoints"));
    assertThat(job.get(CheckpointingOptions.CHECKPOINT_ID_OF_IGNORED_IN_FLIGHT_DATA)).isEqualTo(7L);
    assertThat(RestartBackoffTimeStrategyFactory.create(job)).hasToString("fixed delay: 2 attempts, 10 s apart");
  }

  @Test
  void disabledCheckpointingReachesTheJobGraph() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.enableCheckpointing(1_000);
    env.getCheckpointConfig().disableCheckpointing();
    env.fromSequence(1, 10).discard();
    Configuration job = JobGraphGenerator.generate(env.getStreamGraph("off")).configuration();
    assertThat(CheckpointingOptions.isCheckpointingEnabled(job)).isFalse();
  }
}
