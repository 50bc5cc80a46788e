package io.spate.runtime.execution;

/** The life-cycle state of one subtask attempt. */
public enum ExecutionState {
  /** Sent to a TaskExecutor. */
  DEPLOYING,
  /** Opening its operators. */
  INITIALIZING,
  /** Processing records. */
  RUNNING,
  /** All input processed, results handed over. */
  FINISHED,
  /** Being cancelled. */
  CANCELING,
  /** Cancelled. */
  CANCELED,
  /** Failed with an exception. */
  FAILED;

  /** Whether the attempt has ended. */
  public boolean isTerminal() {
    return this == FINISHED || this == CANCELED || this == FAILED;
  }
}
