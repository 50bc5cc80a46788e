package io.spate.state.rocksdb;

import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.StateTtlConfig;
import io.spate.api.operators.state.InternalKvState;
import io.spate.runtime.state.serialization.StateSerializers;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * The base of RocksDB states: builds the row key of the current key and namespace, and reads and
 * writes serialized values.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 * @param <V> the stored value type
 */
abstract class AbstractRocksDBState<K, N, V> implements InternalKvState<N> {

  final RocksDBKeyedStateBackend<K> backend;
  final ColumnFamilyHandle column;
  private final String name;
  TypeSerializer<V> valueSerializer;
  TypeSerializer<N> namespaceSerializer;
  private Class<?> namespaceClass;
  N namespace;
  final DataOutputSerializer rowKey = new DataOutputSerializer(64);
  final DataOutputSerializer valueOut = new DataOutputSerializer(128);
  final DataInputDeserializer valueIn = new DataInputDeserializer();

  AbstractRocksDBState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column, String name,
      TypeSerializer<V> valueSerializer) {
    this.backend = backend;
    this.column = column;
    this.name = name;
    this.valueSerializer = valueSerializer;
    this.namespaceSerializer = StateSerializers.forNamespace(name);
  }

  @Override
  public void setCurrentNamespace(N namespace) {
    this.namespace = namespace;
  }

  @Override
  public String name() {
    return name;
  }

  @SuppressWarnings("unchecked")
  private void writeNamespace(N ns, DataOutputSerializer out) throws IOException {
    if (ns == null) {
      throw new IllegalStateException("State '" + name + "' was accessed with no namespace set.");
    }
    if (namespaceClass == null) {
      namespaceClass = ns.getClass();
    } else if (ns.getClass() != namespaceClass) {
      throw new IllegalStateException("State '" + name + "' is used with namespaces of " + namespaceClass.getName()
          + " and of " + ns.getClass().getName() + "; the RocksDB state backend needs one namespace type per state.");
    }
    namespaceSerializer.serialize(ns, out);
  }

  /** The namespace alone, as it appears in row keys. */
  final byte[] serializeNamespace(N ns) {
    DataOutputSerializer out = new DataOutputSerializer(16);
    try {
      writeNamespace(ns, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.getCopyOfBuffer();
  }

  /** Fills {@link #rowKey} with key group, current key and {@code ns}; returns its length. */
  final int buildRowKey(N ns) {
    DataOutputSerializer prefix = backend.currentKeyPrefix(name);
    rowKey.clear();
    try {
      rowKey.write(prefix.getSharedBuffer(), 0, prefix.length());
      writeNamespace(ns, rowKey);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not serialize the namespace " + ns + " of state '" + name + "'", e);
    }
    return rowKey.length();
  }

  /** The row key of the current key in {@code ns}. */
  final byte[] rowKey(N ns) {
    buildRowKey(ns);
    return rowKey.getCopyOfBuffer();
  }

  /** The length of the key group, key and namespace at the start of {@code row}. */
  final int keyAndNamespaceLength(byte[] row) {
    try {
      DataInputDeserializer in = new DataInputDeserializer(row, 2, row.length - 2);
      skipKeyAndNamespace(in);
      return row.length - in.available();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void skipKeyAndNamespace(DataInputDeserializer in) throws IOException {
    backend.keySerializer().deserialize(in);
    namespaceSerializer.deserialize(in);
  }

  final byte[] getRaw(N ns) {
    int length = buildRowKey(ns); // before taking the buffer: building the key may have grown it
    return getRaw(rowKey.getSharedBuffer(), length);
  }

  /** The value of the row whose key is the first {@code keyLength} bytes of {@code key}, or null. */
  final byte[] getRaw(byte[] key, int keyLength) {
    try {
      return backend.db().get(column, backend.readOptions, key, 0, keyLength);
    } catch (RocksDBException e) {
      throw failure("read", e);
    }
  }

  /** Writes the value in {@code value}'s buffer to the row whose key is the first {@code keyLength} bytes of {@code key}. */
  final void putRaw(byte[] key, int keyLength, DataOutputSerializer value) {
    try {
      backend.db().put(column, backend.writeOptions, key, 0, keyLength, value.getSharedBuffer(), 0, value.length());
    } catch (RocksDBException e) {
      throw failure("write", e);
    }
  }

  /** Writes {@code value} to the row whose key is the first {@code keyLength} bytes of {@code key}. */
  final void putBytes(byte[] key, int keyLength, byte[] value) {
    try {
      backend.db().put(column, backend.writeOptions, key, 0, keyLength, value, 0, value.length);
    } catch (RocksDBException e) {
      throw failure("write", e);
    }
  }

  /** Removes the row whose key is the first {@code keyLength} bytes of {@code key}. */
  final void deleteRaw(byte[] key, int keyLength) {
    try {
      backend.db().delete(column, backend.writeOptions, key, 0, keyLength);
    } catch (RocksDBException e) {
      throw failure("delete", e);
    }
  }

  final V getValue(N ns) {
    byte[] bytes = getRaw(ns);
    return bytes == null ? null : deserializeValue(bytes);
  }

  final void putValue(N ns, V value) {
    serializeValueInto(value);
    putRow(ns, valueOut);
  }

  /** Writes the value in {@code value}'s buffer to the row of the current key in {@code ns}. */
  final void putRow(N ns, DataOutputSerializer value) {
    int length = buildRowKey(ns);
    putRaw(rowKey.getSharedBuffer(), length, value);
  }

  /** Removes the row of the current key in {@code ns}. */
  final void deleteRow(N ns) {
    int length = buildRowKey(ns);
    deleteRaw(rowKey.getSharedBuffer(), length);
  }

  final V deserializeValue(byte[] bytes) {
    valueIn.setBuffer(bytes);
    try {
      return valueSerializer.deserialize(valueIn);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read a value of state '" + name + "' of " + backend.owner(), e);
    }
  }

  /** Serializes {@code value} into {@link #valueOut}. */
  final void serializeValueInto(V value) {
    valueOut.clear();
    try {
      valueSerializer.serialize(value, valueOut);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write a value of state '" + name + "' of " + backend.owner(), e);
    }
  }

  final IllegalStateException failure(String what, RocksDBException e) {
    return new IllegalStateException("Could not " + what + " state '" + name + "' of " + backend.owner()
        + " in RocksDB: " + e.getMessage(), e);
  }

  /** Writes the values this state holds only in memory to RocksDB; see {@link AbstractRocksDBCachedState}. */
  void flushCache() {}

  /** The time-to-live of this state; {@link StateTtlConfig#DISABLED} unless a TTL state overrides it. */
  StateTtlConfig ttlConfig() {
    return StateTtlConfig.DISABLED;
  }

  @Override
  public void clear() {
    deleteRow(namespace);
  }
}
