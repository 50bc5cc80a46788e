package io.spate.state.rocksdb;

import io.spate.api.functions.AggregateFunction;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.AggregatingState;
import io.spate.runtime.state.InternalMergingState;
import java.util.Collection;
import org.rocksdb.ColumnFamilyHandle;

/** {@link AggregatingState} in RocksDB: stores the serialized accumulator. */
final class RocksDBAggregatingState<K, N, IN, ACC, OUT> extends AbstractRocksDBState<K, N, ACC>
    implements AggregatingState<IN, OUT>, InternalMergingState<N> {

  private final AggregateFunction<IN, ACC, OUT> function;

  RocksDBAggregatingState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column, String name,
      TypeSerializer<ACC> serializer, AggregateFunction<IN, ACC, OUT> function) {
    super(backend, column, name, serializer);
    this.function = function;
  }

  @Override
  public OUT get() {
    ACC accumulator = getValue(namespace);
    return accumulator == null ? null : function.getResult(accumulator);
  }

  @Override
  public void add(IN value) {
    ACC accumulator = getValue(namespace);
    if (accumulator == null) {
      accumulator = function.createAccumulator();
    }
    putValue(namespace, function.add(value, accumulator));
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) {
    ACC merged = null;
    for (N source : sources) {
      ACC accumulator = getValue(source);
      if (accumulator != null) {
        deleteRow(source);
        merged = merged == null ? accumulator : function.merge(merged, accumulator);
      }
    }
    if (merged != null) {
      ACC existing = getValue(target);
      putValue(target, existing == null ? merged : function.merge(existing, merged));
    }
  }
}
