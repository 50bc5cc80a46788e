package io.spate.runtime.state.heap;

import io.spate.runtime.state.keygroup.KeyGroupRange;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The values of one heap state: a {@link CopyOnWriteStateMap} per key group, by key and namespace.
 * Grouping by key group first is what lets a snapshot be written, and later restored, one key group
 * at a time; the maps' copy-on-write is what lets a snapshot take them without copying.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 * @param <V> the value type
 */
final class StateTable<K, N, V> {

  private final KeyGroupRange range;
  private final CopyOnWriteStateMap<K, N, V>[] byKeyGroup;

  @SuppressWarnings("unchecked")
  StateTable(KeyGroupRange range, SnapshotVersions versions, boolean tracksBirths) {
    this.range = range;
    this.byKeyGroup = new CopyOnWriteStateMap[range.size()];
    UnaryOperator<V> unset = value -> {
      throw new IllegalStateException("The heap state has no value copier yet");
    };
    for (int i = 0; i < byKeyGroup.length; i++) {
      byKeyGroup[i] = new CopyOnWriteStateMap<>(versions, tracksBirths, unset);
    }
  }

  /**
   * Sets how to copy a value that a running snapshot reads before the caller may change it: {@code
   * copier} returns its argument for immutable values, else an equal object sharing nothing mutable.
   */
  void copyValuesWith(UnaryOperator<V> copier) {
    for (CopyOnWriteStateMap<K, N, V> map : byKeyGroup) {
      map.copyValuesWith(copier);
    }
  }

  /** The value, which the caller may change in place, or null. */
  V get(int keyGroup, K key, N namespace) {
    return byKeyGroup[index(keyGroup)].get(key, namespace);
  }

  /** The value as stored, for reading only (see {@link CopyOnWriteStateMap#peek}). */
  V peek(int keyGroup, K key, N namespace) {
    return byKeyGroup[index(keyGroup)].peek(key, namespace);
  }

  /** Stores {@code value}, which the table owns from now. */
  void put(int keyGroup, K key, N namespace, V value) {
    byKeyGroup[index(keyGroup)].put(key, namespace, value);
  }

  /** Removes the value and returns it, which the caller may change in place; or null. */
  V remove(int keyGroup, K key, N namespace) {
    return byKeyGroup[index(keyGroup)].remove(key, namespace);
  }

  /** Removes the value without handing it out (see {@link CopyOnWriteStateMap#delete}); whether there was one. */
  boolean delete(int keyGroup, K key, N namespace) {
    return byKeyGroup[index(keyGroup)].delete(key, namespace);
  }

  /** Which value of the key and namespace the current one is (see {@link CopyOnWriteStateMap.Entry#birth}). */
  int birthOf(int keyGroup, K key, N namespace) {
    return byKeyGroup[index(keyGroup)].birthOf(key, namespace);
  }

  /** As {@link #get}, but null unless the current value is the one born as {@code birth}. */
  V getIfBorn(int keyGroup, K key, N namespace, int birth) {
    return byKeyGroup[index(keyGroup)].getIfBorn(key, namespace, birth);
  }

  /** The keys with a value under {@code namespace}, copied so that callers may change the table. */
  Stream<K> keys(N namespace) {
    List<K> keys = new ArrayList<>();
    for (CopyOnWriteStateMap<K, N, V> map : byKeyGroup) {
      map.forEachLive(e -> {
        if (namespace.equals(e.namespace)) {
          keys.add(e.key);
        }
      });
    }
    return keys.stream();
  }

  KeyGroupRange range() {
    return range;
  }

  /** The map of the {@code index}-th key group of the range. */
  CopyOnWriteStateMap<K, N, V> keyGroupAt(int index) {
    return byKeyGroup[index];
  }

  long size() {
    long size = 0;
    for (CopyOnWriteStateMap<K, N, V> map : byKeyGroup) {
      size += map.size();
    }
    return size;
  }

  private int index(int keyGroup) {
    int index = keyGroup - range.startKeyGroup();
    if (index < 0 || index >= byKeyGroup.length) {
      throw new IllegalStateException("Key group " + keyGroup + " is not in this subtask's key groups "
          + range.startKeyGroup() + ".." + range.endKeyGroup()
          + ": a key's hash changed between keyBy and state access (is the key mutable?)");
    }
    return index;
  }
}
