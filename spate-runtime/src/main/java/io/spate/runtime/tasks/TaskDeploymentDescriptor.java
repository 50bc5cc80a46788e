package io.spate.runtime.tasks;

import io.spate.runtime.checkpoint.TaskRestore;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobVertex;
import io.spate.runtime.network.SubtaskLocation;
import java.util.Map;

/**
 * Everything a TaskExecutor needs to run one subtask attempt.
 *
 * @param attemptId which attempt of which subtask
 * @param jobGraph the job
 * @param vertex the task
 * @param jobMasterAddress where to report state and send operator events
 * @param restore the state to restore, or null for a fresh start
 * @param locations where every subtask of this attempt of the job runs, by vertex id and subtask
 *     index; empty when all of them share one process's in-process channels
 */
public record TaskDeploymentDescriptor(
    ExecutionAttemptID attemptId, JobGraph jobGraph, JobVertex vertex, String jobMasterAddress, TaskRestore restore,
    Map<Integer, SubtaskLocation[]> locations) {

  /** The subtask index. */
  public int subtaskIndex() {
    return attemptId.subtaskIndex();
  }

  /** Where subtask {@code subtask} of vertex {@code vertexId} runs, or null if unknown (in-process). */
  public SubtaskLocation locationOf(int vertexId, int subtask) {
    SubtaskLocation[] ofVertex = locations.get(vertexId);
    return ofVertex == null ? null : ofVertex[subtask];
  }
}
