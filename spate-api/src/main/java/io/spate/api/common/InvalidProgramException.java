package io.spate.api.common;

import io.spate.api.annotation.Public;

/** Thrown when a job is built wrongly: the message says what is wrong, where, and how to fix it. */
@Public
public class InvalidProgramException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception without a message, as Flink's no-argument constructor does; prefer one with a message. */
  public InvalidProgramException() {
    super();
  }

  /** Creates the exception with a message that names the problem and its place. */
  public InvalidProgramException(String message) {
    super(message);
  }

  /** Creates the exception with a message and a cause. */
  public InvalidProgramException(String message, Throwable cause) {
    super(message, cause);
  }
}
