package io.spate.state.rocksdb;

import io.spate.api.configuration.Configuration;
import io.spate.api.state.RocksDBOptions;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.CheckpointableKeyedStateBackend;
import io.spate.runtime.state.KeyedStateBackendParameters;
import io.spate.runtime.state.KeyedStateTtlModelProperties;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Timeout;

/**
 * RocksDB TTL state against the model. A few hundred runs each open a database: about 20 s alone, but
 * several times that on a loaded machine, so the limit is above the module default of 90 s.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RocksDBKeyedStateTtlProperties extends KeyedStateTtlModelProperties {

  @Override
  protected CheckpointableKeyedStateBackend<Integer> createBackend(LongSupplier clock) throws Exception {
    Configuration conf = new Configuration()
        .set(RocksDBOptions.MANAGED_MEMORY_SIZE, "16mb")
        .set(RocksDBOptions.LOCAL_DIRECTORY,
            Path.of(System.getProperty("java.io.tmpdir"), "rocksdb-ttl-model").toString());
    return new RocksDBKeyedStateBackendFactory().create(new KeyedStateBackendParameters<>(Types.INT, 128,
        new KeyGroupRange(0, 127), conf, "ttl model test", clock));
  }
}
