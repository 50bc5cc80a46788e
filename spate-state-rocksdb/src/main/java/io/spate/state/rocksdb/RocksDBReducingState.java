package io.spate.state.rocksdb;

import io.spate.api.functions.ReduceFunction;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.ReducingState;
import io.spate.runtime.state.InternalMergingState;
import java.util.Collection;
import org.rocksdb.ColumnFamilyHandle;

/** {@link ReducingState} in RocksDB: read, reduce, write. */
final class RocksDBReducingState<K, N, V> extends AbstractRocksDBState<K, N, V>
    implements ReducingState<V>, InternalMergingState<N> {

  private final ReduceFunction<V> reduceFunction;

  RocksDBReducingState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column, String name,
      TypeSerializer<V> serializer, ReduceFunction<V> reduceFunction) {
    super(backend, column, name, serializer);
    this.reduceFunction = reduceFunction;
  }

  @Override
  public V get() {
    return getValue(namespace);
  }

  @Override
  public void add(V value) throws Exception {
    if (value == null) {
      throw new NullPointerException("Reducing state '" + name() + "' cannot add null.");
    }
    V current = getValue(namespace);
    putValue(namespace, current == null ? value : reduceFunction.reduce(current, value));
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
    V merged = null;
    for (N source : sources) {
      V value = getValue(source);
      if (value != null) {
        deleteRow(source);
        merged = merged == null ? value : reduceFunction.reduce(merged, value);
      }
    }
    if (merged != null) {
      V existing = getValue(target);
      putValue(target, existing == null ? merged : reduceFunction.reduce(existing, merged));
    }
  }
}
