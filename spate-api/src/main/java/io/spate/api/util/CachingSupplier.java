package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A supplier that asks its delegate once, on the first {@link #get}, and returns that value after.
 * Not thread-safe, as Flink's.
 *
 * @param <T> what it supplies
 */
@PublicEvolving
public class CachingSupplier<T> implements Supplier<T> {

  private final Supplier<T> delegate;
  private boolean cached;
  private T value;

  /** Caches what {@code delegate} supplies. */
  public CachingSupplier(Supplier<T> delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public T get() {
    if (!cached) {
      value = delegate.get();
      cached = true;
    }
    return value;
  }
}
