package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/** A configuration that cannot be used, with the reason. */
@PublicEvolving
public class ConfigurationException extends FlinkException {

  private static final long serialVersionUID = 1L;

  /** An exception saying {@code message}. */
  public ConfigurationException(String message) {
    super(message);
  }

  /** An exception saying {@code message}, caused by {@code cause}. */
  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An exception caused by {@code cause}, with its message. */
  public ConfigurationException(Throwable cause) {
    super(cause);
  }
}
