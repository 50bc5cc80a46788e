package io.spate.cli.rest;

/** A request to the REST API failed; the message says why in the terms a CLI user needs. */
public final class RestClientException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with what went wrong. */
  public RestClientException(String message) {
    super(message);
  }
}
