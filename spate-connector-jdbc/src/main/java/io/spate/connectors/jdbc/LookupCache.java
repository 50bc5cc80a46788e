package io.spate.connectors.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A bounded cache of lookup results: at most {@code maxRows} keys, the least recently used one
 * evicted first, each entry valid for {@code ttlNanos} after it was stored. Safe for the lookup
 * threads and the task thread at once (one lock; entries are few and operations short).
 */
final class LookupCache<K, V> {

  private record Entry<V>(V value, long expiresAtNanos) {}

  private final int maxRows;
  private final long ttlNanos;
  private final LongSupplier clock;
  private final LinkedHashMap<K, Entry<V>> entries;

  LookupCache(int maxRows, long ttlNanos, LongSupplier nanoClock) {
    this.maxRows = maxRows;
    this.ttlNanos = ttlNanos;
    this.clock = nanoClock;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
        return size() > LookupCache.this.maxRows;
      }
    };
  }

  /** The value stored for {@code key} if it has not expired, else null. */
  synchronized V get(K key) {
    if (maxRows == 0) {
      return null;
    }
    Entry<V> entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (clock.getAsLong() - entry.expiresAtNanos() >= 0) {
      entries.remove(key);
      return null;
    }
    return entry.value();
  }

  /** Stores {@code value} for {@code key}, evicting the least recently used key if the cache is full. */
  synchronized void put(K key, V value) {
    if (maxRows > 0) {
      entries.put(key, new Entry<>(value, clock.getAsLong() + ttlNanos));
    }
  }

  /** The keys stored now, expired ones included until they are read. */
  synchronized int size() {
    return entries.size();
  }
}
