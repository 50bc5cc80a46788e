package io.spate.state.rocksdb;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.StateBackendOptions;
import io.spate.api.state.RocksDBOptions;
import io.spate.runtime.checkpoint.storage.FsCheckpointStreamFactory;
import io.spate.runtime.state.KeyedSnapshotRestoreProperties;
import io.spate.runtime.state.CheckpointableKeyedStateBackend;
import io.spate.runtime.state.KeyedStateBackendParameters;
import io.spate.runtime.state.heap.HeapKeyedStateBackend;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;

/**
 * Snapshots taken on the heap, on RocksDB in full, on RocksDB incrementally (in files with a shared
 * scope), or on RocksDB in full with a write-back cache of two values per state, restored on any of
 * them at any parallelism, against the model.
 */
class RocksDBKeyedSnapshotRestoreProperties extends KeyedSnapshotRestoreProperties {

  private static final int HEAP = 0;
  private static final int INCREMENTAL = 2;
  private static final int TINY_CACHE = 3;
  private static final Path CHECKPOINTS =
      Path.of(System.getProperty("java.io.tmpdir"), "rocksdb-incremental-model-" + UUID.randomUUID());

  @Override
  protected int backendKinds() {
    return 4;
  }

  @Override
  protected CheckpointableKeyedStateBackend<String> create(int kind, KeyedStateBackendParameters<String> p) throws Exception {
    if (kind == HEAP) {
      return new HeapKeyedStateBackend<>(p);
    }
    Configuration conf = new Configuration()
        .set(RocksDBOptions.MANAGED_MEMORY_SIZE, "16mb")
        .set(RocksDBOptions.LOCAL_DIRECTORY, Path.of(System.getProperty("java.io.tmpdir"), "rocksdb-snapshot-model").toString())
        .set(StateBackendOptions.INCREMENTAL_CHECKPOINTS, kind == INCREMENTAL)
        .set(RocksDBOptions.WRITE_BACK_CACHE_ENTRIES,
            kind == TINY_CACHE ? 2 : RocksDBOptions.WRITE_BACK_CACHE_ENTRIES.defaultValue());
    return new RocksDBKeyedStateBackendFactory().create(new KeyedStateBackendParameters<>(p.keyType(), p.maxParallelism(),
        p.keyGroupRange(), conf, p.owner(), p.clock(), p.restoreState(), p.userClassLoader()));
  }

  @Override
  protected CheckpointStreamFactory streams(int kind, long checkpointId) throws Exception {
    if (kind != INCREMENTAL) {
      return super.streams(kind, checkpointId);
    }
    Path job = CHECKPOINTS.resolve(UUID.randomUUID().toString());
    Path chk = Files.createDirectories(job.resolve("chk-" + checkpointId));
    return new FsCheckpointStreamFactory(chk, job.resolve("shared"), 64);
  }

  @Override
  protected boolean restores(int sourceKind, int targetKind) {
    return sourceKind != INCREMENTAL || targetKind != HEAP; // the heap backend refuses incremental snapshots
  }

  @AfterAll
  static void deleteCheckpoints() {
    RocksDBKeyedStateBackend.deleteDirectory(CHECKPOINTS);
  }
}
