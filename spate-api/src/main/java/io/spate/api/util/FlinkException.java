package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/** The checked exception of Spate's API and of user code that follows Flink's conventions; named as Flink's, so that ported code keeps its {@code catch} clauses. */
@PublicEvolving
public class FlinkException extends Exception {

  private static final long serialVersionUID = 1L;

  /** An exception saying {@code message}. */
  public FlinkException(String message) {
    super(message);
  }

  /** An exception caused by {@code cause}, with its message. */
  public FlinkException(Throwable cause) {
    super(cause);
  }

  /** An exception saying {@code message}, caused by {@code cause}. */
  public FlinkException(String message, Throwable cause) {
    super(message, cause);
  }
}
