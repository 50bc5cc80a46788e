package io.spate.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.checkpoint.CheckpointConfig;
import io.spate.api.checkpoint.CheckpointingMode;
import io.spate.api.checkpoint.ExternalizedCheckpointRetention;
import io.spate.api.common.RestartStrategies;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.jobmaster.failover.ExponentialDelayRestartBackoffTimeStrategy;
import io.spate.runtime.jobmaster.failover.NoRestartBackoffTimeStrategy;
import io.spate.runtime.jobmaster.failover.RestartBackoffTimeStrategyFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint and restart settings made on the environment reach the JobGraph the JobMaster reads. */
class FaultToleranceConfigurationTest {

  @Test
  void checkpointAndRestartSettingsReachTheJobGraph(@TempDir Path dir) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.enableCheckpointing(500, CheckpointingMode.EXACTLY_ONCE);
    env.getCheckpointConfig().enableUnalignedCheckpoints();
    env.getCheckpointConfig().setAlignedCheckpointTimeout(Duration.ofMillis(100));
    env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    env.getCheckpointConfig().setCheckpointStorage(dir);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofSeconds(10)));
    env.fromSequence(1, 10).map(x -> x * 2).discard();

    JobGraph job = JobGraphGenerator.generate(env.getStreamGraph("configured"));
    env.getCheckpointConfig().setCheckpointInterval(9_000);

    CheckpointConfig seen = new CheckpointConfig(job.configuration());
    assertThat(seen.getCheckpointInterval()).as("later changes to the environment do not reach a built job")
        .isEqualTo(500);
    assertThat(CheckpointingOptions.isCheckpointingEnabled(job.configuration())).isTrue();
    assertThat(seen.isUnalignedCheckpointsEnabled()).isTrue();
    assertThat(seen.getAlignedCheckpointTimeout()).isEqualTo(Duration.ofMillis(100));
    assertThat(seen.getExternalizedCheckpointRetention()).isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    assertThat(((io.spate.api.state.FileSystemCheckpointStorage) seen.getCheckpointStorage()).getCheckpointDirectory())
        .isEqualTo(dir.toAbsolutePath().toUri());
    assertThat(RestartBackoffTimeStrategyFactory.create(job.configuration()))
        .hasToString("fixed delay: 3 attempts, 10 s apart");
  }

  @Test
  void configuredValuesReachTheJobGraphLikeApiCalls() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.configure(Configuration.fromMap(Map.of("execution.checkpointing.interval", "1 min",
        "execution.checkpointing.tolerable-failed-checkpoints", "3")));
    env.fromSequence(1, 10).discard();
    JobGraph job = JobGraphGenerator.generate(env.getStreamGraph("from config"));
    CheckpointConfig seen = new CheckpointConfig(job.configuration());
    assertThat(seen.getCheckpointInterval()).isEqualTo(60_000);
    assertThat(seen.getTolerableCheckpointFailureNumber()).isEqualTo(3);
    assertThat(RestartBackoffTimeStrategyFactory.create(job.configuration()))
        .as("checkpointing without a restart strategy restarts with exponential delay")
        .isInstanceOf(ExponentialDelayRestartBackoffTimeStrategy.class);
  }

  @Test
  void checkpointingIsIgnoredForABatchJob() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.setRuntimeMode(RuntimeExecutionMode.AUTOMATIC);
    env.enableCheckpointing(1_000);
    env.fromSequence(1, 10).discard();
    JobGraph job = JobGraphGenerator.generate(env.getStreamGraph("bounded"));
    assertThat(job.configuration().get(io.spate.api.configuration.CoreOptions.RUNTIME_MODE))
        .isEqualTo(RuntimeExecutionMode.BATCH);
    assertThat(CheckpointingOptions.isCheckpointingEnabled(job.configuration())).isFalse();
    assertThat(RestartBackoffTimeStrategyFactory.create(job.configuration()))
        .isSameAs(NoRestartBackoffTimeStrategy.INSTANCE);
  }
}
