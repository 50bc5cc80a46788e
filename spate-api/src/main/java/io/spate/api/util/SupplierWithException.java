package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/**
 * A supplier that may throw {@code E}.
 *
 * @param <R> what it supplies
 * @param <E> what it may throw
 */
@PublicEvolving
@FunctionalInterface
public interface SupplierWithException<R, E extends Throwable> {

  /** The value. */
  R get() throws E;
}
