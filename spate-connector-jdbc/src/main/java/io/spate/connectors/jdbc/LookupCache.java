package io.spate.connectors.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A bounded cache of lookup results: at most {@code maxRows} keys, the least recently used one
 * evicted first, each entry valid for {@code writeTtlNanos} after it was stored and, if an access
 * TTL is set, for {@code accessTtlNanos} after it was last read. Safe for the lookup threads and
 * the task thread at once (one lock; entries are few and operations short).
 */
final class LookupCache<K, V> {

  /** An access TTL that never expires an entry. */
  static final long NEVER = Long.MAX_VALUE;

  private static final class Entry<V> {
    final V value;
    final long writtenAt;
    long accessedAt;

    Entry(V value, long now) {
      this.value = value;
      this.writtenAt = now;
      this.accessedAt = now;
    }
  }

  private final int maxRows;
  private final long writeTtlNanos;
  private final long accessTtlNanos;
  private final LongSupplier clock;
  private final LinkedHashMap<K, Entry<V>> entries;

  /** A cache whose entries expire {@code ttlNanos} after they were stored. */
  LookupCache(int maxRows, long ttlNanos, LongSupplier nanoClock) {
    this(maxRows, ttlNanos, NEVER, nanoClock);
  }

  /** A cache whose entries expire after a write TTL and an access TTL ({@link #NEVER} for none). */
  LookupCache(int maxRows, long writeTtlNanos, long accessTtlNanos, LongSupplier nanoClock) {
    this.maxRows = maxRows;
    this.writeTtlNanos = writeTtlNanos;
    this.accessTtlNanos = accessTtlNanos;
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
    long now = clock.getAsLong();
    if (now - entry.writtenAt >= writeTtlNanos || now - entry.accessedAt >= accessTtlNanos) {
      entries.remove(key);
      return null;
    }
    entry.accessedAt = now;
    return entry.value;
  }

  /** Stores {@code value} for {@code key}, evicting the least recently used key if the cache is full. */
  synchronized void put(K key, V value) {
    if (maxRows > 0) {
      entries.put(key, new Entry<>(value, clock.getAsLong()));
    }
  }

  /** The keys stored now, expired ones included until they are read. */
  synchronized int size() {
    return entries.size();
  }
}
