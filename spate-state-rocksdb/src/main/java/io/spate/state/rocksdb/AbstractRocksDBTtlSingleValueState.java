package io.spate.state.rocksdb;

import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.StateTtlConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.rocksdb.ColumnFamilyHandle;

/**
 * The base of RocksDB TTL states that keep one value per key and namespace (value, reducing and
 * aggregating state): a row's value is the last-access time and the serialized value.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 * @param <V> the user value type
 */
abstract class AbstractRocksDBTtlSingleValueState<K, N, V> extends AbstractRocksDBTtlState<K, N, V> {

  AbstractRocksDBTtlSingleValueState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column, String name,
      TypeSerializer<V> valueSerializer, StateTtlConfig ttl) {
    super(backend, column, name, valueSerializer, ttl);
  }

  /** Reads the value in the current namespace as a user read does: null when absent or invisible. */
  final V read(long now) {
    int keyLength = buildRowKey(namespace);
    byte[] stored = getRaw(rowKey.getSharedBuffer(), keyLength);
    if (stored == null) {
      return null;
    }
    if (!expired(lastAccess(stored, 0), now)) {
      if (updateOnRead) {
        // The refreshed time is written back, which also renews a TtlDB's write time.
        setLastAccess(stored, 0, now);
        putBytes(rowKey.getSharedBuffer(), keyLength, stored);
      }
      return decode(stored);
    }
    deleteRaw(rowKey.getSharedBuffer(), keyLength);
    return returnExpired ? decode(stored) : null;
  }

  /** The value in {@code ns} to build an update on: null when absent or invisible. */
  final V currentForUpdate(N ns, long now) {
    return visible(getRaw(ns), now);
  }

  /** Removes the value in {@code ns} and returns it if it was visible, for merging. */
  final V removeForMerge(N ns, long now) {
    byte[] stored = getRaw(ns);
    if (stored != null) {
      deleteRow(ns);
    }
    return visible(stored, now);
  }

  private V visible(byte[] stored, long now) {
    return stored == null || (!returnExpired && expired(lastAccess(stored, 0), now)) ? null : decode(stored);
  }

  /** Writes {@code value} in {@code ns} with last-access time {@code now}. */
  final void write(N ns, V value, long now) {
    valueOut.clear();
    try {
      valueOut.writeLong(now);
      valueSerializer.serialize(value, valueOut);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write a value of state '" + name() + "' of " + backend.owner(), e);
    }
    putRow(ns, valueOut);
  }

  private V decode(byte[] stored) {
    valueIn.setBuffer(stored, TIMESTAMP_BYTES, stored.length - TIMESTAMP_BYTES);
    try {
      return valueSerializer.deserialize(valueIn);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read a value of state '" + name() + "' of " + backend.owner(), e);
    }
  }
}
