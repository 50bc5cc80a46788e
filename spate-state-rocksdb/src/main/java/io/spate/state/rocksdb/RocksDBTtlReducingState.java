package io.spate.state.rocksdb;

import io.spate.api.functions.ReduceFunction;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.ReducingState;
import io.spate.api.state.StateTtlConfig;
import io.spate.api.operators.state.InternalMergingState;
import java.util.Collection;
import org.rocksdb.ColumnFamilyHandle;

/** {@link ReducingState} in RocksDB with a time to live on the reduced value. */
final class RocksDBTtlReducingState<K, N, V> extends AbstractRocksDBTtlSingleValueState<K, N, V>
    implements ReducingState<V>, InternalMergingState<N> {

  private final ReduceFunction<V> reduceFunction;

  RocksDBTtlReducingState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column, String name,
      TypeSerializer<V> serializer, ReduceFunction<V> reduceFunction, StateTtlConfig ttl) {
    super(backend, column, name, serializer, ttl);
    this.reduceFunction = reduceFunction;
  }

  @Override
  public V get() {
    return read(now());
  }

  @Override
  public void add(V value) throws Exception {
    if (value == null) {
      throw new NullPointerException("Reducing state '" + name() + "' cannot add null.");
    }
    long now = now();
    V current = currentForUpdate(namespace, now);
    write(namespace, current == null ? value : reduceFunction.reduce(current, value), now);
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
    long now = now();
    V merged = null;
    for (N source : sources) {
      V value = removeForMerge(source, now);
      if (value != null) {
        merged = merged == null ? value : reduceFunction.reduce(merged, value);
      }
    }
    if (merged != null) {
      V existing = currentForUpdate(target, now);
      write(target, existing == null ? merged : reduceFunction.reduce(existing, merged), now);
    }
  }
}
