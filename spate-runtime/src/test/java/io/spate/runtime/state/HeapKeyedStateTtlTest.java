package io.spate.runtime.state;

import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.api.configuration.Configuration;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.state.heap.HeapKeyedStateBackend;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import java.util.List;
import java.util.function.LongSupplier;

/** The state time-to-live contract on the heap backend. */
class HeapKeyedStateTtlTest extends KeyedStateTtlContractTest {

  @Override
  protected CheckpointableKeyedStateBackend<String> createBackend(LongSupplier clock, List<KeyedStateHandle> handles) {
    return new HeapKeyedStateBackend<>(new KeyedStateBackendParameters<>(Types.STRING, 128, new KeyGroupRange(0, 127),
        new Configuration(), "heap ttl test", clock, handles, getClass().getClassLoader()));
  }
}
