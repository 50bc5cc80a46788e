package io.spate.runtime.resourcemanager;

/** A job asked for more slots than the cluster has free. */
public class NotEnoughResourcesException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message giving the numbers. */
  public NotEnoughResourcesException(String message) {
    super(message);
  }
}
