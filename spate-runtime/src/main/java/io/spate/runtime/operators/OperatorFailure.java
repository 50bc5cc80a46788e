package io.spate.runtime.operators;

/** An exception thrown inside an operator, tagged with the operator's name on its way up the chain. */
public final class OperatorFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A call into operator code that may throw anything. */
  @FunctionalInterface
  public interface OperatorAction {
    /** Runs the call. */
    void run() throws Exception;
  }

  private final String operatorName;

  /**
   * Wraps {@code cause} thrown by {@code operatorName}. No stack trace of its own (the cause has the
   * one that matters), but suppressed failures are kept: closing a failed chain adds what else failed.
   */
  public OperatorFailure(String operatorName, Throwable cause) {
    super("Operator '" + operatorName + "' failed: " + cause, cause, true, false);
    this.operatorName = operatorName;
  }

  /**
   * The failure to throw for {@code cause}, caught around a call into {@code operatorName}: {@code cause}
   * itself if an operator further down the chain already tagged it, so that the innermost operator
   * stays the one named, else {@code cause} tagged with {@code operatorName}. Called from catch blocks
   * only, so that the paths that do not fail pay nothing.
   */
  public static OperatorFailure wrap(String operatorName, Throwable cause) {
    return cause instanceof OperatorFailure tagged ? tagged : new OperatorFailure(operatorName, cause);
  }

  /**
   * Runs {@code action} and throws what it throws as {@link #wrap wrapped} for {@code operatorName}.
   * For calls made once per operator (open, finish, checkpoint notifications), not per record: the
   * lambda would be one more allocation there.
   */
  public static void run(String operatorName, OperatorAction action) {
    try {
      action.run();
    } catch (Exception e) {
      throw wrap(operatorName, e);
    }
  }

  /** The operator that threw. */
  public String getOperatorName() {
    return operatorName;
  }
}
