package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/** The unchecked counterpart of {@link FlinkException}. */
@PublicEvolving
public class FlinkRuntimeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An exception saying {@code message}. */
  public FlinkRuntimeException(String message) {
    super(message);
  }

  /** An exception caused by {@code cause}, with its message. */
  public FlinkRuntimeException(Throwable cause) {
    super(cause);
  }

  /** An exception saying {@code message}, caused by {@code cause}. */
  public FlinkRuntimeException(String message, Throwable cause) {
    super(message, cause);
  }
}
