package io.spate.runtime.state.heap;

import io.spate.runtime.state.KeyGroupRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The values of one heap state: per key group, per namespace, per key. Grouping by key group first
 * is what lets a snapshot be written, and later restored, one key group at a time.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 * @param <V> the value type
 */
final class StateTable<K, N, V> {

  private final KeyGroupRange range;
  private final List<Map<N, Map<K, V>>> byKeyGroup;

  StateTable(KeyGroupRange range) {
    this.range = range;
    this.byKeyGroup = new ArrayList<>(range.size());
    for (int i = 0; i < range.size(); i++) {
      byKeyGroup.add(new HashMap<>(4));
    }
  }

  V get(int keyGroup, K key, N namespace) {
    Map<K, V> values = byKeyGroup.get(index(keyGroup)).get(namespace);
    return values == null ? null : values.get(key);
  }

  void put(int keyGroup, K key, N namespace, V value) {
    byKeyGroup.get(index(keyGroup)).computeIfAbsent(namespace, n -> new HashMap<>()).put(key, value);
  }

  V remove(int keyGroup, K key, N namespace) {
    Map<N, Map<K, V>> namespaces = byKeyGroup.get(index(keyGroup));
    Map<K, V> values = namespaces.get(namespace);
    if (values == null) {
      return null;
    }
    V removed = values.remove(key);
    if (values.isEmpty()) {
      namespaces.remove(namespace);
    }
    return removed;
  }

  /** The keys with a value under {@code namespace}, copied so that callers may change the table. */
  Stream<K> keys(N namespace) {
    List<K> keys = new ArrayList<>();
    for (Map<N, Map<K, V>> namespaces : byKeyGroup) {
      Map<K, V> values = namespaces.get(namespace);
      if (values != null) {
        keys.addAll(values.keySet());
      }
    }
    return keys.stream();
  }

  KeyGroupRange range() {
    return range;
  }

  /** The namespaces and values of the {@code index}-th key group of the range. */
  Map<N, Map<K, V>> keyGroupAt(int index) {
    return byKeyGroup.get(index);
  }

  long size() {
    long size = 0;
    for (Map<N, Map<K, V>> namespaces : byKeyGroup) {
      for (Map<K, V> values : namespaces.values()) {
        size += values.size();
      }
    }
    return size;
  }

  private int index(int keyGroup) {
    int index = keyGroup - range.startKeyGroup();
    if (index < 0 || index >= byKeyGroup.size()) {
      throw new IllegalStateException("Key group " + keyGroup + " is not in this subtask's key groups "
          + range.startKeyGroup() + ".." + range.endKeyGroup()
          + ": a key's hash changed between keyBy and state access (is the key mutable?)");
    }
    return index;
  }
}
