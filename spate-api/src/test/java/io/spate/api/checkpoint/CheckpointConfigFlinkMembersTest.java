package io.spate.api.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.state.FileSystemCheckpointStorage;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The members of Flink's CheckpointConfig that older programs call, each writing the option Spate reads. */
class CheckpointConfigFlinkMembersTest {

  @Test
  void constructorsMakeIndependentConfigs() {
    CheckpointConfig defaults = new CheckpointConfig();
    assertThat(defaults.isCheckpointingEnabled()).isFalse();
    defaults.setCheckpointInterval(1_000);
    CheckpointConfig copy = new CheckpointConfig(defaults);
    copy.setCheckpointInterval(2_000);
    assertThat(defaults.getCheckpointInterval()).isEqualTo(1_000);
    assertThat(copy.getCheckpointInterval()).isEqualTo(2_000);
  }

  @Test
  void disableCheckpointingUnsetsTheInterval() {
    Configuration conf = new Configuration();
    CheckpointConfig config = new CheckpointConfig(conf);
    config.setCheckpointInterval(5_000);
    config.disableCheckpointing();
    assertThat(config.isCheckpointingEnabled()).isFalse();
    assertThat(config.getCheckpointInterval()).isEqualTo(-1);
    assertThat(conf.contains(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isFalse();
  }

  @Test
  void aliasesWriteTheSameOptions() {
    Configuration conf = new Configuration();
    CheckpointConfig config = new CheckpointConfig(conf);
    config.setCheckpointingConsistencyMode(CheckpointingMode.AT_LEAST_ONCE);
    assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_MODE)).isEqualTo(CheckpointingMode.AT_LEAST_ONCE);
    assertThat(config.getCheckpointingConsistencyMode()).isEqualTo(CheckpointingMode.AT_LEAST_ONCE);

    config.setAlignmentTimeout(Duration.ofMillis(300));
    assertThat(conf.get(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT)).isEqualTo(Duration.ofMillis(300));
    assertThat(config.getAlignmentTimeout()).isEqualTo(Duration.ofMillis(300));

    config.setCheckpointInterval(700);
    assertThat(config.getCheckpointIntervalDuringBacklog()).as("no source reports a backlog").isEqualTo(700);
  }

