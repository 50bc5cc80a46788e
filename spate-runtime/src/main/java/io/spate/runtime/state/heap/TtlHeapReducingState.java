package io.spate.runtime.state.heap;

import io.spate.api.functions.ReduceFunction;
import io.spate.api.state.ReducingState;
import io.spate.api.state.ReducingStateDescriptor;
import io.spate.api.operators.state.InternalMergingState;
import java.util.Collection;

/** {@link ReducingState} on the heap with a time to live on the reduced value. */
final class TtlHeapReducingState<K, N, V> extends AbstractTtlHeapSingleValueState<K, N, V>
    implements ReducingState<V>, InternalMergingState<N> {

  private final ReduceFunction<V> reduceFunction;

  TtlHeapReducingState(ReducingStateDescriptor<V> descriptor, HeapKeyedStateBackend<K> backend) {
    super(descriptor.getName(), descriptor.getTtlConfig(), backend);
    this.reduceFunction = descriptor.getReduceFunction();
  }

  @Override
  public V get() {
    return read(access());
  }

  @Override
  public void add(V value) throws Exception {
    if (value == null) {
      throw new NullPointerException("Reducing state '" + name() + "' cannot add null.");
    }
    long now = access();
    V current = currentForUpdate(namespace, now);
    write(namespace, current == null ? value : reduceFunction.reduce(current, value), now);
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
    long now = access();
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
