package io.spate.runtime.jobmaster;

import io.spate.runtime.graph.JobVertex;
import io.spate.runtime.taskexecutor.TaskExecutorGateway;
import io.spate.runtime.tasks.ExecutionAttemptID;
import io.spate.runtime.tasks.ExecutionState;

/** One attempt of one subtask, as the JobMaster tracks it. */
final class Execution {

  final ExecutionAttemptID attemptId;
  final JobVertex vertex;
  ExecutionState state = ExecutionState.DEPLOYING;
  TaskExecutorGateway taskExecutor;
  String taskExecutorAddress;
  // Whether this attempt was deployed with state to restore.
  boolean restored;

  Execution(ExecutionAttemptID attemptId, JobVertex vertex) {
    this.attemptId = attemptId;
    this.vertex = vertex;
  }

  String describe() {
    return "task '" + vertex.getName() + "' (subtask " + (attemptId.subtaskIndex() + 1) + "/"
        + vertex.getParallelism() + ", attempt " + attemptId.attemptNumber() + ")";
  }
}
