package io.spate.state.rocksdb;

import java.util.Arrays;

/**
 * The most recently used values of one RocksDB state as Java objects, keyed by their row key (key
 * group, key and namespace bytes), holding at most a fixed number of entries.
 *
 * <p>A value changed in the cache reaches RocksDB only when its entry is evicted or the cache is
 * flushed, which the backend does before every snapshot and before it iterates a state's rows. So
 * a record that updates a hot accumulator costs a hash lookup instead of a read, a deserialization,
 * a serialization and a write, and an accumulator that is created and cleared between two flushes
 * (a short window) never reaches RocksDB at all. An entry may also record that RocksDB holds no
 * value for its row (a null value), so that the next update does not read it again.
 *
 * <p>Used by one task thread only.
 *
 * @param <V> the value type
 */
final class WriteBackCache<V> {

  /** Writes what an entry holds to RocksDB: its value, or the deletion of its row if its value is null. */
  interface Writer<V> {
    void write(Entry<V> entry);
  }

  /** The cached value of one row. */
  static final class Entry<V> {
    /** The row key, owned by the entry. */
    final byte[] row;
    private final int hash;
    /** The value; null when the row has no value. */
    V value;
    /** Whether {@link #value} differs from what RocksDB holds for the row. */
    boolean dirty;
    /** Whether RocksDB may hold a value for the row (so that removing the value must delete it). */
    boolean stored;
    private Entry<V> bucketNext;
    private Entry<V> older;
    private Entry<V> newer;

    private Entry(byte[] row, int hash, V value, boolean stored) {
      this.row = row;
      this.hash = hash;
      this.value = value;
      this.stored = stored;
    }
  }

  private final int capacity;
  private final Writer<V> writer;
  private Entry<V>[] buckets;
  private int size;
  /** The least recently used entry, evicted first. */
  private Entry<V> oldest;
  private Entry<V> newest;

  WriteBackCache(int capacity, Writer<V> writer) {
    if (capacity < 1) {
      throw new IllegalArgumentException("A write-back cache holds at least one entry, not " + capacity);
    }
    this.capacity = capacity;
    this.writer = writer;
  }

  /** The entry of the row in the first {@code length} bytes of {@code row}, now the most recently used; or null. */
  Entry<V> find(byte[] row, int length) {
    if (buckets == null) {
      return null;
    }
    int hash = hash(row, length);
    for (Entry<V> e = buckets[hash & (buckets.length - 1)]; e != null; e = e.bucketNext) {
      if (e.hash == hash && Arrays.equals(e.row, 0, e.row.length, row, 0, length)) {
        if (e != newest) {
          unlink(e);
          append(e);
        }
        return e;
      }
    }
    return null;
  }

  /**
   * Adds an entry for a row that has none (the caller found none), evicting the least recently used
   * entry if the cache is full, and returns it as the most recently used.
   */
  Entry<V> insert(byte[] row, int length, V value, boolean stored) {
    if (buckets == null) {
      buckets = newBuckets(capacity);
    }
    if (size == capacity) {
      Entry<V> eldest = oldest;
      writeIfChanged(eldest); // may throw; the entry then stays, and nothing is lost
      remove(eldest);
    }
    int hash = hash(row, length);
    Entry<V> e = new Entry<>(Arrays.copyOf(row, length), hash, value, stored);
    int slot = hash & (buckets.length - 1);
    e.bucketNext = buckets[slot];
    buckets[slot] = e;
    append(e);
    size++;
    return e;
  }

  /** Drops {@code entry} without writing it. */
  void remove(Entry<V> entry) {
    int slot = entry.hash & (buckets.length - 1);
    Entry<V> previous = null;
    for (Entry<V> e = buckets[slot]; e != null; previous = e, e = e.bucketNext) {
      if (e == entry) {
        if (previous == null) {
          buckets[slot] = e.bucketNext;
        } else {
          previous.bucketNext = e.bucketNext;
        }
        unlink(e);
        size--;
        return;
      }
    }
    throw new IllegalStateException("The entry is not in this cache");
  }

  /** Writes every changed entry to RocksDB; the entries stay cached, unchanged from RocksDB's rows. */
  void flush() {
    for (Entry<V> e = oldest; e != null; e = e.newer) {
      writeIfChanged(e);
    }
  }

  /** Writes {@code entry} to RocksDB if it changed; it then matches RocksDB's row. */
  void writeIfChanged(Entry<V> entry) {
    if (entry.dirty) {
      writer.write(entry);
      entry.dirty = false;
      entry.stored = entry.value != null;
    }
  }

  int size() {
    return size;
  }

  private void append(Entry<V> e) {
    e.older = newest;
    e.newer = null;
    if (newest == null) {
      oldest = e;
    } else {
      newest.newer = e;
    }
    newest = e;
  }

  private void unlink(Entry<V> e) {
    if (e.older == null) {
      oldest = e.newer;
    } else {
      e.older.newer = e.newer;
    }
    if (e.newer == null) {
      newest = e.older;
    } else {
      e.newer.older = e.older;
    }
    e.older = null;
    e.newer = null;
  }

  @SuppressWarnings("unchecked")
  private static <V> Entry<V>[] newBuckets(int capacity) {
    int n = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1; // a power of two of at least the capacity
    return (Entry<V>[]) new Entry[Math.max(2, Math.min(n, 1 << 30))];
  }

  private static int hash(byte[] row, int length) {
    int h = 1;
    for (int i = 0; i < length; i++) {
      h = 31 * h + row[i];
    }
    return h ^ (h >>> 16);
  }
}
