package io.spate.runtime.rpc;

/** A call to a cluster role could not be delivered or processed. */
public class RpcException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public RpcException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception. */
  public RpcException(String message) {
    super(message);
  }
}
