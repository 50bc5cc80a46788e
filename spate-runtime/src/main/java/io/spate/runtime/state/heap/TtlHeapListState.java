package io.spate.runtime.state.heap;

import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.operators.state.InternalMergingState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** {@link ListState} on the heap with a time to live per element. */
final class TtlHeapListState<K, N, V> extends AbstractTtlHeapState<K, N, ArrayList<TtlValue<V>>>
    implements ListState<V>, InternalMergingState<N> {

  TtlHeapListState(ListStateDescriptor<V> descriptor, HeapKeyedStateBackend<K> backend) {
    super(descriptor.getName(), descriptor.getTtlConfig(), backend);
  }

  @Override
  public Iterable<V> get() {
    long now = access();
    ArrayList<TtlValue<V>> list = getInternal();
    if (list == null) {
      return Collections.emptyList();
    }
    // A copy of the visible elements: the stored list holds TtlValues, and loses its expired ones here.
    ArrayList<V> result = new ArrayList<>(list.size());
    int kept = 0;
    int size = list.size();
    for (int i = 0; i < size; i++) {
      TtlValue<V> element = list.get(i);
      if (expired(element, now)) {
        if (returnExpired) {
          result.add(element.value);
        }
      } else {
        if (updateOnRead) {
          element.lastAccess = now;
        }
        result.add(element.value);
        list.set(kept++, element);
      }
    }
    if (kept == 0) {
      deleteInternal(namespace);
    } else if (kept < size) {
      list.subList(kept, size).clear();
    }
    return result;
  }

  @Override
  public void add(V value) {
    checkElement(value);
    long now = access();
    listForWrite(namespace).add(new TtlValue<>(value, now));
  }

  @Override
  public void update(List<V> values) {
    if (values == null || values.isEmpty()) {
      clear();
      return;
    }
    for (V value : values) {
      checkElement(value);
    }
    long now = access();
    ArrayList<TtlValue<V>> list = listForWrite(namespace);
    list.clear();
    append(list, values, now);
  }

  @Override
  public void addAll(List<V> values) {
    if (values == null || values.isEmpty()) {
      return;
    }
    for (V value : values) {
      checkElement(value);
    }
    long now = access();
    append(listForWrite(namespace), values, now);
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) {
    access();
    ArrayList<TtlValue<V>> merged = null;
    for (N source : sources) {
      ArrayList<TtlValue<V>> list = removeInternal(source);
      if (list != null) {
        if (merged == null) {
          merged = list;
        } else {
          merged.addAll(list); // elements keep their own last-access times
        }
      }
    }
    if (merged != null) {
      ArrayList<TtlValue<V>> existing = getInternal(target);
      if (existing != null) {
        existing.addAll(merged);
      } else {
        putInternal(target, merged);
        track(target);
      }
    }
  }

  @Override
  boolean purgeExpired(ArrayList<TtlValue<V>> list, long now) {
    removeExpired(list, now);
    return !list.isEmpty();
  }

  private ArrayList<TtlValue<V>> listForWrite(N ns) {
    ArrayList<TtlValue<V>> list = getInternal(ns);
    if (list == null) {
      list = new ArrayList<>();
      putInternal(ns, list);
      track(ns);
    }
    return list;
  }

  private static <V> void append(ArrayList<TtlValue<V>> list, List<V> values, long now) {
    list.ensureCapacity(list.size() + values.size());
    for (V value : values) {
      list.add(new TtlValue<>(value, now));
    }
  }

  private void checkElement(V value) {
    if (value == null) {
      throw new NullPointerException("List state '" + name() + "' cannot hold null elements.");
    }
  }
}
