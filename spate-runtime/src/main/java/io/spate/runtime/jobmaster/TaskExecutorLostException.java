package io.spate.runtime.jobmaster;

/** The subtasks of a job that ran on a TaskExecutor failed because that TaskExecutor was lost. */
public final class TaskExecutorLostException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String taskExecutorAddress;

  /** Creates the exception: {@code TaskExecutor <address> was lost: <reason>}. */
  public TaskExecutorLostException(String taskExecutorAddress, String reason) {
    super("TaskExecutor " + taskExecutorAddress + " was lost: " + reason);
    this.taskExecutorAddress = taskExecutorAddress;
  }

  /** The address of the lost TaskExecutor. */
  public String taskExecutorAddress() {
    return taskExecutorAddress;
  }
}
