package io.spate.api.common;

import io.spate.api.annotation.PublicEvolving;

/**
 * Which parallel instance of which task a function runs in.
 *
 * @param taskName the name of the task (its chained operators)
 * @param indexOfThisSubtask 0-based index of this parallel instance
 * @param numberOfParallelSubtasks the task's parallelism
 * @param maxNumberOfParallelSubtasks the job's max parallelism (number of key groups)
 * @param attemptNumber 0 for the first attempt, incremented on every restart
 */
@PublicEvolving
public record TaskInfo(
    String taskName,
    int indexOfThisSubtask,
    int numberOfParallelSubtasks,
    int maxNumberOfParallelSubtasks,
    int attemptNumber) {

  /** The task name with the subtask, as {@code "name (2/4)"}. */
  public String getTaskNameWithSubtasks() {
    return taskName + " (" + (indexOfThisSubtask + 1) + "/" + numberOfParallelSubtasks + ")";
  }

  // ---------------------------------------------------------------- Flink's getter names

  /** The name of the task. */
  public String getTaskName() {
    return taskName;
  }

  /** The 0-based index of this parallel instance. */
  public int getIndexOfThisSubtask() {
    return indexOfThisSubtask;
  }

  /** The task's parallelism. */
  public int getNumberOfParallelSubtasks() {
    return numberOfParallelSubtasks;
  }

  /** The job's max parallelism. */
  public int getMaxNumberOfParallelSubtasks() {
    return maxNumberOfParallelSubtasks;
  }

  /** 0 for the first attempt, one more on every restart. */
  public int getAttemptNumber() {
    return attemptNumber;
  }
}
