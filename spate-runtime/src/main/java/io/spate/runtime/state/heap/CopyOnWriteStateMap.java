package io.spate.runtime.state.heap;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The values of one heap state in one key group, by key and namespace: a chained hash map whose
 * entries a snapshot can share with the live map, so that taking a snapshot costs one reference
 * instead of a copy.
 *
 * <p>Each entry has a small integer id, its index in the {@code entries} array; ids of removed
 * entries are reused. Buckets and chains link entries by id, in arrays and fields of primitives.
 * Storing a new entry thus writes one object reference, at a reused or the next id, rather than at a
 * bucket picked by the hash. That matters to G1: a reference stored into an old array marks its card
 * dirty for the collector to rescan, and the array of a large state is old. Stores spread by hash
 * dirty a card per new key; neighbouring stores share one.
 *
 * <p>A snapshot reads the {@code entries} array of the moment it starts, and from each entry only
 * its key, namespace and value. The live map writes that array only if no running snapshot reads it
 * (its version is at least {@code ownedFrom}) and otherwise copies it first; likewise it changes the
 * value of a shared entry in a copy put in its place. Chains are not part of what a snapshot reads,
 * so the live map relinks shared entries in place. Values are objects the caller may change in place
 * (lists, maps, accumulators, TTL holders), so every value this map hands out, by {@link #get} or
 * {@link #remove}, is one no snapshot reads: a shared one is copied with the state's value copier on
 * the way out. {@link #put} takes ownership of the value it is given.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 * @param <V> the value type
 */
final class CopyOnWriteStateMap<K, N, V> {

  /** One value: key and namespace, the value, the id of the next entry of its bucket, and versions. */
  static class Entry<K, N, V> {
    final K key;
    final N namespace;
    final int hash;
    V value;
    /** The id of the next entry of the bucket, or -1; only the live map reads it. */
    int next;
    /** The version of this object's value reference. */
    int entryVersion;
    /** The version of the value object, which may be older than the entry that holds it. */
    int valueVersion;

    Entry(K key, N namespace, int hash, V value, int next, int entryVersion, int valueVersion) {
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

    TrackedEntry(K key, N namespace, int hash, V value, int next, int entryVersion, int valueVersion, int birth) {
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
  private static final int MAX_BUCKETS = 1 << 30;

  /** The arrays of every map that has never held a value; shared, so never written. */
  @SuppressWarnings("rawtypes")
  private static final Entry[] NO_ENTRIES = new Entry[0];
  private static final int[] NO_BUCKETS = {-1};
  private static final int[] NO_IDS = {};

  private final SnapshotVersions versions;
  private final boolean tracksBirths;
  private UnaryOperator<V> copier;
  /** The entry of each id in use, null at free ids and beyond. */
  private Entry<K, N, V>[] entries;
  private int entriesVersion;
  /** The id of the first entry of each bucket, or -1. */
  private int[] buckets;
  /** Ids below {@code size + freeCount} that no entry uses, the last freed on top. */
  private int[] freeIds;
  private int freeCount;
  private int size;
  private int threshold;
  private int births;

  @SuppressWarnings("unchecked")
  CopyOnWriteStateMap(SnapshotVersions versions, boolean tracksBirths, UnaryOperator<V> copier) {
    this.versions = versions;
    this.tracksBirths = tracksBirths;
    this.copier = copier;
    this.entries = NO_ENTRIES;
    this.buckets = NO_BUCKETS;
    this.freeIds = NO_IDS;
  }

  void copyValuesWith(UnaryOperator<V> copier) {
    this.copier = copier;
  }

  static int hash(Object key, Object namespace) {
    int h = key.hashCode() * 31 + namespace.hashCode();
    return h ^ (h >>> 16);
  }

  /** The id of the entry of {@code key} in {@code namespace}, or -1. */
  private int find(K key, N namespace, int hash) {
    Entry<K, N, V>[] all = entries;
    int id = buckets[hash & (buckets.length - 1)];
    while (id >= 0) {
      Entry<K, N, V> e = all[id];
      if (e.hash == hash && matches(e, key, namespace)) {
        return id;
      }
      id = e.next;
    }
    return -1;
  }

  private static boolean matches(Entry<?, ?, ?> e, Object key, Object namespace) {
    Object k = e.key;
    Object n = e.namespace;
    return (k == key || key.equals(k)) && (n == namespace || namespace.equals(n));
  }

  /** The value of {@code key} in {@code namespace}, which the caller may change in place; or null. */
  V get(K key, N namespace) {
    int id = find(key, namespace, hash(key, namespace));
    return id < 0 ? null : ownedValue(id);
  }

  /**
   * The value of {@code key} in {@code namespace} as stored, or null, without taking it over from a
   * running snapshot: the caller only reads it and must not change it.
   */
  V peek(K key, N namespace) {
    int id = find(key, namespace, hash(key, namespace));
    return id < 0 ? null : entries[id].value;
  }

  /** As {@link #get}, but null unless the value is the one born as {@code birth}. */
  V getIfBorn(K key, N namespace, int birth) {
    int id = find(key, namespace, hash(key, namespace));
    return id < 0 || entries[id].birth() != birth ? null : ownedValue(id);
  }

  /** The birth number of the value of {@code key} in {@code namespace}, -1 if there is none. */
  int birthOf(K key, N namespace) {
    int id = find(key, namespace, hash(key, namespace));
    return id < 0 ? -1 : entries[id].birth();
  }

  /** Makes {@code value} the value of {@code key} in {@code namespace}; the map owns it from now. */
  void put(K key, N namespace, V value) {
    int hash = hash(key, namespace);
    int found = find(key, namespace, hash);
    if (found >= 0) {
      Entry<K, N, V> e = ownEntry(found);
      e.value = value;
      e.valueVersion = versions.current;
      return;
    }
    if (buckets == NO_BUCKETS) {
      buckets = newBuckets(FIRST_CAPACITY);
    } else if (size >= threshold && buckets.length < MAX_BUCKETS) {
      rebucket(buckets.length * 2);
    }
    int id = newId();
    int bucket = hash & (buckets.length - 1);
    int version = versions.current;
    entries[id] = tracksBirths
        ? new TrackedEntry<>(key, namespace, hash, value, buckets[bucket], version, version, ++births)
        : new Entry<>(key, namespace, hash, value, buckets[bucket], version, version);
    buckets[bucket] = id;
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
    int bucket = hash & (buckets.length - 1);
    int previous = -1;
    for (int id = buckets[bucket]; id >= 0; ) {
      Entry<K, N, V> e = entries[id];
      if (e.hash == hash && matches(e, key, namespace)) {
        if (previous < 0) {
          buckets[bucket] = e.next;
        } else {
          entries[previous].next = e.next;
        }
        ownEntries();
        entries[id] = null; // storing null marks no card
        if (freeCount == freeIds.length) {
          freeIds = Arrays.copyOf(freeIds, Math.max(FIRST_CAPACITY, entries.length));
        }
        freeIds[freeCount++] = id;
        size--;
        return e;
      }
      previous = id;
      id = e.next;
    }
    return null;
  }

  int size() {
    return size;
  }

  /** The entries of this moment, for a snapshot that has just started: no writer changes them any more. */
  Entry<K, N, V>[] frozenEntries() {
    return entries;
  }

  /** Calls {@code action} with each entry of {@code frozen}, an array from {@link #frozenEntries}. */
  static <K, N, V> void forEach(Entry<K, N, V>[] frozen, Consumer<Entry<K, N, V>> action) {
    for (Entry<K, N, V> e : frozen) {
      if (e != null) {
        action.accept(e);
      }
    }
  }

  /** Calls {@code action} with each live entry, on the task thread, without changing anything. */
  void forEachLive(Consumer<Entry<K, N, V>> action) {
    forEach(entries, action);
  }

  /** The value of entry {@code id}, copied first if a running snapshot reads it. */
  private V ownedValue(int id) {
    Entry<K, N, V> e = entries[id];
    if (e.valueVersion >= versions.ownedFrom) {
      return e.value;
    }
    V copy = copier.apply(e.value);
    if (copy == e.value) {
      return copy; // an immutable value: sharing it with a snapshot is safe
    }
    Entry<K, N, V> owned = ownEntry(id);
    owned.value = copy;
    owned.valueVersion = versions.current;
    return copy;
  }

  /** The entry to change in place of entry {@code id}: itself if no snapshot reads it, else a copy put in its place. */
  private Entry<K, N, V> ownEntry(int id) {
    Entry<K, N, V> e = entries[id];
    if (e.entryVersion >= versions.ownedFrom) {
      return e;
    }
    ownEntries();
    Entry<K, N, V> copy = e.copyAt(versions.current);
    entries[id] = copy;
    return copy;
  }

  private void ownEntries() {
    if (entriesVersion < versions.ownedFrom) {
      entries = entries.clone();
      entriesVersion = versions.current;
    }
  }

  /** A free id, or the next one, with room for it in {@code entries}, which the live map owns after this. */
  private int newId() {
    if (freeCount > 0) {
      ownEntries();
      return freeIds[--freeCount];
    }
    if (size == entries.length) {
      entries = Arrays.copyOf(entries, Math.max(FIRST_CAPACITY, size * 2));
      entriesVersion = versions.current;
    } else {
      ownEntries();
    }
    return size;
  }

  /** Spreads the entries over {@code capacity} buckets; relinking shared entries is safe as snapshots ignore chains. */
  private void rebucket(int capacity) {
    int[] spread = newBuckets(capacity);
    int mask = capacity - 1;
    Entry<K, N, V>[] all = entries;
    for (int id = 0, end = size + freeCount; id < end; id++) {
      Entry<K, N, V> e = all[id];
      if (e != null) {
        int bucket = e.hash & mask;
        e.next = spread[bucket];
        spread[bucket] = id;
      }
    }
    buckets = spread;
  }

  private int[] newBuckets(int capacity) {
    threshold = capacity - (capacity >>> 2);
    int[] heads = new int[capacity];
    Arrays.fill(heads, -1);
    return heads;
  }
}
