package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;

/** A piece of state, scoped to the current key (and, inside windows, to the current window). */
@PublicEvolving
public interface State {

  /** Removes the value of this state for the current key. */
  void clear();
}
