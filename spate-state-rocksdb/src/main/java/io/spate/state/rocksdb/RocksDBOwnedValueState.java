package io.spate.state.rocksdb;

import io.spate.api.state.ValueState;
import io.spate.api.operators.state.OwnedValueStateDescriptor;
import io.spate.runtime.state.serialization.StateSerializers;
import org.rocksdb.ColumnFamilyHandle;

/**
 * {@link ValueState} in RocksDB for values only the engine uses ({@link OwnedValueStateDescriptor}),
 * with the recent ones cached as objects: a read returns the cached object, not a copy.
 */
final class RocksDBOwnedValueState<K, N, V> extends AbstractRocksDBCachedState<K, N, V> implements ValueState<V> {

  RocksDBOwnedValueState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column,
      OwnedValueStateDescriptor<V> descriptor, int cacheEntries) {
    super(backend, column, descriptor.getName(), StateSerializers.forDescriptor(descriptor), cacheEntries);
  }

  @Override
  public V value() {
    return read(namespace);
  }

  @Override
  public void update(V value) {
    if (value == null) {
      clear();
    } else {
      write(entry(namespace), value);
    }
  }
}
