package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;

/**
 * Visits the keyed state of one key, for {@code applyToKeyedState} on the broadcast side of a keyed
 * broadcast process function.
 *
 * @param <K> the key type
 * @param <S> the state type
 */
@PublicEvolving
@FunctionalInterface
public interface KeyedStateFunction<K, S extends State> {

  /** Processes {@code state}, which belongs to {@code key}. */
  void process(K key, S state) throws Exception;
}
