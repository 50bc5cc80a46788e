package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/** An iterable that can be iterated once was asked for a second iterator. */
@PublicEvolving
public class TraversableOnceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The exception, with a message that says what happened. */
  public TraversableOnceException() {
    super("The Iterable can be iterated over only once. Only the first call to 'iterator()' will succeed.");
  }
}
