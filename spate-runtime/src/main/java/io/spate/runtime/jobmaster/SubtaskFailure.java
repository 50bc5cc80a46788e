package io.spate.runtime.jobmaster;

/**
 * Why a job failed: the message names the job, the task, the operator and the subtask; the cause is
 * the exception that the operator (usually the user's function) threw.
 */
public final class SubtaskFailure extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates the failure. */
  public SubtaskFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
