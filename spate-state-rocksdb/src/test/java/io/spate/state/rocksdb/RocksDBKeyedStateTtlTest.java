package io.spate.state.rocksdb;

import io.spate.api.configuration.Configuration;
import io.spate.api.state.RocksDBOptions;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.CheckpointableKeyedStateBackend;
import io.spate.runtime.state.KeyedStateBackendParameters;
import io.spate.runtime.state.KeyedStateTtlContractTest;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The state time-to-live contract on RocksDB, opened as a plain RocksDB and as a TtlDB. */
class RocksDBKeyedStateTtlTest extends KeyedStateTtlContractTest {

  @TempDir
  Path localDir;

  Configuration configuration() {
    return new Configuration()
        .set(RocksDBOptions.MANAGED_MEMORY_SIZE, "32mb")
        .set(RocksDBOptions.LOCAL_DIRECTORY, localDir.toString());
  }

  @Override
  protected CheckpointableKeyedStateBackend<String> createBackend(LongSupplier clock, List<KeyedStateHandle> handles)
      throws Exception {
    return new RocksDBKeyedStateBackendFactory().create(new KeyedStateBackendParameters<>(Types.STRING, 128,
        new KeyGroupRange(0, 127), configuration(), "rocksdb ttl test", clock, handles, getClass().getClassLoader()));
  }

  /** The same contract with the database opened as a TtlDB for compaction-time cleanup. */
  @Nested
  class OpenedAsTtlDb extends KeyedStateTtlContractTest {

    @Override
    protected CheckpointableKeyedStateBackend<String> createBackend(LongSupplier clock, List<KeyedStateHandle> handles)
        throws Exception {
      Configuration conf = configuration().set(RocksDBOptions.TTL_COMPACTION_FILTER, true);
      return new RocksDBKeyedStateBackendFactory().create(new KeyedStateBackendParameters<>(Types.STRING, 128,
          new KeyGroupRange(0, 127), conf, "rocksdb ttldb ttl test", clock, handles, getClass().getClassLoader()));
    }
  }
}
