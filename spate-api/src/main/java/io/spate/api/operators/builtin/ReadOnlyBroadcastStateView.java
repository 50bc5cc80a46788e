package io.spate.api.operators.builtin;

import io.spate.api.state.BroadcastState;
import java.util.Iterator;
import java.util.Map;

/**
 * The view of a broadcast state that the non-broadcast side gets: reads go through, every write
 * (also through a cast to {@link BroadcastState} or an entry's {@code setValue}) fails with a message
 * that says why, since a write from one instance would make the instances disagree.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class ReadOnlyBroadcastStateView<K, V> implements BroadcastState<K, V> {

  private final String name;
  private final BroadcastState<K, V> state;

  /** A read-only view of {@code state}, named {@code name} in errors. */
  public ReadOnlyBroadcastStateView(String name, BroadcastState<K, V> state) {
    this.name = name;
    this.state = state;
  }

  private UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException("The broadcast state '" + name
        + "' is read-only in processElement: only processBroadcastElement may change it, so that all "
        + "parallel instances keep the same contents.");
  }

  @Override
  public V get(K key) throws Exception {
    return state.get(key);
  }

  @Override
  public boolean contains(K key) throws Exception {
    return state.contains(key);
  }

  @Override
  public Iterable<Map.Entry<K, V>> immutableEntries() throws Exception {
    Iterable<Map.Entry<K, V>> entries = state.immutableEntries();
    return () -> new Iterator<>() {
      private final Iterator<Map.Entry<K, V>> it = entries.iterator();

      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Map.Entry<K, V> next() {
        Map.Entry<K, V> e = it.next();
        return new ReadOnlyEntry(e.getKey(), e.getValue());
      }

      @Override
      public void remove() {
        throw readOnly();
      }
    };
  }

  @Override
  public void put(K key, V value) {
    throw readOnly();
  }

  @Override
  public void putAll(Map<K, V> map) {
    throw readOnly();
  }

  @Override
  public void remove(K key) {
    throw readOnly();
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    throw readOnly();
  }

  @Override
  public Iterable<Map.Entry<K, V>> entries() {
    throw readOnly();
  }

  @Override
  public void clear() {
    throw readOnly();
  }

  private final class ReadOnlyEntry implements Map.Entry<K, V> {
    private final K key;
    private final V value;

    ReadOnlyEntry(K key, V value) {
      this.key = key;
      this.value = value;
    }

    @Override
    public K getKey() {
      return key;
    }

    @Override
    public V getValue() {
      return value;
    }

    @Override
    public V setValue(V newValue) {
      throw readOnly();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Map.Entry<?, ?> e && java.util.Objects.equals(key, e.getKey())
          && java.util.Objects.equals(value, e.getValue());
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hashCode(key) ^ java.util.Objects.hashCode(value);
    }

    @Override
    public String toString() {
      return key + "=" + value;
    }
  }
}
