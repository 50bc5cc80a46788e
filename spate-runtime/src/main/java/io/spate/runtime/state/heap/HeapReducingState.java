package io.spate.runtime.state.heap;

import io.spate.api.functions.ReduceFunction;
import io.spate.api.state.ReducingState;
import io.spate.api.operators.state.InternalMergingState;
import java.util.Collection;

/** {@link ReducingState} on the heap. */
final class HeapReducingState<K, N, V> extends AbstractHeapState<K, N, V>
    implements ReducingState<V>, InternalMergingState<N> {

  private final ReduceFunction<V> reduceFunction;

  HeapReducingState(String name, ReduceFunction<V> reduceFunction, HeapKeyedStateBackend<K> backend) {
    super(name, backend);
    this.reduceFunction = reduceFunction;
  }

  @Override
  public V get() {
    return getInternal();
  }

  @Override
  public void add(V value) throws Exception {
    if (value == null) {
      throw new NullPointerException("Reducing state '" + name() + "' cannot add null.");
    }
    V current = getInternal();
    putInternal(current == null ? value : reduceFunction.reduce(current, value));
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
    V merged = null;
    for (N source : sources) {
      V value = removeInternal(source);
      if (value != null) {
        merged = merged == null ? value : reduceFunction.reduce(merged, value);
      }
    }
    if (merged != null) {
      V existing = getInternal(target);
      putInternal(target, existing == null ? merged : reduceFunction.reduce(existing, merged));
    }
  }
}
