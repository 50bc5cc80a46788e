package io.spate.runtime.state;

import io.spate.api.typeinfo.TypeInformation;
import io.spate.runtime.state.heap.HeapKeyedStateBackend;

/** The keyed-state contract on the heap backend. */
class HeapKeyedStateBackendTest extends KeyedStateBackendContractTest {

  @Override
  protected <K> KeyedStateBackend<K> createBackend(TypeInformation<K> keyType, int maxParallelism, KeyGroupRange range) {
    return new HeapKeyedStateBackend<>(keyType, maxParallelism, range);
  }

  @Override
  protected boolean readsReturnCopies() {
    return false;
  }
}
