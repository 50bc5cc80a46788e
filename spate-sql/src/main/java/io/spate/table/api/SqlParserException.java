package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;

/**
 * A SQL statement could not be parsed; the message names the line and column and what was expected.
 */
@PublicEvolving
public class SqlParserException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A parse error with {@code message}. */
  public SqlParserException(String message) {
    super(message);
  }

  /** A parse error with {@code message}, caused by {@code cause}. */
  public SqlParserException(String message, Throwable cause) {
    super(message, cause);
  }
}
