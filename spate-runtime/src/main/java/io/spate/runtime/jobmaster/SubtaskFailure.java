package io.spate.runtime.jobmaster;

/**
 * Why a job failed: the message names the job, the task, the operator and the subtask; the cause is
 * the exception that the operator (usually the user's function) threw.
 */
public final class SubtaskFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final FailureLocation location;

  /** Creates a failure outside any one subtask (scheduling, restoring, a coordinator). */
  public SubtaskFailure(String message, Throwable cause) {
    this(message, cause, null);
  }

  /** Creates the failure of the subtask at {@code location}. */
  public SubtaskFailure(String message, Throwable cause, FailureLocation location) {
    super(message, cause);
    this.location = location;
  }

  /** Where the failure happened, or null when it was outside any one subtask. */
  public FailureLocation location() {
    return location;
  }
}
