package io.spate.runtime.jobmaster;

import java.util.concurrent.CompletionException;

/** Reads the failure a remote call's future completed with. */
final class CompletionFailures {

  private CompletionFailures() {}

  /** The failure itself: {@code error} without the {@link CompletionException} a dependent future wraps it in. */
  static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
  }
}
