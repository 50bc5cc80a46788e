package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/** A {@link Runnable} that may throw any exception. */
@PublicEvolving
@FunctionalInterface
public interface RunnableWithException extends ThrowingRunnable<Exception> {

  @Override
  void run() throws Exception;
}
