package io.spate.state.rocksdb;

import io.spate.api.functions.AggregateFunction;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.AggregatingState;
import io.spate.api.operators.state.InternalMergingState;
import java.util.Collection;
import org.rocksdb.ColumnFamilyHandle;

/** {@link AggregatingState} in RocksDB: stores the serialized accumulator, with the recent ones cached as objects. */
final class RocksDBAggregatingState<K, N, IN, ACC, OUT> extends AbstractRocksDBCachedState<K, N, ACC>
    implements AggregatingState<IN, OUT>, InternalMergingState<N> {

  private final AggregateFunction<IN, ACC, OUT> function;

  RocksDBAggregatingState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column, String name,
      TypeSerializer<ACC> serializer, AggregateFunction<IN, ACC, OUT> function, int cacheEntries) {
    super(backend, column, name, serializer, cacheEntries);
    this.function = function;
  }

  @Override
  public OUT get() {
    ACC accumulator = read(namespace);
    // the result must not share objects with the cached accumulator, which later records change
    return accumulator == null ? null : function.getResult(copyForUser(accumulator));
  }

  @Override
  public void add(IN value) {
    WriteBackCache.Entry<ACC> entry = entry(namespace);
    ACC accumulator = entry.value == null ? function.createAccumulator() : entry.value;
    write(entry, function.add(value, accumulator));
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) {
    ACC merged = null;
    for (N source : sources) {
      WriteBackCache.Entry<ACC> entry = entry(source);
      ACC accumulator = entry.value;
      remove(entry);
      if (accumulator != null) {
        merged = merged == null ? accumulator : function.merge(merged, accumulator);
      }
    }
    if (merged != null) {
      WriteBackCache.Entry<ACC> entry = entry(target);
      write(entry, entry.value == null ? merged : function.merge(entry.value, merged));
    }
  }
}
