package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.util.function.BiFunction;

/**
 * A function of two arguments that may throw {@code E}.
 *
 * @param <T> the first argument
 * @param <U> the second argument
 * @param <R> the result
 * @param <E> what it may throw
 */
@PublicEvolving
@FunctionalInterface
public interface BiFunctionWithException<T, U, R, E extends Throwable> {

  /** The result for {@code t} and {@code u}. */
  R apply(T t, U u) throws E;

  /** A {@link BiFunction} that rethrows what {@code function} throws, a checked exception wrapped in a RuntimeException. */
  static <A, B, C> BiFunction<A, B, C> unchecked(BiFunctionWithException<A, B, C, ?> function) {
    return (a, b) -> {
      try {
        return function.apply(a, b);
      } catch (Throwable t) {
        throw Rethrow.unchecked(t);
      }
    };
  }
}
