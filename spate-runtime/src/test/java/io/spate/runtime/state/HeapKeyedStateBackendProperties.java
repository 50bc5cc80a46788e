package io.spate.runtime.state;

import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.runtime.state.heap.HeapKeyedStateBackend;

/** The heap backend against the in-memory model. */
class HeapKeyedStateBackendProperties extends KeyedStateBackendModelProperties {

  @Override
  protected <K> CheckpointableKeyedStateBackend<K> createBackend(TypeInformation<K> keyType, int maxParallelism, KeyGroupRange range) {
    return new HeapKeyedStateBackend<>(keyType, maxParallelism, range);
  }
}
