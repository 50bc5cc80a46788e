package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.util.function.BiConsumer;

/**
 * A consumer of two arguments that may throw {@code E}.
 *
 * @param <T> the first argument
 * @param <U> the second argument
 * @param <E> what it may throw
 */
@PublicEvolving
@FunctionalInterface
public interface BiConsumerWithException<T, U, E extends Throwable> {

  /** Consumes {@code t} and {@code u}. */
  void accept(T t, U u) throws E;

  /** A {@link BiConsumer} that rethrows what {@code consumer} throws, a checked exception wrapped in a RuntimeException. */
  static <A, B> BiConsumer<A, B> unchecked(BiConsumerWithException<A, B, ?> consumer) {
    return (a, b) -> {
      try {
        consumer.accept(a, b);
      } catch (Throwable t) {
        throw Rethrow.unchecked(t);
      }
    };
  }
}
