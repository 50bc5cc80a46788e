package io.spate.runtime.rpc;

/**
 * A connection to another process was refused because one side could not prove that it knows the
 * cluster's credentials (the cluster secret); retrying does not help until the configuration changes.
 */
public class RpcAuthenticationException extends RpcException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public RpcAuthenticationException(String message) {
    super(message);
  }

  /** Creates the exception. */
  public RpcAuthenticationException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether {@code error} or one of its causes is an authentication failure. */
  public static boolean isCauseOf(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RpcAuthenticationException) {
        return true;
      }
    }
    return false;
  }
}
