package io.spate.api.operators.state;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.state.State;

/**
 * The runtime's side of a keyed state: the same object serves every key and namespace, and the
 * operator points it at the namespace it needs (the current key comes from the backend).
 *
 * @param <N> the namespace type
 */
@PublicEvolving
public interface InternalKvState<N> extends State {

  /** Points this state at {@code namespace} for the calls that follow. */
  void setCurrentNamespace(N namespace);

  /** The name of the state. */
  String name();
}
