package io.spate.runtime.rest;

/** A request the REST API refuses, with the HTTP status and the message the client gets. */
public final class RestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  /** Creates the exception; {@code message} says what was wrong with the request. */
  public RestException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status of the response. */
  public int status() {
    return status;
  }

  static RestException badRequest(String message) {
    return new RestException(400, message);
  }

  static RestException notFound(String message) {
    return new RestException(404, message);
  }
}
