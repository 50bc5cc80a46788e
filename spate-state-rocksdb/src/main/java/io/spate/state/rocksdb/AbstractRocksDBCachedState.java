package io.spate.state.rocksdb;

import io.spate.api.serialization.TypeSerializer;
import org.rocksdb.ColumnFamilyHandle;

/**
 * A RocksDB state whose values the engine owns (accumulators of aggregating and reducing state, and
 * engine-owned value state), read and written through a {@link WriteBackCache}: RocksDB sees a value
 * when its entry is evicted or the backend flushes the cache, before a snapshot or an iteration over
 * the rows.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 * @param <V> the stored value type
 */
abstract class AbstractRocksDBCachedState<K, N, V> extends AbstractRocksDBState<K, N, V> {

  private final WriteBackCache<V> cache;
  /** With no cache configured, every access reads RocksDB and every change is written at once. */
  private final boolean writeThrough;

  /** Caches up to {@code cacheEntries} values; with 0, reads and writes go to RocksDB every time. */
  AbstractRocksDBCachedState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column, String name,
      TypeSerializer<V> valueSerializer, int cacheEntries) {
    super(backend, column, name, valueSerializer);
    this.cache = new WriteBackCache<>(Math.max(1, cacheEntries), this::writeBack);
    this.writeThrough = cacheEntries == 0;
  }

  /**
   * The cache entry of the current key in {@code ns}, read from RocksDB if it is not cached; its
   * value is null if the row has none. Set the entry's value and mark it dirty to change it.
   */
  final WriteBackCache.Entry<V> entry(N ns) {
    backend.checkNotDisposed(); // a cached value must not outlive the backend
    int length = buildRowKey(ns);
    byte[] row = rowKey.getSharedBuffer();
    WriteBackCache.Entry<V> e = cache.find(row, length);
    if (e == null) {
      byte[] bytes = getRaw(row, length);
      // insert copies the row key before anything else can reuse the shared buffer
      e = cache.insert(row, length, bytes == null ? null : deserializeValue(bytes), bytes != null);
    }
    return e;
  }

  /** The value of the current key in {@code ns}, or null. */
  final V read(N ns) {
    WriteBackCache.Entry<V> entry = entry(ns);
    V value = entry.value;
    done(entry);
    return value;
  }

  /** Sets the value of {@code entry}, to be written to RocksDB later (at once without a cache). */
  final void write(WriteBackCache.Entry<V> entry, V value) {
    entry.value = value;
    entry.dirty = true;
    done(entry);
  }

  /** Ends an access to {@code entry}: without a cache, writes what changed and forgets the entry. */
  private void done(WriteBackCache.Entry<V> entry) {
    if (writeThrough) {
      cache.writeIfChanged(entry);
      cache.remove(entry);
    }
  }

  /** A copy of a cached value for user code, which gets fresh copies from RocksDB state, as in Flink. */
  final V copyForUser(V value) {
    return value == null || valueSerializer.isImmutableType() ? value : valueSerializer.copy(value);
  }

  /** Removes the value of {@code entry} now: from the cache, and from RocksDB if it may hold one. */
  final void remove(WriteBackCache.Entry<V> entry) {
    if (entry.stored) {
      deleteRaw(entry.row, entry.row.length);
    }
    cache.remove(entry);
  }

  @Override
  public void clear() {
    backend.checkNotDisposed();
    int length = buildRowKey(namespace);
    byte[] row = rowKey.getSharedBuffer();
    WriteBackCache.Entry<V> e = cache.find(row, length);
    if (e == null) {
      deleteRaw(row, length);
    } else {
      remove(e);
    }
  }

  @Override
  void flushCache() {
    cache.flush();
  }

  private void writeBack(WriteBackCache.Entry<V> entry) {
    if (entry.value != null) {
      serializeValueInto(entry.value);
      putRaw(entry.row, entry.row.length, valueOut);
    } else if (entry.stored) {
      deleteRaw(entry.row, entry.row.length);
    }
  }
}
