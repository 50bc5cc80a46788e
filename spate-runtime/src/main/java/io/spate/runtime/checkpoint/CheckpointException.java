package io.spate.runtime.checkpoint;

/** A checkpoint or savepoint failed; the message says which and why. */
public final class CheckpointException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public CheckpointException(String message) {
    super(message);
  }
}
