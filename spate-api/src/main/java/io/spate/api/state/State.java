package io.spate.api.state;

/** A piece of state, scoped to the current key (and, inside windows, to the current window). */
public interface State {

  /** Removes the value of this state for the current key. */
  void clear();
}
