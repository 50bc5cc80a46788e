package io.spate.runtime.state.heap;

import io.spate.api.functions.AggregateFunction;
import io.spate.api.state.AggregatingState;
import io.spate.api.operators.state.InternalMergingState;
import java.util.Collection;

/** {@link AggregatingState} on the heap: stores the accumulator. */
final class HeapAggregatingState<K, N, IN, ACC, OUT> extends AbstractHeapState<K, N, ACC>
    implements AggregatingState<IN, OUT>, InternalMergingState<N> {

  private final AggregateFunction<IN, ACC, OUT> function;

  HeapAggregatingState(String name, AggregateFunction<IN, ACC, OUT> function, HeapKeyedStateBackend<K> backend) {
    super(name, backend);
    this.function = function;
  }

  @Override
  public OUT get() {
    // getResult only reads the accumulator, so a snapshot that still holds it can share it: copying
    // it first (as a change would need) cost q16 its large accumulators at every window it fired
    // during a checkpoint.
    ACC accumulator = peekInternal();
    return accumulator == null ? null : function.getResult(accumulator);
  }

  @Override
  public void add(IN value) {
    ACC accumulator = getInternal();
    boolean isNew = accumulator == null;
    if (isNew) {
      accumulator = function.createAccumulator();
    }
    ACC updated = function.add(value, accumulator);
    if (isNew || updated != accumulator) {
      putInternal(updated);
    }
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) {
    ACC merged = null;
    for (N source : sources) {
      ACC accumulator = removeInternal(source);
      if (accumulator != null) {
        merged = merged == null ? accumulator : function.merge(merged, accumulator);
      }
    }
    if (merged != null) {
      ACC existing = getInternal(target);
      putInternal(target, existing == null ? merged : function.merge(existing, merged));
    }
  }
}
