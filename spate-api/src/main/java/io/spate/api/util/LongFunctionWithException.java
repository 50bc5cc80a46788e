package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/**
 * A function of a {@code long} that may throw {@code E}.
 *
 * @param <R> the result
 * @param <E> what it may throw
 */
@PublicEvolving
@FunctionalInterface
public interface LongFunctionWithException<R, E extends Throwable> {

  /** The result for {@code value}. */
  R apply(long value) throws E;
}
