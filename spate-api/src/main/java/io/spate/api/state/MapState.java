package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;
import java.util.Iterator;
import java.util.Map;

/**
 * A map of user keys to user values per key.
 *
 * @param <UK> the user key type
 * @param <UV> the user value type
 */
@PublicEvolving
public interface MapState<UK, UV> extends State {

  /** The value of {@code key}, or null. */
  UV get(UK key) throws Exception;

  /** Sets the value of {@code key}. */
  void put(UK key, UV value) throws Exception;

  /** Sets all mappings of {@code map}. */
  void putAll(Map<UK, UV> map) throws Exception;

  /** Removes {@code key}. */
  void remove(UK key) throws Exception;

  /** Whether {@code key} has a value. */
  boolean contains(UK key) throws Exception;

  /** The mappings; removing through the iterator removes from the state. */
  Iterable<Map.Entry<UK, UV>> entries() throws Exception;

  /** The user keys. */
  Iterable<UK> keys() throws Exception;

  /** The user values. */
  Iterable<UV> values() throws Exception;

  /** An iterator over the mappings. */
  Iterator<Map.Entry<UK, UV>> iterator() throws Exception;

  /** Whether the map of the current key is empty. */
  boolean isEmpty() throws Exception;
}
