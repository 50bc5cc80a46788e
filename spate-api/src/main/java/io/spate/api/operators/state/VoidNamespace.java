package io.spate.api.operators.state;

import io.spate.api.annotation.PublicEvolving;

/** The namespace of state that is scoped to a key only, not to a window. */
@PublicEvolving
public enum VoidNamespace {
  /** The only value. */
  INSTANCE
}
