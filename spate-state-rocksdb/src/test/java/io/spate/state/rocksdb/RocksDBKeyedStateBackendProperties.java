package io.spate.state.rocksdb;

import io.spate.api.configuration.Configuration;
import io.spate.api.state.RocksDBOptions;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.CheckpointableKeyedStateBackend;
import io.spate.runtime.state.KeyedStateBackendModelProperties;
import io.spate.runtime.state.KeyedStateBackendParameters;
import java.nio.file.Path;

/** The RocksDB backend against the in-memory model, with the default write-back cache. */
class RocksDBKeyedStateBackendProperties extends KeyedStateBackendModelProperties {

  /** Values cached per aggregating or reducing state. */
  int writeBackCacheEntries() {
    return RocksDBOptions.WRITE_BACK_CACHE_ENTRIES.defaultValue();
  }

  @Override
  protected <K> CheckpointableKeyedStateBackend<K> createBackend(TypeInformation<K> keyType, int maxParallelism, KeyGroupRange range)
      throws Exception {
    Configuration conf = new Configuration()
        .set(RocksDBOptions.MANAGED_MEMORY_SIZE, "16mb")
        .set(RocksDBOptions.WRITE_BACK_CACHE_ENTRIES, writeBackCacheEntries())
        .set(RocksDBOptions.LOCAL_DIRECTORY, Path.of(System.getProperty("java.io.tmpdir"), "rocksdb-model").toString());
    return new RocksDBKeyedStateBackendFactory()
        .create(new KeyedStateBackendParameters<>(keyType, maxParallelism, range, conf, "model test", System::currentTimeMillis));
  }
}
