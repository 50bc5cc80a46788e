package io.spate.state.rocksdb;

import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.runtime.state.serialization.StateSerializers;
import org.rocksdb.ColumnFamilyHandle;

/** {@link ValueState} in RocksDB. */
final class RocksDBValueState<K, N, V> extends AbstractRocksDBState<K, N, V> implements ValueState<V> {

  private final V defaultValue;

  RocksDBValueState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column, ValueStateDescriptor<V> descriptor) {
    super(backend, column, descriptor.getName(), StateSerializers.forDescriptor(descriptor));
    this.defaultValue = descriptor.getDefaultValue();
  }

  @Override
  public V value() {
    V value = getValue(namespace);
    if (value != null || defaultValue == null) {
      return value;
    }
    return valueSerializer.copy(defaultValue);
  }

  @Override
  public void update(V value) {
    if (value == null) {
      clear();
    } else {
      putValue(namespace, value);
    }
  }
}
