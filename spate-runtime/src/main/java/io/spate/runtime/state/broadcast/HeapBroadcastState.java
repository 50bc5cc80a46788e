package io.spate.runtime.state.broadcast;

import io.spate.api.state.BroadcastState;
import io.spate.api.state.MapStateDescriptor;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One broadcast state of one parallel instance, held on the heap as a map in insertion order; every
 * instance holds the same contents because only the broadcast side writes it.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class HeapBroadcastState<K, V> implements BroadcastState<K, V> {

  private final MapStateDescriptor<K, V> descriptor;
  private final Map<K, V> map = new LinkedHashMap<>();

  /** An empty state described by {@code descriptor}. */
  public HeapBroadcastState(MapStateDescriptor<K, V> descriptor) {
    this.descriptor = descriptor;
  }

  /** The descriptor this state was registered with. */
  public MapStateDescriptor<K, V> getDescriptor() {
    return descriptor;
  }

  /** The live contents, for snapshots and restores. */
  public Map<K, V> contents() {
    return map;
  }

  @Override
  public V get(K key) {
    return map.get(key);
  }

  @Override
  public boolean contains(K key) {
    return map.containsKey(key);
  }

  @Override
  public Iterable<Map.Entry<K, V>> immutableEntries() {
    return Collections.unmodifiableMap(map).entrySet();
  }

  @Override
  public void put(K key, V value) {
    map.put(key, value);
  }

  @Override
  public void putAll(Map<K, V> values) {
    map.putAll(values);
  }

  @Override
  public void remove(K key) {
    map.remove(key);
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    return map.entrySet().iterator();
  }

  @Override
  public Iterable<Map.Entry<K, V>> entries() {
    return map.entrySet();
  }

  @Override
  public void clear() {
    map.clear();
  }
}
