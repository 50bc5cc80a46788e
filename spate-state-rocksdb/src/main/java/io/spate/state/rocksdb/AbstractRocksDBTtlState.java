package io.spate.state.rocksdb;

import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.StateTtlConfig;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.function.LongSupplier;
import org.rocksdb.ColumnFamilyHandle;

/**
 * The base of RocksDB states with a time to live: the expiry rules and the clock. Each stored value
 * (list element, map value) starts with its 8-byte big-endian last-access time, the layout of TTL
 * values in the canonical snapshot format, so that snapshots copy rows as they are.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 * @param <V> the user value type
 */
abstract class AbstractRocksDBTtlState<K, N, V> extends AbstractRocksDBState<K, N, V> {

  /** The length of the last-access time in front of every value. */
  static final int TIMESTAMP_BYTES = 8;

  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  final StateTtlConfig ttl;
  final long ttlMillis;
  final boolean updateOnRead;
  final boolean returnExpired;
  private final LongSupplier clock;

  AbstractRocksDBTtlState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column, String name,
      TypeSerializer<V> valueSerializer, StateTtlConfig ttl) {
    super(backend, column, name, valueSerializer);
    this.ttl = ttl;
    this.ttlMillis = ttl.getTtlMillis();
    this.updateOnRead = ttl.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
    this.returnExpired = ttl.getStateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
    this.clock = backend.ttlClock;
  }

  @Override
  final StateTtlConfig ttlConfig() {
    return ttl;
  }

  final long now() {
    return clock.getAsLong();
  }

  /** Whether a value last accessed at {@code lastAccess} has expired at {@code now}. */
  final boolean expired(long lastAccess, long now) {
    return isExpired(lastAccess, now, ttlMillis);
  }

  static boolean isExpired(long lastAccess, long now, long ttlMillis) {
    // Subtraction rather than lastAccess + ttl, which overflows for very long TTLs.
    return now - lastAccess >= ttlMillis;
  }

  /** The last-access time stored at {@code offset} of {@code bytes}. */
  static long lastAccess(byte[] bytes, int offset) {
    return (long) LONG.get(bytes, offset);
  }

  /** Overwrites the last-access time stored at {@code offset} of {@code bytes}. */
  static void setLastAccess(byte[] bytes, int offset, long time) {
    LONG.set(bytes, offset, time);
  }
}
