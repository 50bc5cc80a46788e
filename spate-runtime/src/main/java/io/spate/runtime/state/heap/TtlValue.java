package io.spate.runtime.state.heap;

/**
 * A user value with the time of its last counted access, as TTL states store it. Mutable, so that
 * a write or a refreshing read changes the stored object instead of allocating a new one; it never
 * leaves its state.
 *
 * @param <V> the user value type
 */
final class TtlValue<V> {

  V value;
  long lastAccess;

  TtlValue(V value, long lastAccess) {
    this.value = value;
    this.lastAccess = lastAccess;
  }

  /** Whether the value has expired at {@code now} under a time to live of {@code ttlMillis}. */
  boolean isExpired(long now, long ttlMillis) {
    // Subtraction rather than lastAccess + ttl, which overflows for very long TTLs.
    return now - lastAccess >= ttlMillis;
  }
}
