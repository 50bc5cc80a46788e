package io.spate.runtime.state.heap;

import io.spate.api.state.HashMapStateBackend;
import io.spate.runtime.state.CheckpointableKeyedStateBackend;
import io.spate.runtime.state.KeyedStateBackendFactory;
import io.spate.runtime.state.KeyedStateBackendParameters;

/** Creates {@link HeapKeyedStateBackend}s; built in, under the name {@code hashmap}. */
public final class HeapKeyedStateBackendFactory implements KeyedStateBackendFactory {

  @Override
  public String name() {
    return HashMapStateBackend.NAME;
  }

  @Override
  public <K> CheckpointableKeyedStateBackend<K> create(KeyedStateBackendParameters<K> parameters) {
    return new HeapKeyedStateBackend<>(parameters);
  }
}
