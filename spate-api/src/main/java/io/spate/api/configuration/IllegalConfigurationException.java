package io.spate.api.configuration;

import io.spate.api.annotation.Public;

/** Thrown when a configuration value is malformed or out of range; names the key and the value. */
@Public
public class IllegalConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the key, the value and what is expected. */
  public IllegalConfigurationException(String message) {
    super(message);
  }

  /** Creates the exception with the message {@code String.format(format, arguments)}. */
  public IllegalConfigurationException(String format, Object... arguments) {
    super(String.format(format, arguments));
  }

  /** Creates the exception with a message and the error that caused it. */
  public IllegalConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
