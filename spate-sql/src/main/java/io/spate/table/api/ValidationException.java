package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;

/**
 * Thrown when a SQL statement, a Table API call or a type definition is invalid: a type string that does not
 * parse, a precision out of range, an unknown name. Its message says what was wrong and where.
 */
@PublicEvolving
public class ValidationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An error with the message that explains it. */
  public ValidationException(String message) {
    super(message);
  }

  /** An error with the message that explains it and the error that caused it. */
  public ValidationException(String message, Throwable cause) {
    super(message, cause);
  }
}
