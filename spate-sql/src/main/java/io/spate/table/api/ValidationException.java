package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;

/**
 * A statement is well-formed but wrong: it names an unknown table, column or option, mixes types
 * that do not fit, or asks for something its inputs cannot give. The message says what and where.
 */
@PublicEvolving
public class ValidationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A validation error with {@code message}. */
  public ValidationException(String message) {
    super(message);
  }

  /** A validation error with {@code message}, caused by {@code cause}. */
  public ValidationException(String message, Throwable cause) {
    super(message, cause);
  }
}
