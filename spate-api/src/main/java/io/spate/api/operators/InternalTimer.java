package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;

/**
 * A timer of a keyed operator: when it fires, the key it belongs to and the namespace it was set in.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 */
@PublicEvolving
public interface InternalTimer<K, N> {

  /** When the timer fires, in milliseconds of its time domain. */
  long getTimestamp();

  /** The key it belongs to. */
  K getKey();

  /** The namespace it was set in. */
  N getNamespace();
}
