package io.spate.state.rocksdb;

import io.spate.api.functions.AggregateFunction;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.AggregatingState;
import io.spate.api.state.StateTtlConfig;
import io.spate.api.operators.state.InternalMergingState;
import java.util.Collection;
import org.rocksdb.ColumnFamilyHandle;

/** {@link AggregatingState} in RocksDB with a time to live on the accumulator. */
final class RocksDBTtlAggregatingState<K, N, IN, ACC, OUT> extends AbstractRocksDBTtlSingleValueState<K, N, ACC>
    implements AggregatingState<IN, OUT>, InternalMergingState<N> {

  private final AggregateFunction<IN, ACC, OUT> function;

  RocksDBTtlAggregatingState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column, String name,
      TypeSerializer<ACC> serializer, AggregateFunction<IN, ACC, OUT> function, StateTtlConfig ttl) {
    super(backend, column, name, serializer, ttl);
    this.function = function;
  }

  @Override
  public OUT get() {
    ACC accumulator = read(now());
    return accumulator == null ? null : function.getResult(accumulator);
  }

  @Override
  public void add(IN value) {
    long now = now();
    ACC accumulator = currentForUpdate(namespace, now);
    if (accumulator == null) {
      accumulator = function.createAccumulator();
    }
    write(namespace, function.add(value, accumulator), now);
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) {
    long now = now();
    ACC merged = null;
    for (N source : sources) {
      ACC accumulator = removeForMerge(source, now);
      if (accumulator != null) {
        merged = merged == null ? accumulator : function.merge(merged, accumulator);
      }
    }
    if (merged != null) {
      ACC existing = currentForUpdate(target, now);
      write(target, existing == null ? merged : function.merge(existing, merged), now);
    }
  }
}
