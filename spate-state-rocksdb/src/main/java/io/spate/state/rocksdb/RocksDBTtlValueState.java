package io.spate.state.rocksdb;

import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.runtime.state.serialization.StateSerializers;
import org.rocksdb.ColumnFamilyHandle;

/** {@link ValueState} in RocksDB with a time to live. */
final class RocksDBTtlValueState<K, N, V> extends AbstractRocksDBTtlSingleValueState<K, N, V> implements ValueState<V> {

  private final V defaultValue;

  RocksDBTtlValueState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column, ValueStateDescriptor<V> descriptor) {
    super(backend, column, descriptor.getName(), StateSerializers.forDescriptor(descriptor), descriptor.getTtlConfig());
    this.defaultValue = descriptor.getDefaultValue();
  }

  @Override
  public V value() {
    V value = read(now());
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
      write(namespace, value, now());
    }
  }
}
