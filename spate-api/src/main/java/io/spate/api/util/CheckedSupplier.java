package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.util.function.Supplier;

/**
 * A supplier that may throw any exception, with adapters to and from {@link Supplier}.
 *
 * @param <R> what it supplies
 */
@PublicEvolving
@FunctionalInterface
public interface CheckedSupplier<R> extends SupplierWithException<R, Exception> {

  /** A {@link Supplier} that wraps an exception of {@code supplier} in a {@link java.util.concurrent.CompletionException}. */
  static <R> Supplier<R> unchecked(CheckedSupplier<R> supplier) {
    return () -> {
      try {
        return supplier.get();
      } catch (Exception e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    };
  }

  /** {@code supplier} as a checked supplier that throws what its {@link java.util.concurrent.CompletionException}s wrap. */
  static <R> CheckedSupplier<R> checked(Supplier<R> supplier) {
    return () -> {
      try {
        return supplier.get();
      } catch (java.util.concurrent.CompletionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    };
  }
}
