package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/**
 * A consumer of three arguments that may throw {@code E}.
 *
 * @param <S> the first argument
 * @param <T> the second argument
 * @param <U> the third argument
 * @param <E> what it may throw
 */
@PublicEvolving
@FunctionalInterface
public interface TriConsumerWithException<S, T, U, E extends Throwable> {

  /** Consumes the three arguments. */
  void accept(S s, T t, U u) throws E;

  /** A {@link TriConsumer} that rethrows what {@code consumer} throws, a checked exception wrapped in a RuntimeException. */
  static <A, B, C> TriConsumer<A, B, C> unchecked(TriConsumerWithException<A, B, C, ?> consumer) {
    return (a, b, c) -> {
      try {
        consumer.accept(a, b, c);
      } catch (Throwable t) {
        throw Rethrow.unchecked(t);
      }
    };
  }
}
