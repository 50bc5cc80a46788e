package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;

/** Keyed state as Java objects on the heap: the default, and the fastest while state fits in memory. */
@PublicEvolving
public final class HashMapStateBackend implements StateBackend {

  private static final long serialVersionUID = 1L;

  /** The name of this backend in {@code state.backend.type}. */
  public static final String NAME = "hashmap";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public String toString() {
    return "HashMapStateBackend";
  }
}
