package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/**
 * A {@link Runnable} that may throw {@code E}.
 *
 * @param <E> what it may throw
 */
@PublicEvolving
@FunctionalInterface
public interface ThrowingRunnable<E extends Throwable> {

  /** Runs. */
  void run() throws E;

  /** A {@link Runnable} that rethrows what {@code runnable} throws, a checked exception wrapped in a RuntimeException. */
  static Runnable unchecked(ThrowingRunnable<?> runnable) {
    return () -> {
      try {
        runnable.run();
      } catch (Throwable t) {
        throw Rethrow.unchecked(t);
      }
    };
  }
}
