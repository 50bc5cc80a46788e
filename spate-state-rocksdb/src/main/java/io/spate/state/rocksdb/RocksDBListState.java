package io.spate.state.rocksdb;

import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.ListState;
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
 * {@link ListState} in RocksDB. The value is the elements one after another, each as a varint length
 * and its bytes, so that appending is a RocksDB merge (concatenation, no separator) that never reads
 * the list.
 */
final class RocksDBListState<K, N, V> extends AbstractRocksDBState<K, N, V>
    implements ListState<V>, InternalMergingState<N> {

  private final DataOutputSerializer element = new DataOutputSerializer(64);

  RocksDBListState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle column, String name,
      TypeSerializer<V> elementSerializer) {
    super(backend, column, name, elementSerializer);
  }

  @Override
  public Iterable<V> get() {
    byte[] bytes = getRaw(namespace);
    return bytes == null ? Collections.emptyList() : decode(bytes);
  }

  @Override
  public void add(V value) {
    checkElement(value);
    valueOut.clear();
    encodeElement(value);
    mergeRow(namespace);
  }

  @Override
  public void addAll(List<V> values) {
    if (values == null || values.isEmpty()) {
      return;
    }
    values.forEach(this::checkElement);
    encode(values);
    mergeRow(namespace);
  }

  @Override
  public void update(List<V> values) {
    if (values == null || values.isEmpty()) {
      clear();
      return;
    }
    values.forEach(this::checkElement);
    encode(values);
    putRow(namespace, valueOut);
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) {
    for (N source : sources) {
      byte[] bytes = getRaw(source);
      if (bytes != null) {
        deleteRow(source);
        merge(rowKey(target), bytes); // the encoding concatenates, so raw bytes append as they are
      }
    }
  }

  private void merge(byte[] key, byte[] elements) {
    try {
      backend.db().merge(column, backend.writeOptions, key, elements);
    } catch (RocksDBException e) {
      throw failure("append to", e);
    }
  }

  /** Appends the elements in {@link #valueOut} to the row of the current key in {@code ns}. */
  private void mergeRow(N ns) {
    int length = buildRowKey(ns);
    try {
      backend.db().merge(column, backend.writeOptions, rowKey.getSharedBuffer(), 0, length,
          valueOut.getSharedBuffer(), 0, valueOut.length());
    } catch (RocksDBException e) {
      throw failure("append to", e);
    }
  }

  /** Encodes {@code values} into {@link #valueOut}: each element with its length in front. */
  private void encode(List<V> values) {
    valueOut.clear();
    for (V value : values) {
      encodeElement(value);
    }
  }

  private void encodeElement(V value) {
    element.clear();
    try {
      valueSerializer.serialize(value, element);
      valueOut.writeVarInt(element.length());
      valueOut.write(element.getSharedBuffer(), 0, element.length());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write an element of list state '" + name() + "'", e);
    }
  }

  private List<V> decode(byte[] bytes) {
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    DataInputDeserializer elementIn = new DataInputDeserializer();
    List<V> out = new ArrayList<>();
    try {
      while (in.available() > 0) {
        int length = in.readVarInt();
        int start = bytes.length - in.available();
        elementIn.setBuffer(bytes, start, length);
        out.add(valueSerializer.deserialize(elementIn));
        in.skipBytes(length);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read list state '" + name() + "'", e);
    }
    return out;
  }

  private void checkElement(V value) {
    if (value == null) {
      throw new NullPointerException("List state '" + name() + "' cannot hold null elements.");
    }
  }
}
