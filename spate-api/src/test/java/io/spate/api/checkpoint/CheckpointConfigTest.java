package io.spate.api.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.CoreOptions;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.MemorySize;
import io.spate.api.configuration.StateBackendOptions;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.datastream.StreamExecutionEnvironment;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointConfigTest {

  @Test
  void defaultsMatchFlinks() {
    CheckpointConfig config = new CheckpointConfig(new Configuration());
    assertThat(config.isCheckpointingEnabled()).isFalse();
    assertThat(config.getCheckpointInterval()).isEqualTo(-1);
    assertThat(config.getCheckpointingMode()).isEqualTo(CheckpointingMode.EXACTLY_ONCE);
    assertThat(config.getCheckpointTimeout()).isEqualTo(Duration.ofMinutes(10).toMillis());
    assertThat(config.getMinPauseBetweenCheckpoints()).isZero();
    assertThat(config.getMaxConcurrentCheckpoints()).isEqualTo(1);
    assertThat(config.getTolerableCheckpointFailureNumber()).isZero();
    assertThat(config.getExternalizedCheckpointRetention())
        .isEqualTo(ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS);
    assertThat(config.isExternalizedCheckpointsEnabled()).isFalse();
    assertThat(config.isUnalignedCheckpointsEnabled()).isFalse();
    assertThat(config.getAlignedCheckpointTimeout()).isEqualTo(Duration.ZERO);
    assertThat(config.getNumRetainedCheckpoints()).isEqualTo(1);
    assertThat(config.getCheckpointStorage()).isNull();
    assertThat(config.getDefaultSavepointDirectory()).isEmpty();
    assertThat(config.getInlineStateThreshold()).isEqualTo(MemorySize.ofKibiBytes(20));
    assertThat(new Configuration().get(StateBackendOptions.INCREMENTAL_CHECKPOINTS)).isFalse();
    config.validate();
  }

  @Test
  void settersWriteTheFlinkKeys() {
    Configuration conf = new Configuration();
    CheckpointConfig config = new CheckpointConfig(conf);
    config.setCheckpointInterval(500);
    config.setCheckpointingMode(CheckpointingMode.AT_LEAST_ONCE);
    config.setCheckpointTimeout(60_000);
    config.setMinPauseBetweenCheckpoints(250);
    config.setMaxConcurrentCheckpoints(3);
    config.setTolerableCheckpointFailureNumber(2);
    config.setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    config.setAlignedCheckpointTimeout(Duration.ofSeconds(2));
    config.setNumRetainedCheckpoints(4);
    config.setCheckpointStorage("file:///data/checkpoints");

    Map<String, String> raw = conf.toMap();
    assertThat(raw).containsEntry("execution.checkpointing.interval", "500 ms")
        .containsEntry("execution.checkpointing.mode", "AT_LEAST_ONCE")
        .containsEntry("execution.checkpointing.timeout", "60000 ms")
        .containsEntry("execution.checkpointing.min-pause", "250 ms")
        .containsEntry("execution.checkpointing.max-concurrent-checkpoints", "3")
        .containsEntry("execution.checkpointing.tolerable-failed-checkpoints", "2")
        .containsEntry("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION")
        .containsEntry("execution.checkpointing.aligned-checkpoint-timeout", "2000 ms")
        .containsEntry("state.checkpoints.num-retained", "4")
        .containsEntry("state.checkpoints.dir", "file:///data/checkpoints");

    CheckpointConfig reread = new CheckpointConfig(new Configuration(conf));
    assertThat(reread.getCheckpointInterval()).isEqualTo(500);
    assertThat(reread.getCheckpointingMode()).isEqualTo(CheckpointingMode.AT_LEAST_ONCE);
    assertThat(reread.getCheckpointTimeout()).isEqualTo(60_000);
    assertThat(reread.getMinPauseBetweenCheckpoints()).isEqualTo(250);
    assertThat(reread.getMaxConcurrentCheckpoints()).isEqualTo(3);
    assertThat(reread.getTolerableCheckpointFailureNumber()).isEqualTo(2);
    assertThat(reread.isExternalizedCheckpointsEnabled()).isTrue();
    assertThat(reread.getAlignedCheckpointTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(reread.getNumRetainedCheckpoints()).isEqualTo(4);
    assertThat(directoryOf(reread)).isEqualTo(URI.create("file:///data/checkpoints"));
  }

  @Test
  void rawValuesAsInAConfigFileAreReadTheSameWay() {
    Configuration conf = Configuration.fromMap(Map.of(
        "execution.checkpointing.interval", "30 s",
        "execution.checkpointing.mode", "at_least_once",
        "execution.checkpointing.timeout", "2 min",
        "execution.checkpointing.externalized-checkpoint-retention", "delete_on_cancellation",
        "execution.checkpointing.unaligned.enabled", "true",
        "state.storage.fs.memory-threshold", "64 kb"));
    CheckpointConfig config = new CheckpointConfig(conf);
    assertThat(config.getCheckpointInterval()).isEqualTo(30_000);
    assertThat(config.getCheckpointingMode()).isEqualTo(CheckpointingMode.AT_LEAST_ONCE);
    assertThat(config.getCheckpointTimeout()).isEqualTo(120_000);
    assertThat(config.getExternalizedCheckpointRetention()).isEqualTo(ExternalizedCheckpointRetention.DELETE_ON_CANCELLATION);
    assertThat(config.isUnalignedCheckpointsEnabled()).isTrue();
    assertThat(config.getInlineStateThreshold()).isEqualTo(MemorySize.ofKibiBytes(64));
    assertThatThrownBy(config::validate)
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("execution.checkpointing.unaligned.enabled")
        .hasMessageContaining("AT_LEAST_ONCE")
        .hasMessageContaining("EXACTLY_ONCE");
  }

  @Test
  void settersRejectOutOfRangeValuesNamingTheOption() {
    CheckpointConfig config = new CheckpointConfig(new Configuration());
    assertThatThrownBy(() -> config.setCheckpointInterval(9))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("execution.checkpointing.interval").hasMessageContaining("9 ms")
        .hasMessageContaining("at least 10 ms");
    assertThatThrownBy(() -> config.setCheckpointInterval(-1)).hasMessageContaining("execution.checkpointing.interval");
    assertThatThrownBy(() -> config.setCheckpointTimeout(0))
        .hasMessageContaining("execution.checkpointing.timeout").hasMessageContaining("0 ms");
    assertThatThrownBy(() -> config.setCheckpointTimeout(-5)).hasMessageContaining("execution.checkpointing.timeout");
    assertThatThrownBy(() -> config.setMinPauseBetweenCheckpoints(-1))
        .hasMessageContaining("execution.checkpointing.min-pause").hasMessageContaining("-1 ms");
    assertThatThrownBy(() -> config.setMaxConcurrentCheckpoints(0))
        .hasMessageContaining("execution.checkpointing.max-concurrent-checkpoints").hasMessageContaining(": 0;");
    assertThatThrownBy(() -> config.setTolerableCheckpointFailureNumber(-1))
        .hasMessageContaining("execution.checkpointing.tolerable-failed-checkpoints").hasMessageContaining("-1");
    assertThatThrownBy(() -> config.setAlignedCheckpointTimeout(Duration.ofMillis(-1)))
        .hasMessageContaining("execution.checkpointing.aligned-checkpoint-timeout");
    assertThatThrownBy(() -> config.setNumRetainedCheckpoints(0)).hasMessageContaining("state.checkpoints.num-retained");
    assertThatThrownBy(() -> config.setCheckpointStorage(" ")).hasMessageContaining("state.checkpoints.dir");
    assertThatThrownBy(() -> config.setCheckpointStorage(URI.create("relative/dir")))
        .hasMessageContaining("state.checkpoints.dir").hasMessageContaining("scheme");
    assertThat(config.isCheckpointingEnabled()).as("rejected values are not written").isFalse();
    assertThat(config.getCheckpointTimeout()).isEqualTo(600_000);
  }

  @Test
  void validateRejectsBadValuesSetDirectlyInTheConfiguration() {
    assertInvalid("execution.checkpointing.interval", "5 ms", "at least 10 ms");
    assertInvalid("execution.checkpointing.interval", "0", "at least 10 ms");
    assertInvalid("execution.checkpointing.interval", "soon", "a duration");
    assertInvalid("execution.checkpointing.timeout", "5 ms", "at least 10 ms");
    assertInvalid("execution.checkpointing.max-concurrent-checkpoints", "0", "at least 1");
    assertInvalid("execution.checkpointing.tolerable-failed-checkpoints", "-2", "at least 0");
    assertInvalid("execution.checkpointing.mode", "twice", "exactly_once, at_least_once");
    assertInvalid("execution.checkpointing.externalized-checkpoint-retention", "forever", "retain_on_cancellation");
    assertInvalid("execution.checkpointing.unaligned.enabled", "yes", "true or false");
    assertInvalid("state.checkpoints.num-retained", "0", "at least 1");
    assertInvalid("state.storage.fs.memory-threshold", "2 mb", "at most 1 mb");
  }

  private static void assertInvalid(String key, String value, String expected) {
    CheckpointConfig config = new CheckpointConfig(new Configuration().setString(key, value));
    assertThatThrownBy(config::validate)
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining(key)
        .hasMessageContaining(value.trim())
        .hasMessageContaining(expected);
  }

  @Test
  void aCheckpointDirectoryMayBeAPathAUriOrAString(@org.junit.jupiter.api.io.TempDir Path tmp) {
    CheckpointConfig config = new CheckpointConfig(new Configuration());
    config.setCheckpointStorage(tmp.resolve("ckpt"));
    assertThat(directoryOf(config)).isEqualTo(tmp.resolve("ckpt").toAbsolutePath().toUri());
    config.setCheckpointStorage(tmp.resolve("other").toString());
    assertThat(directoryOf(config)).isEqualTo(tmp.resolve("other").toAbsolutePath().toUri());
    config.setCheckpointStorage(URI.create("file:///var/ckpt"));
    assertThat(directoryOf(config)).isEqualTo(URI.create("file:///var/ckpt"));
    config.setDefaultSavepointDirectory("relative/savepoints");
    assertThat(config.getDefaultSavepointDirectory())
        .contains(Path.of("relative/savepoints").toAbsolutePath().normalize().toUri());
  }

  @Test
  void checkpointingIsOffInBatchMode() {
    Configuration conf = new Configuration().set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(1));
    assertThat(CheckpointingOptions.isCheckpointingEnabled(conf)).isTrue();
    conf.set(CoreOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
    assertThat(CheckpointingOptions.isCheckpointingEnabled(conf)).isFalse();
    assertThat(CheckpointingOptions.isCheckpointingEnabled(new Configuration())).isFalse();
  }

  @Test
  void theEnvironmentsCheckpointConfigWritesItsConfiguration() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    assertThat(env.getCheckpointConfig().isCheckpointingEnabled()).isFalse();
    env.enableCheckpointing(1_000, CheckpointingMode.AT_LEAST_ONCE);
    env.getCheckpointConfig().setMaxConcurrentCheckpoints(2);
    assertThat(env.getConfiguration().get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(1));
    assertThat(env.getConfiguration().get(CheckpointingOptions.CHECKPOINTING_MODE))
        .isEqualTo(CheckpointingMode.AT_LEAST_ONCE);
    assertThat(env.getConfiguration().get(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS)).isEqualTo(2);
    env.enableCheckpointing(2_000);
    assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(2_000);
    assertThatThrownBy(() -> env.enableCheckpointing(1)).hasMessageContaining("execution.checkpointing.interval");
  }

  @Test
  void configureAppliesAndValidatesConfigFileValues() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.configure(Configuration.fromMap(Map.of("execution.checkpointing.interval", "10 s",
        "execution.checkpointing.min-pause", "1 s")));
    assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(10_000);
    assertThat(env.getCheckpointConfig().getMinPauseBetweenCheckpoints()).isEqualTo(1_000);
    assertThatThrownBy(() -> env.configure(Configuration.fromMap(Map.of("execution.checkpointing.interval", "1 ms"))))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("execution.checkpointing.interval");
  }

  @Test
  void buildingAJobRejectsUnalignedCheckpointsInAtLeastOnceMode() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.enableCheckpointing(1_000, CheckpointingMode.AT_LEAST_ONCE);
    env.getCheckpointConfig().enableUnalignedCheckpoints();
    env.fromSequence(1, 3).discard();
    assertThatThrownBy(() -> env.getStreamGraph("job"))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("unaligned");
    env.getCheckpointConfig().setCheckpointingMode(CheckpointingMode.EXACTLY_ONCE);
    assertThat(env.getStreamGraph("job").configuration().get(CheckpointingOptions.ENABLE_UNALIGNED)).isTrue();
  }

  private static URI directoryOf(CheckpointConfig config) {
    assertThat(config.getCheckpointStorage()).isInstanceOf(io.spate.api.state.FileSystemCheckpointStorage.class);
    return ((io.spate.api.state.FileSystemCheckpointStorage) config.getCheckpointStorage()).getCheckpointDirectory();
  }
}
