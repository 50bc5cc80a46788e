package io.spate.state.rocksdb;

import io.spate.api.functions.ReduceFunction;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.ReducingState;
import io.spate.api.operators.state.InternalMergingState;
import java.util.Collection;
import org.rocksdb.ColumnFamilyHandle;

/** {@link ReducingState} in RocksDB: read, reduce, write, with the recent values cached as objects. */
final class RocksDBReducingState<K, N, V> extends AbstractRocksDBCachedState<K, N, V>
    implements ReducingState<V>, InternalMergingState<N> {

  private final ReduceFunction<V> reduceFunction;

  RocksDBReducingState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column, String name,
      TypeSerializer<V> serializer, ReduceFunction<V> reduceFunction, int cacheEntries) {
    super(backend, column, name, serializer, cacheEntries);
    this.reduceFunction = reduceFunction;
  }

  @Override
  public V get() {
    return copyForUser(read(namespace));
  }

  @Override
  public void add(V value) throws Exception {
    if (value == null) {
      throw new NullPointerException("Reducing state '" + name() + "' cannot add null.");
    }
    WriteBackCache.Entry<V> entry = entry(namespace);
    write(entry, entry.value == null ? value : reduceFunction.reduce(entry.value, value));
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
    V merged = null;
    for (N source : sources) {
      WriteBackCache.Entry<V> entry = entry(source);
      V value = entry.value;
      remove(entry);
      if (value != null) {
        merged = merged == null ? value : reduceFunction.reduce(merged, value);
      }
    }
    if (merged != null) {
      WriteBackCache.Entry<V> entry = entry(target);
      write(entry, entry.value == null ? merged : reduceFunction.reduce(entry.value, merged));
    }
  }
}
