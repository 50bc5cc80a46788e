package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/** An exception that is part of a normal course of events (a cancellation, say), so that handlers can tell it from a failure. */
@PublicEvolving
public class FlinkExpectedException extends Exception {

  private static final long serialVersionUID = 1L;

  /** An exception saying {@code message}. */
  public FlinkExpectedException(String message) {
    super(message);
  }

  /** An exception saying {@code message}, caused by {@code cause}. */
  public FlinkExpectedException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An exception caused by {@code cause}, with its message. */
  public FlinkExpectedException(Throwable cause) {
    super(cause);
  }
}
