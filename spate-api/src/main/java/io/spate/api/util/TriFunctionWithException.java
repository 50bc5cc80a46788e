package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/**
 * A function of three arguments that may throw {@code E}.
 *
 * @param <S> the first argument
 * @param <T> the second argument
 * @param <U> the third argument
 * @param <R> the result
 * @param <E> what it may throw
 */
@PublicEvolving
@FunctionalInterface
public interface TriFunctionWithException<S, T, U, R, E extends Throwable> {

  /** The result for the three arguments. */
  R apply(S s, T t, U u) throws E;

  /** A {@link TriFunction} that rethrows what {@code function} throws, a checked exception wrapped in a RuntimeException. */
  static <A, B, C, D> TriFunction<A, B, C, D> unchecked(TriFunctionWithException<A, B, C, D, ?> function) {
    return (a, b, c) -> {
      try {
        return function.apply(a, b, c);
      } catch (Throwable t) {
        throw Rethrow.unchecked(t);
      }
    };
  }
}
