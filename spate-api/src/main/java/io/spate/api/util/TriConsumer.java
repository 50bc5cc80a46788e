package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/**
 * A consumer of three arguments.
 *
 * @param <S> the first argument
 * @param <T> the second argument
 * @param <U> the third argument
 */
@PublicEvolving
@FunctionalInterface
public interface TriConsumer<S, T, U> {

  /** Consumes the three arguments. */
  void accept(S s, T t, U u);
}
