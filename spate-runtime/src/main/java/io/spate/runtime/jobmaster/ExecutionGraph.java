package io.spate.runtime.jobmaster;

import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobVertex;
import io.spate.runtime.execution.ExecutionAttemptID;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A job graph expanded to one {@link Execution} per subtask: what the JobMaster schedules and tracks.
 * A failover replaces the executions of some vertices with new attempts; the superseded attempts are
 * no longer part of the graph.
 */
final class ExecutionGraph {

  private final JobGraph job;
  private final Map<ExecutionAttemptID, Execution> executions = new HashMap<>();
  private final Map<Integer, Execution[]> byVertex = new HashMap<>();

  ExecutionGraph(JobGraph job, int attemptNumber) {
    this.job = job;
    for (JobVertex vertex : job.vertices()) {
      byVertex.put(vertex.getId(), newAttempts(vertex, attemptNumber));
    }
  }

  private Execution[] newAttempts(JobVertex vertex, int attemptNumber) {
    Execution[] subtasks = new Execution[vertex.getParallelism()];
    for (int i = 0; i < subtasks.length; i++) {
      Execution execution = new Execution(new ExecutionAttemptID(job.jobId(), vertex.getId(), i, attemptNumber), vertex);
      subtasks[i] = execution;
      executions.put(execution.attemptId, execution);
    }
    return subtasks;
  }

  /**
   * Replaces the executions of the vertices {@code vertexIds} with new ones of attempt {@code
   * attemptNumber}, which must be new for them; returns the new executions, vertex by vertex.
   */
  List<Execution> replace(Set<Integer> vertexIds, int attemptNumber) {
    List<Execution> replaced = new ArrayList<>();
    for (JobVertex vertex : job.vertices()) {
      if (!vertexIds.contains(vertex.getId())) {
        continue;
      }
      for (Execution old : byVertex.get(vertex.getId())) {
        if (old.attemptId.attemptNumber() >= attemptNumber) {
          throw new IllegalArgumentException("Attempt " + attemptNumber + " of " + old.describe() + " is not new");
        }
        executions.remove(old.attemptId);
      }
      Execution[] fresh = newAttempts(vertex, attemptNumber);
      byVertex.put(vertex.getId(), fresh);
      Collections.addAll(replaced, fresh);
    }
    return replaced;
  }

  /** Every current execution, vertex by vertex. */
  Collection<Execution> executions() {
    List<Execution> all = new ArrayList<>(executions.size());
    for (JobVertex vertex : job.vertices()) {
      Collections.addAll(all, byVertex.get(vertex.getId()));
    }
    return Collections.unmodifiableList(all);
  }

  /** The current executions of the vertices {@code vertexIds}, vertex by vertex. */
  List<Execution> executionsOf(Set<Integer> vertexIds) {
    List<Execution> some = new ArrayList<>();
    for (JobVertex vertex : job.vertices()) {
      if (vertexIds.contains(vertex.getId())) {
        Collections.addAll(some, byVertex.get(vertex.getId()));
      }
    }
    return some;
  }

  /** The execution of {@code attemptId}, or null if it is not (or no longer) part of the graph. */
  Execution execution(ExecutionAttemptID attemptId) {
    return executions.get(attemptId);
  }

  /** The execution of subtask {@code subtask} of vertex {@code vertexId}. */
  Execution subtask(int vertexId, int subtask) {
    return byVertex.get(vertexId)[subtask];
  }

  /** Whether every execution has ended. */
  boolean allTerminal() {
    for (Execution execution : executions.values()) {
      if (!execution.state.isTerminal()) {
        return false;
      }
    }
    return true;
  }
}
