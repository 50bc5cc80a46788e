package io.spate.runtime.state.heap;

import io.spate.api.functions.AggregateFunction;
import io.spate.api.state.AggregatingState;
import io.spate.api.state.StateTtlConfig;
import io.spate.api.operators.state.InternalMergingState;
import java.util.Collection;

/** {@link AggregatingState} on the heap with a time to live on the accumulator. */
final class TtlHeapAggregatingState<K, N, IN, ACC, OUT> extends AbstractTtlHeapSingleValueState<K, N, ACC>
    implements AggregatingState<IN, OUT>, InternalMergingState<N> {

  private final AggregateFunction<IN, ACC, OUT> function;

  TtlHeapAggregatingState(String name, StateTtlConfig ttlConfig, AggregateFunction<IN, ACC, OUT> function,
      HeapKeyedStateBackend<K> backend) {
    super(name, ttlConfig, backend);
    this.function = function;
  }

  @Override
  public OUT get() {
    ACC accumulator = read(access());
    return accumulator == null ? null : function.getResult(accumulator);
  }

  @Override
  public void add(IN value) {
    long now = access();
    ACC accumulator = currentForUpdate(namespace, now);
    if (accumulator == null) {
      accumulator = function.createAccumulator();
    }
    write(namespace, function.add(value, accumulator), now);
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) {
    long now = access();
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
