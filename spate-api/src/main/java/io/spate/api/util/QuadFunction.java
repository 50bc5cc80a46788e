package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/**
 * A function of four arguments.
 *
 * @param <S> the first argument
 * @param <T> the second argument
 * @param <U> the third argument
 * @param <V> the fourth argument
 * @param <R> the result
 */
@PublicEvolving
@FunctionalInterface
public interface QuadFunction<S, T, U, V, R> {

  /** The result for the four arguments. */
  R apply(S s, T t, U u, V v);
}
