package io.spate.runtime.operators;

/** An exception thrown inside an operator, tagged with the operator's name on its way up the chain. */
public final class OperatorFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String operatorName;

  /** Wraps {@code cause} thrown by {@code operatorName}. */
  public OperatorFailure(String operatorName, Throwable cause) {
    super("Operator '" + operatorName + "' failed: " + cause, cause, false, false);
    this.operatorName = operatorName;
  }

  /** The operator that threw. */
  public String getOperatorName() {
    return operatorName;
  }
}
