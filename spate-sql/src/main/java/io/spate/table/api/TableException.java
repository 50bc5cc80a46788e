package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;

/**
 * A statement could not be carried out: a feature Spate does not support yet, or a failure while
 * planning or running it. The message names the feature or the cause.
 */
@PublicEvolving
public class TableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An error with {@code message}. */
  public TableException(String message) {
    super(message);
  }

  /** An error with {@code message}, caused by {@code cause}. */
  public TableException(String message, Throwable cause) {
    super(message, cause);
  }
}
