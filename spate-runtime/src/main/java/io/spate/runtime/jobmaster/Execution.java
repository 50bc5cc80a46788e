package io.spate.runtime.jobmaster;

import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import io.spate.runtime.graph.JobVertex;
import io.spate.runtime.taskexecutor.gateway.TaskExecutorGateway;
import io.spate.runtime.execution.ExecutionAttemptID;
import io.spate.runtime.execution.ExecutionState;

/** One attempt of one subtask, as the JobMaster tracks it. */
final class Execution {

  final ExecutionAttemptID attemptId;
  final JobVertex vertex;
  ExecutionState state = ExecutionState.DEPLOYING;
  TaskExecutorGateway taskExecutor;
  String taskExecutorAddress;
  // The checkpoint or savepoint this attempt was deployed to restore state from; null if none.
  CheckpointMetadata restoredFrom;
  // Whether it finished its operators and waits for a final checkpoint before it ends.
  boolean awaitingFinalCheckpoint;
  // When the attempt was created (to be deployed), and when the JobMaster heard that it ended (0 before): for the REST API.
  final long createdAt = System.currentTimeMillis();
  long endedAt;

  Execution(ExecutionAttemptID attemptId, JobVertex vertex) {
    this.attemptId = attemptId;
    this.vertex = vertex;
  }

  String describe() {
    return "task '" + vertex.getName() + "' (subtask " + (attemptId.subtaskIndex() + 1) + "/"
        + vertex.getParallelism() + ", attempt " + attemptId.attemptNumber() + ")";
  }
}
