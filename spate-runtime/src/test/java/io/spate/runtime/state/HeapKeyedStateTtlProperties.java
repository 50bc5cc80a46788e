package io.spate.runtime.state;

import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.state.heap.HeapKeyedStateBackend;
import java.util.function.LongSupplier;

/** Heap TTL state against the model. */
class HeapKeyedStateTtlProperties extends KeyedStateTtlModelProperties {

  @Override
  protected CheckpointableKeyedStateBackend<Integer> createBackend(LongSupplier clock) {
    return new HeapKeyedStateBackend<>(Types.INT, 128, new KeyGroupRange(0, 127), clock);
  }
}
