package io.spate.runtime.network.remote;

/** Input from a peer that breaks the data protocol; the connection it came on is closed. */
final class MalformedFrameException extends Exception {

  private static final long serialVersionUID = 1L;

  MalformedFrameException(String message) {
    super(message);
  }

  MalformedFrameException(String message, Throwable cause) {
    super(message, cause);
  }
}
