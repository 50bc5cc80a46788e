package io.spate.runtime.state.heap;

import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;

/** {@link ValueState} on the heap with a time to live. */
final class TtlHeapValueState<K, N, V> extends AbstractTtlHeapSingleValueState<K, N, V> implements ValueState<V> {

  private final ValueStateDescriptor<V> descriptor;
  private TypeSerializer<V> defaultCopier;

  TtlHeapValueState(ValueStateDescriptor<V> descriptor, HeapKeyedStateBackend<K> backend) {
    super(descriptor.getName(), descriptor.getTtlConfig(), backend);
    this.descriptor = descriptor;
  }

  @Override
  public V value() {
    V value = read(access());
    if (value != null) {
      return value;
    }
    V defaultValue = descriptor.getDefaultValue();
    if (defaultValue == null) {
      return null;
    }
    if (defaultCopier == null) {
      defaultCopier = descriptor.isSerializerInitialized()
          ? descriptor.getSerializer() : descriptor.getTypeInformation().createSerializer();
    }
    return defaultCopier.copy(defaultValue);
  }

  @Override
  public void update(V value) {
    long now = access();
    if (value == null) {
      deleteInternal(namespace);
    } else {
      write(namespace, value, now);
    }
  }
}
