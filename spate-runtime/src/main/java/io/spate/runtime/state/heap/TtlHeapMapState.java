package io.spate.runtime.state.heap;

import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/** {@link MapState} on the heap with a time to live per entry. */
final class TtlHeapMapState<K, N, UK, UV> extends AbstractTtlHeapState<K, N, HashMap<UK, TtlValue<UV>>>
    implements MapState<UK, UV> {

  TtlHeapMapState(MapStateDescriptor<UK, UV> descriptor, HeapKeyedStateBackend<K> backend) {
    super(descriptor.getName(), descriptor.getTtlConfig(), backend);
  }

  @Override
  public UV get(UK key) {
    TtlValue<UV> entry = read(key, access());
    return entry == null ? null : entry.value;
  }

  @Override
  public boolean contains(UK key) {
    return read(key, access()) != null;
  }

  /** Reads the entry of {@code key} as a user read does: null when absent or invisible. */
  private TtlValue<UV> read(UK key, long now) {
    HashMap<UK, TtlValue<UV>> map = getInternal();
    if (map == null) {
      return null;
    }
    TtlValue<UV> entry = map.get(key);
    if (entry == null) {
      return null;
    }
    if (!expired(entry, now)) {
      if (updateOnRead) {
        entry.lastAccess = now;
      }
      return entry;
    }
    map.remove(key);
    if (map.isEmpty()) {
      deleteInternal(namespace);
    }
    return returnExpired ? entry : null;
  }

  @Override
  public void put(UK key, UV value) {
    long now = access();
    put(mapForWrite(), key, value, now);
  }

  @Override
  public void putAll(Map<UK, UV> entries) {
    if (entries == null || entries.isEmpty()) {
      return;
    }
    long now = access();
    HashMap<UK, TtlValue<UV>> map = mapForWrite();
    for (Map.Entry<UK, UV> entry : entries.entrySet()) {
      put(map, entry.getKey(), entry.getValue(), now);
    }
  }

  private static <UK, UV> void put(HashMap<UK, TtlValue<UV>> map, UK key, UV value, long now) {
    TtlValue<UV> entry = map.get(key);
    if (entry != null) {
      entry.value = value;
      entry.lastAccess = now;
    } else {
      map.put(key, new TtlValue<>(value, now));
    }
  }

  @Override
  public void remove(UK key) {
    access();
    HashMap<UK, TtlValue<UV>> map = getInternal();
    if (map != null) {
      map.remove(key);
      if (map.isEmpty()) {
        deleteInternal(namespace);
      }
    }
  }

  @Override
  public boolean isEmpty() {
    long now = access();
    HashMap<UK, TtlValue<UV>> map = getInternal();
    if (map == null) {
      return true;
    }
    if (!returnExpired && !purgeExpired(map, now)) {
      deleteInternal(namespace);
      return true;
    }
    return map.isEmpty();
  }

  @Override
  public Iterable<Map.Entry<UK, UV>> entries() {
    return this::iterator;
  }

  @Override
  public Iterable<UK> keys() {
    return () -> new Iterator<>() {
      private final Iterator<Map.Entry<UK, UV>> entries = iterator();

      @Override
      public boolean hasNext() {
        return entries.hasNext();
      }

      @Override
      public UK next() {
        return entries.next().getKey();
      }

      @Override
      public void remove() {
        entries.remove();
      }
    };
  }

  @Override
  public Iterable<UV> values() {
    return () -> new Iterator<>() {
      private final Iterator<Map.Entry<UK, UV>> entries = iterator();

      @Override
      public boolean hasNext() {
        return entries.hasNext();
      }

      @Override
      public UV next() {
        return entries.next().getValue();
      }

      @Override
      public void remove() {
        entries.remove();
      }
    };
  }

  @Override
  public Iterator<Map.Entry<UK, UV>> iterator() {
    long now = access();
    HashMap<UK, TtlValue<UV>> map = getInternal();
    return map == null ? Collections.emptyIterator() : new TtlEntryIterator(map, now);
  }

  @Override
  boolean purgeExpired(HashMap<UK, TtlValue<UV>> map, long now) {
    map.values().removeIf(entry -> expired(entry, now));
    return !map.isEmpty();
  }

  private HashMap<UK, TtlValue<UV>> mapForWrite() {
    HashMap<UK, TtlValue<UV>> map = getInternal();
    if (map == null) {
      map = new HashMap<>();
      putInternal(map);
      track(namespace);
    }
    return map;
  }

  /**
   * Iterates the visible entries, applying the read rules to each as it is reached. It walks a copy
   * of the map's entries so that removing expired entries on the way (and the caller's changes
   * between steps) cannot break the iteration.
   */
  private final class TtlEntryIterator implements Iterator<Map.Entry<UK, UV>> {
    private final HashMap<UK, TtlValue<UV>> map;
    private final ArrayList<Map.Entry<UK, TtlValue<UV>>> snapshot;
    private final long now;
    private final int keyGroup;
    private final K key;
    private final N ns;
    private int position;
    private Entry next;
    private Entry last;

    TtlEntryIterator(HashMap<UK, TtlValue<UV>> map, long now) {
      this.map = map;
      this.snapshot = new ArrayList<>(map.entrySet());
      this.now = now;
      this.keyGroup = backend.getCurrentKeyGroup();
      this.key = currentKey();
      this.ns = namespace;
    }

    @Override
    public boolean hasNext() {
      while (next == null && position < snapshot.size()) {
        Map.Entry<UK, TtlValue<UV>> candidate = snapshot.get(position++);
        UK userKey = candidate.getKey();
        TtlValue<UV> entry = candidate.getValue();
        if (map.get(userKey) != entry) {
          continue; // removed since the iteration began
        }
        if (expired(entry, now)) {
          removeFromMap(userKey);
          if (returnExpired) {
            next = new Entry(userKey, entry);
          }
        } else {
          if (updateOnRead) {
            entry.lastAccess = now;
          }
          next = new Entry(userKey, entry);
        }
      }
      return next != null;
    }

    @Override
    public Map.Entry<UK, UV> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      last = next;
      next = null;
      return last;
    }

    @Override
    public void remove() {
      if (last == null) {
        throw new IllegalStateException("remove() must follow next().");
      }
      if (map.get(last.key) == last.entry) {
        removeFromMap(last.key);
      }
      last = null;
    }

    private void removeFromMap(UK userKey) {
      map.remove(userKey);
      if (map.isEmpty() && table.get(keyGroup, key, ns) == map) {
        table.delete(keyGroup, key, ns);
      }
    }
  }

  /** A visible mapping; setting its value is a write. */
  private final class Entry implements Map.Entry<UK, UV> {
    final UK key;
    final TtlValue<UV> entry;

    Entry(UK key, TtlValue<UV> entry) {
      this.key = key;
      this.entry = entry;
    }

    @Override
    public UK getKey() {
      return key;
    }

    @Override
    public UV getValue() {
      return entry.value;
    }

    @Override
    public UV setValue(UV value) {
      UV previous = entry.value;
      entry.value = value;
      entry.lastAccess = now();
      return previous;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Map.Entry<?, ?> other
          && Objects.equals(key, other.getKey()) && Objects.equals(entry.value, other.getValue());
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(key) ^ Objects.hashCode(entry.value);
    }

    @Override
    public String toString() {
      return key + "=" + entry.value;
    }
  }
}
