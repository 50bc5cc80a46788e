package io.spate.cli.rest;

/** A request to the REST API failed; the message says why in the terms a CLI user needs. */
public final class RestClientException extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean authenticationRequired;

  /** Creates the exception with what went wrong. */
  public RestClientException(String message) {
    this(message, false);
  }

  /** Creates the exception; {@code authenticationRequired} when the API refused the request's credentials (401). */
  public RestClientException(String message, boolean authenticationRequired) {
    super(message);
    this.authenticationRequired = authenticationRequired;
  }

  /** Whether the API answered 401: the request had no credentials, or the wrong ones. */
  public boolean isAuthenticationRequired() {
    return authenticationRequired;
  }
}
