package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** Adapters between Java's functional interfaces and the ones of this package that may throw. */
@PublicEvolving
public final class FunctionUtils {

  private static final Function<Object, Void> NULL_FN = ignored -> null;
  private static final Consumer<Object> IGNORE_FN = ignored -> {};

  private FunctionUtils() {}

  /** A function that returns null for every argument. */
  @SuppressWarnings("unchecked")
  public static <T> Function<T, Void> nullFn() {
    return (Function<T, Void>) NULL_FN;
  }

  /** A consumer that does nothing. */
  @SuppressWarnings("unchecked")
  public static <T> Consumer<T> ignoreFn() {
    return (Consumer<T>) IGNORE_FN;
  }

  /** A {@link Function} that rethrows what {@code function} throws, a checked exception wrapped in a RuntimeException. */
  public static <A, B> Function<A, B> uncheckedFunction(FunctionWithException<A, B, ?> function) {
    return value -> {
      try {
        return function.apply(value);
      } catch (Throwable t) {
        throw wrapped(t);
      }
    };
  }

  /** A {@link Consumer} that wraps what {@code consumer} throws as {@link #uncheckedFunction} does. */
  public static <A> Consumer<A> uncheckedConsumer(ThrowingConsumer<A, ?> consumer) {
    return value -> {
      try {
        consumer.accept(value);
      } catch (Throwable t) {
        throw wrapped(t);
      }
    };
  }

  /** A {@link Supplier} that wraps what {@code supplier} throws as {@link #uncheckedFunction} does. */
  public static <T> Supplier<T> uncheckedSupplier(SupplierWithException<T, ?> supplier) {
    return () -> {
      try {
        return supplier.get();
      } catch (Throwable t) {
        throw wrapped(t);
      }
    };
  }

  /** A callable that runs {@code command} and returns {@code result}. */
  public static <T> Callable<T> asCallable(RunnableWithException command, T result) {
    return () -> {
      command.run();
      return result;
    };
  }

  private static RuntimeException wrapped(Throwable t) {
    return Rethrow.unchecked(t);
  }
}
