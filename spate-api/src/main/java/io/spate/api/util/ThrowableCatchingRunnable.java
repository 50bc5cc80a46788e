package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.util.Objects;
import java.util.function.Consumer;

/** Runs a runnable and hands what it throws to a handler instead of letting it escape. */
@PublicEvolving
public class ThrowableCatchingRunnable implements Runnable {

  private final Consumer<Throwable> exceptionHandler;
  private final Runnable runnable;

  /** Runs {@code runnable}; gives what it throws to {@code exceptionHandler}. */
  public ThrowableCatchingRunnable(Consumer<Throwable> exceptionHandler, Runnable runnable) {
    this.exceptionHandler = Objects.requireNonNull(exceptionHandler, "exceptionHandler");
    this.runnable = Objects.requireNonNull(runnable, "runnable");
  }

  @Override
  public void run() {
    try {
      runnable.run();
    } catch (Throwable t) {
      exceptionHandler.accept(t);
    }
  }
}
