package io.spate.runtime.tasks;

import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobVertex;
import io.spate.runtime.checkpoint.TaskRestore;

/**
 * Everything a TaskExecutor needs to run one subtask attempt.
 *
 * @param attemptId which attempt of which subtask
 * @param jobGraph the job
 * @param vertex the task
 * @param jobMasterAddress where to report state and send operator events
 * @param restore the state to restore, or null for a fresh start
 */
public record TaskDeploymentDescriptor(
    ExecutionAttemptID attemptId, JobGraph jobGraph, JobVertex vertex, String jobMasterAddress, TaskRestore restore) {

  /** The subtask index. */
  public int subtaskIndex() {
    return attemptId.subtaskIndex();
  }
}
