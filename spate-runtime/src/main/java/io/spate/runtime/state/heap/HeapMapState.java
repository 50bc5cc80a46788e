package io.spate.runtime.state.heap;

import io.spate.api.state.MapState;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** {@link MapState} on the heap. */
final class HeapMapState<K, N, UK, UV> extends AbstractHeapState<K, N, HashMap<UK, UV>>
    implements MapState<UK, UV> {

  HeapMapState(String name, HeapKeyedStateBackend<K> backend) {
    super(name, backend);
  }

  @Override
  public UV get(UK key) {
    HashMap<UK, UV> map = getInternal();
    return map == null ? null : map.get(key);
  }

  @Override
  public void put(UK key, UV value) {
    mapForWrite().put(key, value);
  }

  @Override
  public void putAll(Map<UK, UV> entries) {
    if (entries != null && !entries.isEmpty()) {
      mapForWrite().putAll(entries);
    }
  }

  @Override
  public void remove(UK key) {
    HashMap<UK, UV> map = getInternal();
    if (map != null) {
      map.remove(key);
      if (map.isEmpty()) {
        clear();
      }
    }
  }

  @Override
  public boolean contains(UK key) {
    HashMap<UK, UV> map = getInternal();
    return map != null && map.containsKey(key);
  }

  @Override
  public Iterable<Map.Entry<UK, UV>> entries() {
    return this::iterator;
  }

  @Override
  public Iterable<UK> keys() {
    HashMap<UK, UV> map = getInternal();
    return map == null ? Collections.emptySet() : map.keySet();
  }

  @Override
  public Iterable<UV> values() {
    HashMap<UK, UV> map = getInternal();
    return map == null ? Collections.emptyList() : map.values();
  }

  @Override
  public Iterator<Map.Entry<UK, UV>> iterator() {
    HashMap<UK, UV> map = getInternal();
    return map == null ? Collections.emptyIterator() : map.entrySet().iterator();
  }

  @Override
  public boolean isEmpty() {
    HashMap<UK, UV> map = getInternal();
    return map == null || map.isEmpty();
  }

  private HashMap<UK, UV> mapForWrite() {
    HashMap<UK, UV> map = getInternal();
    if (map == null) {
      map = new HashMap<>();
      putInternal(map);
    }
    return map;
  }
}
