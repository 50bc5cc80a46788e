package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.state.FileSystemCheckpointStorage;
import io.spate.api.state.FsStateBackend;
import io.spate.api.state.HashMapStateBackend;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state backend and checkpoint storage names of older Flink programs configure heap state with
 * checkpoints in the directory they name: each checkpoints there and restores from it.
 */
@SuppressWarnings("deprecation")
class LegacyStateBackendNamesE2ETest {

  @Test
  void fsStateBackendWithAPathCheckpointsAndRestores(@TempDir Path dir) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment();
    env.setStateBackend(new FsStateBackend(dir.toString()));
    assertThat(env.getStateBackend()).isInstanceOf(HashMapStateBackend.class);
    assertThat(env.getConfiguration().get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo(dir.toUri().toString());
    BackendRecoveryJob.runAndCheck(env, "fs-path", dir);
  }

  @Test
  void fsStateBackendWithAUriCheckpointsAndRestores(@TempDir Path dir) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment();
    env.setStateBackend(new FsStateBackend(dir.toUri(), true));
    BackendRecoveryJob.runAndCheck(env, "fs-uri", dir);
  }

  @Test
  void fileSystemCheckpointStorageCheckpointsAndRestores(@TempDir Path dir) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment();
    env.setStateBackend(new HashMapStateBackend());
    env.getCheckpointConfig().setCheckpointStorage(new FileSystemCheckpointStorage(dir.toUri().toString()));
    BackendRecoveryJob.runAndCheck(env, "fs-storage", dir);
  }
}
