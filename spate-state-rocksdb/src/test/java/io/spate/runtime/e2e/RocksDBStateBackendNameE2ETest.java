package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.StateBackendOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.state.EmbeddedRocksDBStateBackend;
import io.spate.api.state.RocksDBOptions;
import io.spate.state.rocksdb.RocksDBStateBackend;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code RocksDBStateBackend}, the name older Flink programs set, puts keyed state in RocksDB and
 * checkpoints (full or incremental) into the directory it names: each checkpoints there and restores.
 */
@SuppressWarnings("deprecation")
class RocksDBStateBackendNameE2ETest {

  private static StreamExecutionEnvironment env(RocksDBStateBackend backend, Path workingDir) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment();
    backend.setDbStoragePath(workingDir.toString());
    env.setStateBackend(backend);
    assertThat(env.getStateBackend()).isInstanceOf(EmbeddedRocksDBStateBackend.class);
    assertThat(env.getConfiguration().get(RocksDBOptions.LOCAL_DIRECTORY)).isEqualTo(workingDir.toString());
    return env;
  }

  @Test
  void fullCheckpointsToTheNamedDirectoryRestore(@TempDir Path dir) throws Exception {
    Path checkpoints = dir.resolve("checkpoints");
    StreamExecutionEnvironment env = env(new RocksDBStateBackend(checkpoints.toUri().toString(), false),
        dir.resolve("rocksdb"));
    assertThat(env.getConfiguration().get(StateBackendOptions.INCREMENTAL_CHECKPOINTS)).isFalse();
    assertThat(env.getConfiguration().get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
        .isEqualTo(checkpoints.toUri().toString());
    BackendRecoveryJob.runAndCheck(env, "rocksdb-full", checkpoints);
  }

  @Test
  void incrementalCheckpointsToTheNamedDirectoryRestore(@TempDir Path dir) throws Exception {
    Path checkpoints = dir.resolve("checkpoints");
    RocksDBStateBackend backend = new RocksDBStateBackend(checkpoints.toString(), true);
    backend.setPriorityQueueStateType(RocksDBStateBackend.PriorityQueueStateType.HEAP);
    assertThat(backend.getPriorityQueueStateType()).isEqualTo(RocksDBStateBackend.PriorityQueueStateType.HEAP);
    StreamExecutionEnvironment env = env(backend, dir.resolve("rocksdb"));
    assertThat(env.getConfiguration().get(RocksDBOptions.TIMER_SERVICE_FACTORY))
        .isEqualTo(EmbeddedRocksDBStateBackend.PriorityQueueStateType.HEAP);
    assertThat(env.getConfiguration().get(StateBackendOptions.INCREMENTAL_CHECKPOINTS)).isTrue();
    BackendRecoveryJob.runAndCheck(env, "rocksdb-incremental", checkpoints);
  }
}
