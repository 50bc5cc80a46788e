package io.spate.runtime.checkpoint;

import io.spate.runtime.checkpoint.barrier.DeclineKind;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.runtime.execution.ExecutionAttemptID;
import java.util.Map;

/** Where a subtask reports on its part of a checkpoint: the job's checkpoint coordinator. */
public interface CheckpointResponder {

  /** The subtask wrote its state for checkpoint {@code checkpointId}. */
  void acknowledgeCheckpoint(ExecutionAttemptID attemptId, long checkpointId,
      Map<String, OperatorSubtaskState> operatorStates, TaskCheckpointMetrics metrics);

  /** The subtask could not take part in checkpoint {@code checkpointId}, for a reason of {@code kind}. */
  void declineCheckpoint(ExecutionAttemptID attemptId, long checkpointId, DeclineKind kind, String reason);

  /**
   * The subtask reached the end of its input, finished its operators and waits for a checkpoint taken
   * after that to complete before it ends; the coordinator takes one at once when every subtask still
   * running waits so. Does nothing unless the coordinator listens.
   */
  default void reportAwaitingFinalCheckpoint(ExecutionAttemptID attemptId) {}
}
