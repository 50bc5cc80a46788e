package io.spate.state.rocksdb;

import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.ListState;
import io.spate.api.state.StateTtlConfig;
import io.spate.api.operators.state.InternalMergingState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * {@link ListState} in RocksDB with a time to live per element: each element is its varint length
 * and bytes as in {@link RocksDBListState}, the bytes being its last-access time and the serialized
 * element, so appending stays a merge that never reads the list.
 */
final class RocksDBTtlListState<K, N, V> extends AbstractRocksDBTtlState<K, N, V>
    implements ListState<V>, InternalMergingState<N> {

  private final DataOutputSerializer element = new DataOutputSerializer(64);
  private final DataInputDeserializer elementIn = new DataInputDeserializer();

  RocksDBTtlListState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column, String name,
      TypeSerializer<V> elementSerializer, StateTtlConfig ttl) {
    super(backend, column, name, elementSerializer, ttl);
  }

  @Override
  public Iterable<V> get() {
    long now = now();
    int keyLength = buildRowKey(namespace);
    byte[] stored = getRaw(rowKey.getSharedBuffer(), keyLength);
    if (stored == null) {
      return Collections.emptyList();
    }
    List<V> result = new ArrayList<>();
    // The kept elements, rewritten only if the read dropped an expired one or refreshed the times.
    DataOutputSerializer kept = valueOut;
    kept.clear();
    boolean dropped = false;
    DataInputDeserializer in = valueIn;
    in.setBuffer(stored);
    try {
      while (in.available() > 0) {
        int length = in.readVarInt();
        int start = stored.length - in.available();
        if (length < TIMESTAMP_BYTES || length > in.available()) {
          throw new IOException("corrupt list element length " + length);
        }
        long lastAccess = lastAccess(stored, start);
        if (expired(lastAccess, now)) {
          dropped = true;
          if (returnExpired) {
            result.add(decode(stored, start, length));
          }
        } else {
          result.add(decode(stored, start, length));
          if (updateOnRead) {
            setLastAccess(stored, start, now);
          }
          kept.writeVarInt(length);
          kept.write(stored, start, length);
        }
        in.skipBytes(length);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read list state '" + name() + "' of " + backend.owner(), e);
    }
    if (kept.length() == 0) {
      deleteRaw(rowKey.getSharedBuffer(), keyLength);
    } else if (dropped || updateOnRead) {
      putRaw(rowKey.getSharedBuffer(), keyLength, kept);
    }
    return result;
  }

  private V decode(byte[] stored, int start, int length) throws IOException {
    elementIn.setBuffer(stored, start + TIMESTAMP_BYTES, length - TIMESTAMP_BYTES);
    return valueSerializer.deserialize(elementIn);
  }

  @Override
  public void add(V value) {
    checkElement(value);
    valueOut.clear();
    encodeElement(value, now());
    mergeRow(namespace);
  }

  @Override
  public void addAll(List<V> values) {
    if (values == null || values.isEmpty()) {
      return;
    }
    values.forEach(this::checkElement);
    encode(values, now());
    mergeRow(namespace);
  }

  @Override
  public void update(List<V> values) {
    if (values == null || values.isEmpty()) {
      clear();
      return;
    }
    values.forEach(this::checkElement);
    encode(values, now());
    putRow(namespace, valueOut);
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) {
    for (N source : sources) {
      byte[] bytes = getRaw(source);
      if (bytes != null) {
        deleteRow(source);
        // Elements keep their own last-access times, and the encoding concatenates.
        try {
          backend.db().merge(column, backend.writeOptions, rowKey(target), bytes);
        } catch (RocksDBException e) {
          throw failure("append to", e);
        }
      }
    }
  }

  private void mergeRow(N ns) {
    int length = buildRowKey(ns);
    try {
      backend.db().merge(column, backend.writeOptions, rowKey.getSharedBuffer(), 0, length,
          valueOut.getSharedBuffer(), 0, valueOut.length());
    } catch (RocksDBException e) {
      throw failure("append to", e);
    }
  }

  private void encode(List<V> values, long now) {
    valueOut.clear();
    for (V value : values) {
      encodeElement(value, now);
    }
  }

  private void encodeElement(V value, long now) {
    element.clear();
    try {
      element.writeLong(now);
      valueSerializer.serialize(value, element);
      valueOut.writeVarInt(element.length());
      valueOut.write(element.getSharedBuffer(), 0, element.length());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write an element of list state '" + name() + "'", e);
    }
  }

  private void checkElement(V value) {
    if (value == null) {
      throw new NullPointerException("List state '" + name() + "' cannot hold null elements.");
    }
  }
}
