package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;
import java.util.Map;

/**
 * The view of broadcast state that the non-broadcast side of a broadcast process function gets: it
 * may read but not change it, so that every parallel instance keeps the same contents.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@PublicEvolving
public interface ReadOnlyBroadcastState<K, V> extends State {

  /** The value of {@code key}, or null. */
  V get(K key) throws Exception;

  /** Whether {@code key} has a value. */
  boolean contains(K key) throws Exception;

  /** The mappings, unmodifiable. */
  Iterable<Map.Entry<K, V>> immutableEntries() throws Exception;
}
