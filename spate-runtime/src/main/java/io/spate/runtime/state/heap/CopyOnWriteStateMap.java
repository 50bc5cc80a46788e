package io.spate.runtime.state.heap;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The values of one heap state in one key group, by key and namespace: a chained hash map whose
 * bucket array and entries a snapshot can share with the live map, so that taking a snapshot costs
 * one reference instead of a copy.
 *
 * <p>Every bucket array and entry carries the {@link SnapshotVersions version} it was made at. A
 * snapshot keeps the bucket array of the moment it starts and reads the entries reachable from it;
 * those are all older than the snapshot. The live map changes an array or entry in place only when
 * no running snapshot can reach it (its version is at least {@code ownedFrom}); otherwise it copies
 * the array, or the entry and the entries before it in its bucket, first. Values are objects the
 * caller may change in place (lists, maps, accumulators, TTL holders), so every value this map hands
 * out, by {@link #get} or {@link #remove}, is one no snapshot reads: a shared one is copied with the
 * state's value copier on the way out. {@link #put} takes ownership of the value it is given.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 * @param <V> the value type
 */
final class CopyOnWriteStateMap<K, N, V> {

  /** One value: key and namespace, the value, the next entry of its bucket, and their versions. */
  static class Entry<K, N, V> {
    final K key;
    final N namespace;
    final int hash;
    V value;
    Entry<K, N, V> next;
    /** The version of this object: of its value reference and its next reference. */
    int entryVersion;
    /** The version of the value object, which may be older than the entry that holds it. */
    int valueVersion;

    Entry(K key, N namespace, int hash, V value, Entry<K, N, V> next, int entryVersion, int valueVersion) {
      this.key = key;
      this.namespace = namespace;
      this.hash = hash;
      this.value = value;
      this.next = next;
      this.entryVersion = entryVersion;
      this.valueVersion = valueVersion;
    }

    /** A copy to change at {@code version}: same value object, so its value version stays. */
    Entry<K, N, V> copyAt(int version) {
      return new Entry<>(key, namespace, hash, value, next, version, valueVersion);
    }

    /** Which value of its key and namespace this is; 0 unless the map tracks births. */
    int birth() {
      return 0;
    }
  }

  /**
   * An entry that knows which value of its key and namespace it is: copies keep the number, a value
   * stored after a remove gets a new one. TTL cleanup uses it to tell its bookkeeping from stale.
   */
  private static final class TrackedEntry<K, N, V> extends Entry<K, N, V> {
    private final int birth;

    TrackedEntry(K key, N namespace, int hash, V value, Entry<K, N, V> next, int entryVersion, int valueVersion,
        int birth) {
      super(key, namespace, hash, value, next, entryVersion, valueVersion);
      this.birth = birth;
    }

    @Override
    Entry<K, N, V> copyAt(int version) {
      return new TrackedEntry<>(key, namespace, hash, value, next, version, valueVersion, birth);
    }

    @Override
    int birth() {
      return birth;
    }
  }

  private static final int FIRST_CAPACITY = 8;
  private static final int MAX_CAPACITY = 1 << 30;

  /** The array of every map that has never held a value; shared, so never written. */
  @SuppressWarnings("rawtypes")
  private static final Entry[] EMPTY = new Entry[1];

  private final SnapshotVersions versions;
  private final boolean tracksBirths;
  private UnaryOperator<V> copier;
  private Entry<K, N, V>[] table;
  private int tableVersion;
  private int size;
  private int threshold;
  private int births;

  @SuppressWarnings("unchecked")
  CopyOnWriteStateMap(SnapshotVersions versions, boolean tracksBirths, UnaryOperator<V> copier) {
    this.versions = versions;
    this.tracksBirths = tracksBirths;
    this.copier = copier;
    this.table = EMPTY;
  }

  void copyValuesWith(UnaryOperator<V> copier) {
    this.copier = copier;
  }

  static int hash(Object key, Object namespace) {
    int h = key.hashCode() * 31 + namespace.hashCode();
    return h ^ (h >>> 16);
  }

  private Entry<K, N, V> find(K key, N namespace, int hash) {
    Entry<K, N, V>[] tab = table;
    for (Entry<K, N, V> e = tab[hash & (tab.length - 1)]; e != null; e = e.next) {
      if (e.hash == hash && matches(e, key, namespace)) {
        return e;
      }
    }
    return null;
  }

  private static boolean matches(Entry<?, ?, ?> e, Object key, Object namespace) {
    Object k = e.key;
    Object n = e.namespace;
    return (k == key || key.equals(k)) && (n == namespace || namespace.equals(n));
  }

  /** The value of {@code key} in {@code namespace}, which the caller may change in place; or null. */
  V get(K key, N namespace) {
    Entry<K, N, V> e = find(key, namespace, hash(key, namespace));
    if (e == null) {
      return null;
    }
    return e.valueVersion >= versions.ownedFrom ? e.value : ownValue(e);
  }

  /**
   * The value of {@code key} in {@code namespace} as stored, or null, without taking it over from a
   * running snapshot: the caller only reads it and must not change it.
   */
  V peek(K key, N namespace) {
    Entry<K, N, V> e = find(key, namespace, hash(key, namespace));
    return e == null ? null : e.value;
  }

  /** As {@link #get}, but null unless the value is the one born as {@code birth}. */
  V getIfBorn(K key, N namespace, int birth) {
    Entry<K, N, V> e = find(key, namespace, hash(key, namespace));
    if (e == null || e.birth() != birth) {
      return null;
    }
    return e.valueVersion >= versions.ownedFrom ? e.value : ownValue(e);
  }

  /** The birth number of the value of {@code key} in {@code namespace}, -1 if there is none. */
  int birthOf(K key, N namespace) {
    Entry<K, N, V> e = find(key, namespace, hash(key, namespace));
    return e == null ? -1 : e.birth();
  }

  /** Makes {@code value} the value of {@code key} in {@code namespace}; the map owns it from now. */
  void put(K key, N namespace, V value) {
    int hash = hash(key, namespace);
    Entry<K, N, V> e = find(key, namespace, hash);
    if (e != null) {
      if (e.entryVersion < versions.ownedFrom) {
        e = ownEntry(e);
      }
      e.value = value;
      e.valueVersion = versions.current;
      return;
    }
    if (table == EMPTY) {
      table = newTable(FIRST_CAPACITY);
    } else if (size >= threshold && table.length < MAX_CAPACITY) {
      resize();
    } else {
      ownTable();
    }
    int version = versions.current;
    int index = hash & (table.length - 1);
    Entry<K, N, V> head = table[index];
    table[index] = tracksBirths
        ? new TrackedEntry<>(key, namespace, hash, value, head, version, version, ++births)
        : new Entry<>(key, namespace, hash, value, head, version, version);
    size++;
  }

  /** Removes the value of {@code key} in {@code namespace} and returns it for the caller to keep or change. */
  V remove(K key, N namespace) {
    Entry<K, N, V> e = unlink(key, namespace);
    if (e == null) {
      return null;
    }
    return e.valueVersion >= versions.ownedFrom ? e.value : copier.apply(e.value);
  }

  /**
   * Removes the value of {@code key} in {@code namespace} without handing it out, so a value a running
   * snapshot still reads is not copied only to be dropped; whether there was one.
   */
  boolean delete(K key, N namespace) {
    return unlink(key, namespace) != null;
  }

  private Entry<K, N, V> unlink(K key, N namespace) {
    int hash = hash(key, namespace);
    Entry<K, N, V>[] tab = table;
    int index = hash & (tab.length - 1);
    Entry<K, N, V> previous = null;
    for (Entry<K, N, V> e = tab[index]; e != null; previous = e, e = e.next) {
      if (e.hash == hash && matches(e, key, namespace)) {
        ownTable();
        if (previous == null) {
          table[index] = e.next;
        } else {
          ownEntry(previous).next = e.next;
        }
        size--;
        return e;
      }
    }
    return null;
  }

  int size() {
    return size;
  }

  /** The bucket array of this moment, for a snapshot that has just started: no writer changes it any more. */
  Entry<K, N, V>[] frozenTable() {
    return table;
  }

  /** Calls {@code action} with each entry of {@code frozen}, a bucket array from {@link #frozenTable}. */
  static <K, N, V> void forEach(Entry<K, N, V>[] frozen, Consumer<Entry<K, N, V>> action) {
    for (Entry<K, N, V> head : frozen) {
      for (Entry<K, N, V> e = head; e != null; e = e.next) {
        action.accept(e);
      }
    }
  }

  /** Calls {@code action} with each live entry, on the task thread, without changing anything. */
  void forEachLive(Consumer<Entry<K, N, V>> action) {
    forEach(table, action);
  }

  private V ownValue(Entry<K, N, V> e) {
    V copy = copier.apply(e.value);
    if (copy == e.value) {
      return copy; // an immutable value: sharing it with a snapshot is safe
    }
    Entry<K, N, V> owned = ownEntry(e);
    owned.value = copy;
    owned.valueVersion = versions.current;
    return copy;
  }

  /**
   * The entry to change in place of {@code target}: {@code target} itself if no snapshot reads it,
   * else a copy, linked in place of it after copying the shared entries before it in its bucket.
   */
  private Entry<K, N, V> ownEntry(Entry<K, N, V> target) {
    int ownedFrom = versions.ownedFrom;
    if (target.entryVersion >= ownedFrom) {
      return target;
    }
    ownTable();
    int version = versions.current;
    int index = target.hash & (table.length - 1);
    Entry<K, N, V> previous = null;
    Entry<K, N, V> e = table[index];
    while (true) {
      Entry<K, N, V> owned = e;
      if (e.entryVersion < ownedFrom) {
        owned = e.copyAt(version);
        if (previous == null) {
          table[index] = owned;
        } else {
          previous.next = owned;
        }
      }
      if (e == target) {
        return owned;
      }
      previous = owned;
      e = owned.next;
    }
  }

  private void ownTable() {
    if (tableVersion < versions.ownedFrom) {
      table = table.clone();
      tableVersion = versions.current;
    }
  }

  /** Doubles the bucket array; entries a snapshot reads are copied, not relinked. */
  private void resize() {
    Entry<K, N, V>[] old = table;
    Entry<K, N, V>[] resized = newTable(old.length * 2);
    int mask = resized.length - 1;
    int ownedFrom = versions.ownedFrom;
    int version = versions.current;
    for (Entry<K, N, V> head : old) {
      Entry<K, N, V> e = head;
      while (e != null) {
        Entry<K, N, V> next = e.next;
        Entry<K, N, V> moved = e.entryVersion >= ownedFrom ? e : e.copyAt(version);
        int index = moved.hash & mask;
        moved.next = resized[index];
        resized[index] = moved;
        e = next;
      }
    }
    table = resized;
  }

  @SuppressWarnings("unchecked")
  private Entry<K, N, V>[] newTable(int capacity) {
    tableVersion = versions.current;
    threshold = capacity - (capacity >>> 2);
    return (Entry<K, N, V>[]) new Entry[capacity];
  }
}
