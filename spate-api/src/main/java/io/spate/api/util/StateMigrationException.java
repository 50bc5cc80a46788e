package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/** State written with one serializer that cannot be read with, or migrated to, the serializer given now. */
@PublicEvolving
public class StateMigrationException extends FlinkException {

  private static final long serialVersionUID = 1L;

  /** The message of {@link #notSupported()}. */
  public static final String MIGRATION_NOT_SUPPORTED_MSG = "State migration is currently not supported.";

  /** An exception saying {@code message}. */
  public StateMigrationException(String message) {
    super(message);
  }

  /** An exception caused by {@code cause}. */
  public StateMigrationException(Throwable cause) {
    super(cause);
  }

  /** An exception saying {@code message}, caused by {@code cause}. */
  public StateMigrationException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The exception for a migration that is not supported. */
  public static StateMigrationException notSupported() {
    return new StateMigrationException(MIGRATION_NOT_SUPPORTED_MSG);
  }
}
