package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Serializes maps as a size followed by the entries in iteration order; keys and values may be
 * null. Reads them back as {@link LinkedHashMap}, so the order survives. A copy of a {@link HashMap}
 * is a {@code HashMap} again and a copy of any other map a {@code LinkedHashMap} in its order.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@Internal
public final class MapSerializer<K, V> extends TypeSerializer<Map<K, V>> {

  private static final long serialVersionUID = 1L;

  /** Caps the capacity allocated up front, in case the size comes from corrupt input. */
  private static final int MAX_INITIAL_CAPACITY = 1 << 16;

  private final TypeSerializer<K> keySerializer;
  private final TypeSerializer<V> valueSerializer;

  /** Creates a serializer writing keys and values with the given serializers. */
  public MapSerializer(TypeSerializer<K> keySerializer, TypeSerializer<V> valueSerializer) {
    this.keySerializer = Objects.requireNonNull(keySerializer, "keySerializer");
    this.valueSerializer = Objects.requireNonNull(valueSerializer, "valueSerializer");
  }

  /** The serializer of the keys. */
  public TypeSerializer<K> getKeySerializer() {
    return keySerializer;
  }

  /** The serializer of the values. */
  public TypeSerializer<V> getValueSerializer() {
    return valueSerializer;
  }

  @Override
  public void serialize(Map<K, V> value, DataOutputView target) throws IOException {
    int size = value.size();
    target.writeVarInt(size);
    int written = 0;
    for (Map.Entry<K, V> entry : value.entrySet()) {
      NullMarkers.write(entry.getKey(), keySerializer, target);
      NullMarkers.write(entry.getValue(), valueSerializer, target);
      written++;
    }
    if (written != size) {
      throw new IOException("The map changed size while it was serialized");
    }
  }

  @Override
  public Map<K, V> deserialize(DataInputView source) throws IOException {
    int size = readLength(source);
    Map<K, V> map = new LinkedHashMap<>(capacityFor(Math.min(size, MAX_INITIAL_CAPACITY)));
    for (int i = 0; i < size; i++) {
      K key = NullMarkers.read(keySerializer, source);
      map.put(key, NullMarkers.read(valueSerializer, source));
    }
    return map;
  }

  @Override
  public Map<K, V> copy(Map<K, V> value) {
    if (value == null) {
      return null;
    }
    // a HashMap stays one: state backends copy values a snapshot still reads, and a LinkedHashMap
    // would make every later iteration of the user's map chase its links from node to node
    int capacity = capacityFor(value.size());
    Map<K, V> copy = value.getClass() == HashMap.class ? new HashMap<>(capacity) : new LinkedHashMap<>(capacity);
    for (Map.Entry<K, V> entry : value.entrySet()) {
      copy.put(
          NullMarkers.copy(entry.getKey(), keySerializer),
          NullMarkers.copy(entry.getValue(), valueSerializer));
    }
    return copy;
  }

  /** The table capacity that holds {@code size} entries without rehashing at the default load. */
  private static int capacityFor(int size) {
    return (int) Math.min(Integer.MAX_VALUE, size * 4L / 3 + 1);
  }

  /** An empty {@link LinkedHashMap}, the kind of map {@link #deserialize} returns. */
  @Override
  public Map<K, V> createInstance() {
    return new LinkedHashMap<>();
  }

  @Override
  public TypeSerializer<Map<K, V>> duplicate() {
    TypeSerializer<K> keys = keySerializer.duplicate();
    TypeSerializer<V> values = valueSerializer.duplicate();
    return keys == keySerializer && values == valueSerializer
        ? this
        : new MapSerializer<>(keys, values);
  }

  @Override
  public TypeSerializerSnapshot<Map<K, V>> snapshotConfiguration() {
    return new MapSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MapSerializer<?, ?> other
        && other.keySerializer.equals(keySerializer)
        && other.valueSerializer.equals(valueSerializer);
  }

  @Override
  public int hashCode() {
    return 31 * keySerializer.hashCode() + valueSerializer.hashCode();
  }

  @Override
  public String toString() {
    return "MapSerializer(" + keySerializer + ", " + valueSerializer + ")";
  }
}
