package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.util.function.Function;

/**
 * A function that may throw {@code E}.
 *
 * @param <T> the argument
 * @param <R> the result
 * @param <E> what it may throw
 */
@PublicEvolving
@FunctionalInterface
public interface FunctionWithException<T, R, E extends Throwable> {

  /** The result for {@code value}. */
  R apply(T value) throws E;

  /** A {@link Function} that rethrows what {@code function} throws, a checked exception wrapped in a RuntimeException. */
  static <A, B> Function<A, B> unchecked(FunctionWithException<A, B, ?> function) {
    return value -> {
      try {
        return function.apply(value);
      } catch (Throwable t) {
        throw Rethrow.unchecked(t);
      }
    };
  }
}
