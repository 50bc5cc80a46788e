package io.spate.state.rocksdb;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.StateBackendOptions;
import io.spate.runtime.state.KeyedSnapshotRestoreProperties;
import io.spate.runtime.state.KeyedStateBackend;
import io.spate.runtime.state.KeyedStateBackendParameters;
import io.spate.runtime.state.heap.HeapKeyedStateBackend;
import java.nio.file.Path;

/** Snapshots taken on either the heap or RocksDB, restored on either, against the model. */
class RocksDBKeyedSnapshotRestoreProperties extends KeyedSnapshotRestoreProperties {

  @Override
  protected int backendKinds() {
    return 2;
  }

  @Override
  protected KeyedStateBackend<String> create(int kind, KeyedStateBackendParameters<String> p) throws Exception {
    if (kind == 0) {
      return new HeapKeyedStateBackend<>(p);
    }
    Configuration conf = new Configuration()
        .set(StateBackendOptions.ROCKSDB_MANAGED_MEMORY, "16mb")
        .set(StateBackendOptions.ROCKSDB_LOCAL_DIR, Path.of(System.getProperty("java.io.tmpdir"), "rocksdb-snapshot-model").toString());
    return new RocksDBKeyedStateBackendFactory().create(new KeyedStateBackendParameters<>(p.keyType(), p.maxParallelism(),
        p.keyGroupRange(), conf, p.owner(), p.clock(), p.restoreState(), p.userClassLoader()));
  }
}
