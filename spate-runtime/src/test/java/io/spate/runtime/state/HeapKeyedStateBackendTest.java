package io.spate.runtime.state;

import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.runtime.state.heap.HeapKeyedStateBackend;

/** The keyed-state contract on the heap backend. */
class HeapKeyedStateBackendTest extends KeyedStateBackendContractTest {

  @Override
  protected <K> CheckpointableKeyedStateBackend<K> createBackend(TypeInformation<K> keyType, int maxParallelism, KeyGroupRange range) {
    return new HeapKeyedStateBackend<>(keyType, maxParallelism, range);
  }

  @Override
  protected <K> CheckpointableKeyedStateBackend<K> restoreBackend(TypeInformation<K> keyType, int maxParallelism,
      KeyGroupRange range, java.util.List<io.spate.runtime.state.snapshot.KeyedStateHandle> handles) {
    return new HeapKeyedStateBackend<>(new KeyedStateBackendParameters<>(keyType, maxParallelism, range,
        new io.spate.api.configuration.Configuration(), "test job/op (1/1)", System::currentTimeMillis, handles,
        getClass().getClassLoader()));
  }

  @Override
  protected boolean readsReturnCopies() {
    return false;
  }
}
