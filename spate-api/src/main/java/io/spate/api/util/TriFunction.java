package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/**
 * A function of three arguments.
 *
 * @param <S> the first argument
 * @param <T> the second argument
 * @param <U> the third argument
 * @param <R> the result
 */
@PublicEvolving
@FunctionalInterface
public interface TriFunction<S, T, U, R> {

  /** The result for the three arguments. */
  R apply(S s, T t, U u);
}
