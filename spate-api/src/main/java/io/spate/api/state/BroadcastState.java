package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;
import java.util.Iterator;
import java.util.Map;

/**
 * A map that every parallel instance of an operator holds in full, written by the broadcast side.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@PublicEvolving
public interface BroadcastState<K, V> extends ReadOnlyBroadcastState<K, V> {

  /** Sets the value of {@code key}. */
  void put(K key, V value) throws Exception;

  /** Sets all mappings of {@code map}. */
  void putAll(Map<K, V> map) throws Exception;

  /** Removes {@code key}. */
  void remove(K key) throws Exception;

  /** An iterator over the mappings; it may remove. */
  Iterator<Map.Entry<K, V>> iterator() throws Exception;

  /** The mappings; their iterators may remove. */
  Iterable<Map.Entry<K, V>> entries() throws Exception;
}
