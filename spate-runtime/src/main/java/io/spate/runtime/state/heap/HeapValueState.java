package io.spate.runtime.state.heap;

import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;

/** {@link ValueState} on the heap. */
final class HeapValueState<K, N, V> extends AbstractHeapState<K, N, V> implements ValueState<V> {

  private final ValueStateDescriptor<V> descriptor;
  private TypeSerializer<V> defaultCopier;

  HeapValueState(ValueStateDescriptor<V> descriptor, HeapKeyedStateBackend<K> backend) {
    super(descriptor.getName(), backend);
    this.descriptor = descriptor;
  }

  @Override
  public V value() {
    V value = getInternal();
    if (value != null) {
      return value;
    }
    V defaultValue = descriptor.getDefaultValue();
    if (defaultValue == null) {
      return null;
    }
    // A copy, so that a function changing the default it was given does not change it for all keys.
    if (defaultCopier == null) {
      defaultCopier = descriptor.isSerializerInitialized()
          ? descriptor.getSerializer() : descriptor.getTypeInformation().createSerializer();
    }
    return defaultCopier.copy(defaultValue);
  }

  @Override
  public void update(V value) {
    if (value == null) {
      clear();
    } else {
      putInternal(value);
    }
  }
}
