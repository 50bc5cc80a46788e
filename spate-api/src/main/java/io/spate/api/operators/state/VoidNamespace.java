package io.spate.api.operators.state;

/** The namespace of state that is scoped to a key only, not to a window. */
public enum VoidNamespace {
  /** The only value. */
  INSTANCE
}
