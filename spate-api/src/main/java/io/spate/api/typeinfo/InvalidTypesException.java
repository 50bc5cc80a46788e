package io.spate.api.typeinfo;

import io.spate.api.annotation.Public;

/** Thrown when a type cannot be used where it is used, with the reason and the fix in the message. */
@Public
public class InvalidTypesException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the type, the field path and the fix. */
  public InvalidTypesException(String message) {
    super(message);
  }

  /** Creates the exception with a message and a cause. */
  public InvalidTypesException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An exception without a message, as Flink's no-argument constructor makes. */
  public InvalidTypesException() {
    super((String) null);
  }
}
