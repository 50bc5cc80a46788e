package io.spate.runtime.state.heap;

import io.spate.api.state.ListState;
import io.spate.api.operators.state.InternalMergingState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** {@link ListState} on the heap; reading an empty list gives an empty iterable. */
final class HeapListState<K, N, V> extends AbstractHeapState<K, N, ArrayList<V>>
    implements ListState<V>, InternalMergingState<N> {

  HeapListState(String name, HeapKeyedStateBackend<K> backend) {
    super(name, backend);
  }

  @Override
  public Iterable<V> get() {
    ArrayList<V> list = getInternal();
    return list == null ? Collections.emptyList() : list;
  }

  @Override
  public void add(V value) {
    checkElement(value);
    ArrayList<V> list = getInternal();
    if (list == null) {
      list = new ArrayList<>();
      putInternal(list);
    }
    list.add(value);
  }

  @Override
  public void update(List<V> values) {
    if (values == null || values.isEmpty()) {
      clear();
      return;
    }
    ArrayList<V> list = new ArrayList<>(values.size());
    for (V value : values) {
      checkElement(value);
      list.add(value);
    }
    putInternal(list);
  }

  @Override
  public void addAll(List<V> values) {
    if (values == null || values.isEmpty()) {
      return;
    }
    for (V value : values) {
      checkElement(value);
    }
    ArrayList<V> list = getInternal();
    if (list == null) {
      putInternal(new ArrayList<>(values));
    } else {
      list.addAll(values);
    }
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) {
    ArrayList<V> merged = null;
    for (N source : sources) {
      ArrayList<V> list = removeInternal(source);
      if (list != null) {
        if (merged == null) {
          merged = list;
        } else {
          merged.addAll(list);
        }
      }
    }
    if (merged != null) {
      ArrayList<V> existing = getInternal(target);
      if (existing != null) {
        existing.addAll(merged);
      } else {
        putInternal(target, merged);
      }
    }
  }

  private void checkElement(V value) {
    if (value == null) {
      throw new NullPointerException("List state '" + name() + "' cannot hold null elements.");
    }
  }
}
