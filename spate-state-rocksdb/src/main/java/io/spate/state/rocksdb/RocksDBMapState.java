package io.spate.state.rocksdb;

import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.MapState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

/**
 * {@link MapState} in RocksDB: one row per user key, after the key and namespace; a value is a null
 * flag byte and the serialized user value. Iteration reads the rows of the current key and namespace
 * in bounded chunks.
 */
class RocksDBMapState<K, N, UK, UV> extends AbstractRocksDBState<K, N, Object> implements MapState<UK, UV> {

  final TypeSerializer<UK> userKeySerializer;
  TypeSerializer<UV> userValueSerializer;
  private final DataOutputSerializer userValueOut = new DataOutputSerializer(64);
  private final DataInputDeserializer in = new DataInputDeserializer();

  RocksDBMapState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column, String name,
      TypeSerializer<UK> userKeySerializer, TypeSerializer<UV> userValueSerializer) {
    super(backend, column, name, null);
    this.userKeySerializer = userKeySerializer;
    this.userValueSerializer = userValueSerializer;
  }

  /** Writes the row key of {@code userKey} into the shared row-key buffer; returns its length. */
  final int userRowKey(UK userKey) {
    buildRowKey(namespace);
    try {
      userKeySerializer.serialize(userKey, rowKey);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not serialize user key " + userKey + " of map state '" + name() + "'", e);
    }
    return rowKey.length();
  }

  /** Writes the encoded {@code value} into the shared value buffer. */
  private DataOutputSerializer encodeValue(UV value) {
    userValueOut.clear();
    try {
      userValueOut.writeBoolean(value == null);
      if (value != null) {
        userValueSerializer.serialize(value, userValueOut);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not serialize a value of map state '" + name() + "'", e);
    }
    return userValueOut;
  }

  private UV decodeValue(byte[] bytes) {
    in.setBuffer(bytes);
    try {
      return in.readBoolean() ? null : userValueSerializer.deserialize(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read a value of map state '" + name() + "'", e);
    }
  }

  final UK decodeUserKey(byte[] row, int prefixLength) {
    in.setBuffer(row, prefixLength, row.length - prefixLength);
    try {
      return userKeySerializer.deserialize(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read a user key of map state '" + name() + "'", e);
    }
  }

  @Override
  public UV get(UK key) throws Exception {
    int length = userRowKey(key); // before taking the buffer: serializing may have grown it
    byte[] bytes = getRaw(rowKey.getSharedBuffer(), length);
    return bytes == null ? null : decodeValue(bytes);
  }

  @Override
  public void put(UK key, UV value) {
    int length = userRowKey(key);
    putRaw(rowKey.getSharedBuffer(), length, encodeValue(value));
  }

  @Override
  public void putAll(Map<UK, UV> entries) {
    if (entries != null) {
      entries.forEach(this::put);
    }
  }

  @Override
  public void remove(UK key) {
    int length = userRowKey(key);
    deleteRaw(rowKey.getSharedBuffer(), length);
  }

  @Override
  public boolean contains(UK key) throws Exception {
    int length = userRowKey(key);
    return getRaw(rowKey.getSharedBuffer(), length) != null;
  }

  @Override
  public Iterable<Map.Entry<UK, UV>> entries() {
    return this::iterator;
  }

  @Override
  public Iterable<UK> keys() {
    return () -> new RowIterator<>(Map.Entry::getKey);
  }

  @Override
  public Iterable<UV> values() {
    return () -> new RowIterator<>(Map.Entry::getValue);
  }

  @Override
  public Iterator<Map.Entry<UK, UV>> iterator() {
    return new RowIterator<>(Function.identity());
  }

  @Override
  public boolean isEmpty() {
    return !new RowIterator<>(Function.identity()).hasNext();
  }

  @Override
  public void clear() {
    RowIterator<Map.Entry<UK, UV>> rows = new RowIterator<>(Function.identity());
    while (rows.hasNext()) {
      rows.next();
      rows.remove();
    }
  }

  /** An entry that writes {@link #setValue} through to RocksDB. */
  private final class Entry implements Map.Entry<UK, UV> {
    private final byte[] row;
    private final UK key;
    private UV value;

    Entry(byte[] row, UK key, UV value) {
      this.row = row;
      this.key = key;
      this.value = value;
    }

    @Override
    public UK getKey() {
      return key;
    }

    @Override
    public UV getValue() {
      return value;
    }

    @Override
    public UV setValue(UV newValue) {
      UV old = value;
      putRaw(row, row.length, encodeValue(newValue));
      value = newValue;
      return old;
    }
  }

  /**
   * The rows of the current key and namespace (fixed when the iterator is created), read in chunks
   * through short-lived native iterators; {@link #remove} deletes the last row returned.
   */
  private final class RowIterator<T> implements Iterator<T> {
    private final Function<Map.Entry<UK, UV>, T> view;
    private final byte[] prefix;
    private final List<Entry> buffer = new ArrayList<>();
    private int position;
    private byte[] lastRow;
    private Entry lastReturned;
    private boolean exhausted;

    RowIterator(Function<Map.Entry<UK, UV>, T> view) {
      this.view = view;
      this.prefix = rowKey(namespace);
    }

    @Override
    public boolean hasNext() {
      if (position >= buffer.size() && !exhausted) {
        fill();
      }
      return position < buffer.size();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      lastReturned = buffer.get(position++);
      return view.apply(lastReturned);
    }

    @Override
    public void remove() {
      if (lastReturned == null) {
        throw new IllegalStateException("next() was not called, or remove() was called twice");
      }
      deleteRaw(lastReturned.row, lastReturned.row.length);
      lastReturned = null;
    }

    private void fill() {
      buffer.clear();
      position = 0;
      try (RocksIterator it = backend.db().newIterator(column, backend.readOptions)) {
        if (lastRow == null) {
          it.seek(prefix);
        } else {
          it.seek(lastRow);
          if (it.isValid() && Arrays.equals(it.key(), lastRow)) {
            it.next();
          }
        }
        for (; it.isValid() && buffer.size() < RocksDBKeyedStateBackend.ITERATION_CHUNK; it.next()) {
          byte[] row = it.key();
          if (row.length < prefix.length || !Arrays.equals(row, 0, prefix.length, prefix, 0, prefix.length)) {
            exhausted = true;
            return;
          }
          lastRow = row;
          buffer.add(new Entry(row, decodeUserKey(row, prefix.length), decodeValue(it.value())));
        }
        if (!it.isValid()) {
          exhausted = true;
        }
      }
    }
  }
}