  @Test
  @SuppressWarnings("deprecation")
  void failOnCheckpointingErrorsIsATolerableFailureNumber() {
    Configuration conf = new Configuration();
    CheckpointConfig config = new CheckpointConfig(conf);
    config.setFailOnCheckpointingErrors(false);
    assertThat(conf.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER)).isEqualTo(Integer.MAX_VALUE);
    assertThat(config.isFailOnCheckpointingErrors()).isFalse();
    config.setFailOnCheckpointingErrors(true);
    assertThat(conf.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER)).isZero();
    assertThat(config.isFailOnCheckpointingErrors()).isTrue();
  }

  @Test
  @SuppressWarnings("deprecation")
  void externalizedCheckpointCleanupMapsToTheRetention() {
    Configuration conf = new Configuration();
    CheckpointConfig config = new CheckpointConfig(conf);
    assertThat(config.getExternalizedCheckpointCleanup())
        .isEqualTo(CheckpointConfig.ExternalizedCheckpointCleanup.NO_EXTERNALIZED_CHECKPOINTS);
    config.enableExternalizedCheckpoints(CheckpointConfig.ExternalizedCheckpointCleanup.RETAIN_ON_CANCELLATION);
    assertThat(conf.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION))
        .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    config.setExternalizedCheckpointCleanup(CheckpointConfig.ExternalizedCheckpointCleanup.DELETE_ON_CANCELLATION);
    assertThat(config.getExternalizedCheckpointRetention()).isEqualTo(ExternalizedCheckpointRetention.DELETE_ON_CANCELLATION);
    assertThat(config.getExternalizedCheckpointCleanup())
        .isEqualTo(CheckpointConfig.ExternalizedCheckpointCleanup.DELETE_ON_CANCELLATION);
    for (CheckpointConfig.ExternalizedCheckpointCleanup cleanup : CheckpointConfig.ExternalizedCheckpointCleanup.values()) {
      assertThat(CheckpointConfig.ExternalizedCheckpointCleanup.valueOf(cleanup.name())).isSameAs(cleanup);
      assertThat(cleanup.deleteOnCancellation())
          .isEqualTo(cleanup == CheckpointConfig.ExternalizedCheckpointCleanup.DELETE_ON_CANCELLATION);
    }
  }

  @Test
  void checkpointStorageFromAFlinkPath() {
    CheckpointConfig config = new CheckpointConfig(new Configuration());
    assertThat(config.getCheckpointStorage()).as("none set").isNull();
    config.setCheckpointStorage(new io.spate.api.fs.Path("file:///data/ckpt"));
    assertThat(config.getCheckpointStorage()).isInstanceOf(FileSystemCheckpointStorage.class);
    assertThat(((FileSystemCheckpointStorage) config.getCheckpointStorage()).getCheckpointDirectory())
        .isEqualTo(URI.create("file:///data/ckpt"));
  }

  @Test
  void ignoredInFlightDataIsAnOption() {
    Configuration conf = new Configuration();
    CheckpointConfig config = new CheckpointConfig(conf);
    assertThat(config.getCheckpointIdOfIgnoredInFlightData()).isEqualTo(-1);
    config.setCheckpointIdOfIgnoredInFlightData(12);
    assertThat(conf.get(CheckpointingOptions.CHECKPOINT_ID_OF_IGNORED_IN_FLIGHT_DATA)).isEqualTo(12L);
    assertThat(config.getCheckpointIdOfIgnoredInFlightData()).isEqualTo(12);
    assertThatThrownBy(() -> config.setCheckpointIdOfIgnoredInFlightData(-2))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining(CheckpointingOptions.CHECKPOINT_ID_OF_IGNORED_IN_FLIGHT_DATA.key());
  }

  @Test
  @SuppressWarnings("deprecation")
  void conceptsSpateDoesNotHaveAreRefusedWhenTurnedOnAndFalseWhenRead() {
    CheckpointConfig config = new CheckpointConfig(new Configuration());
    config.setForceCheckpointing(false);
    config.setForceUnalignedCheckpoints(false);
    config.enableUnalignedCheckpointsInterruptibleTimers(false);
    config.enableApproximateLocalRecovery(false);
    config.setMaxSubtasksPerChannelStateFile(1);
    assertThat(config.isForceCheckpointing()).isFalse();
    assertThat(config.isForceUnalignedCheckpoints()).isFalse();
    assertThat(config.isUnalignedCheckpointsInterruptibleTimersEnabled()).isFalse();
    assertThat(config.isApproximateLocalRecoveryEnabled()).isFalse();
    assertThat(config.getMaxSubtasksPerChannelStateFile()).isEqualTo(1);

    assertThatThrownBy(() -> config.setForceCheckpointing(true))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("iteration");
    assertThatThrownBy(() -> config.setForceUnalignedCheckpoints(true))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("iteration");
    assertThatThrownBy(() -> config.enableUnalignedCheckpointsInterruptibleTimers(true))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("timer");
    assertThatThrownBy(() -> config.enableApproximateLocalRecovery(true))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("last completed checkpoint");
    assertThatThrownBy(() -> config.setMaxSubtasksPerChannelStateFile(5))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("own state");
    assertThatThrownBy(() -> config.setCheckpointIntervalDuringBacklog(1_000))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining(CheckpointingOptions.CHECKPOINTING_INTERVAL.key());
  }

  @Test
  void configureTakesTheCheckpointOptionsOfAConfiguration() {
    Configuration conf = new Configuration();
    CheckpointConfig config = new CheckpointConfig(conf);
    config.setMaxConcurrentCheckpoints(2);
    config.configure(Configuration.fromMap(Map.of("execution.checkpointing.interval", "3 s",
        "execution.checkpointing.timeout", "1 min", "some.other.option", "x")));
    assertThat(config.getCheckpointInterval()).isEqualTo(3_000);
    assertThat(config.getCheckpointTimeout()).isEqualTo(60_000);
    assertThat(config.getMaxConcurrentCheckpoints()).as("left as it was").isEqualTo(2);
    assertThat(conf.toMap()).doesNotContainKey("some.other.option");
    assertThatThrownBy(() -> config.configure(Configuration.fromMap(Map.of("execution.checkpointing.interval", "1 ms"))))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("execution.checkpointing.interval");
    assertThat(config.getCheckpointInterval()).as("a refused configuration changes nothing").isEqualTo(3_000);
  }
}
