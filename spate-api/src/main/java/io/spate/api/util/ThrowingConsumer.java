package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.util.function.Consumer;

/**
 * A consumer that may throw {@code E}.
 *
 * @param <T> the argument
 * @param <E> what it may throw
 */
@PublicEvolving
@FunctionalInterface
public interface ThrowingConsumer<T, E extends Throwable> {

  /** Consumes {@code t}. */
  void accept(T t) throws E;

  /** A {@link Consumer} that rethrows what {@code consumer} throws, a checked exception wrapped in a RuntimeException. */
  static <A> Consumer<A> unchecked(ThrowingConsumer<A, ?> consumer) {
    return a -> {
      try {
        consumer.accept(a);
      } catch (Throwable t) {
        throw Rethrow.unchecked(t);
      }
    };
  }
}
