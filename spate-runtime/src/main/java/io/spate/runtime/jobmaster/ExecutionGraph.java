package io.spate.runtime.jobmaster;

import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobVertex;
import io.spate.runtime.tasks.ExecutionAttemptID;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A job graph expanded to one {@link Execution} per subtask: what the JobMaster schedules and tracks. */
final class ExecutionGraph {

  private final Map<ExecutionAttemptID, Execution> executions = new LinkedHashMap<>();
  private final Map<Integer, Execution[]> byVertex = new HashMap<>();

  ExecutionGraph(JobGraph job, int attemptNumber) {
    for (JobVertex vertex : job.vertices()) {
      Execution[] subtasks = new Execution[vertex.getParallelism()];
      for (int i = 0; i < subtasks.length; i++) {
        Execution execution = new Execution(new ExecutionAttemptID(job.jobId(), vertex.getId(), i, attemptNumber), vertex);
        subtasks[i] = execution;
        executions.put(execution.attemptId, execution);
      }
      byVertex.put(vertex.getId(), subtasks);
    }
  }

  /** Every execution, vertex by vertex. */
  Collection<Execution> executions() {
    return Collections.unmodifiableCollection(executions.values());
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
