package io.spate.runtime.state.snapshot;

import java.io.IOException;

/**
 * The bytes of a checkpoint or savepoint cannot be read back as they were written: a file of it is
 * missing, ends early, or fails its checksum. Restoring the same snapshot again would fail the same
 * way, unlike failures of the code that reads correct bytes.
 */
public class UnreadableStateException extends IOException {

  private static final long serialVersionUID = 1L;

  /** The failure described by {@code message}. */
  public UnreadableStateException(String message) {
    super(message);
  }

  /** The failure described by {@code message}, found as {@code cause}. */
  public UnreadableStateException(String message, Throwable cause) {
    super(message, cause);
  }
}
