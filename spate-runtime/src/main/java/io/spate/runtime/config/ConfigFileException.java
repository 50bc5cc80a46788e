package io.spate.runtime.config;

import io.spate.api.configuration.IllegalConfigurationException;

/** A configuration file or {@code -D} option that cannot be used, with where and why. */
public final class ConfigFileException extends IllegalConfigurationException {

  private static final long serialVersionUID = 1L;

  ConfigFileException(String message) {
    super(message);
  }
}
