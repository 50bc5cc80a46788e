package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Handles both cases of an {@link Optional} in one chain: {@code of(opt).ifPresent(...).ifNotPresent(...)}.
 *
 * @param <T> the value type
 */
@PublicEvolving
public class OptionalConsumer<T> {

  private final Optional<T> optional;

  private OptionalConsumer(Optional<T> optional) {
    this.optional = Objects.requireNonNull(optional, "optional");
  }

  /** The chain for {@code optional}. */
  public static <T> OptionalConsumer<T> of(Optional<T> optional) {
    return new OptionalConsumer<>(optional);
  }

  /** Gives the value to {@code consumer} if there is one. */
  public OptionalConsumer<T> ifPresent(Consumer<T> consumer) {
    optional.ifPresent(consumer);
    return this;
  }

  /** Runs {@code action} if there is no value. */
  public <E extends Exception> OptionalConsumer<T> ifNotPresent(ThrowingRunnable<E> action) throws E {
    if (optional.isEmpty()) {
      action.run();
    }
    return this;
  }
}
