package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/** Code named in a configuration or a job (a class by name, a factory) that could not be loaded or instantiated. */
@PublicEvolving
public class DynamicCodeLoadingException extends FlinkException {

  private static final long serialVersionUID = 1L;

  /** An exception caused by {@code cause}, with its message. */
  public DynamicCodeLoadingException(Throwable cause) {
    super(cause);
  }

  /** An exception saying {@code message}, caused by {@code cause}. */
  public DynamicCodeLoadingException(String message, Throwable cause) {
    super(message, cause);
  }
}
