package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;

/** Holds the current key of a keyed operator: the key its keyed state and timers refer to. */
@PublicEvolving
public interface KeyContext {

  /** Makes {@code key} the current key. */
  void setCurrentKey(Object key);

  /** The current key. */
  Object getCurrentKey();
}
