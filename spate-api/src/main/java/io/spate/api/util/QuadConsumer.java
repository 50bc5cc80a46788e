package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/**
 * A consumer of four arguments.
 *
 * @param <S> the first argument
 * @param <T> the second argument
 * @param <U> the third argument
 * @param <V> the fourth argument
 */
@PublicEvolving
@FunctionalInterface
public interface QuadConsumer<S, T, U, V> {

  /** Consumes the four arguments. */
  void accept(S s, T t, U u, V v);
}
