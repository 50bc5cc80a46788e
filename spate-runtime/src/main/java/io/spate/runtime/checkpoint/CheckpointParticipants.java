package io.spate.runtime.checkpoint;

import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.execution.ExecutionAttemptID;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What the checkpoint coordinator needs of the JobMaster: the current subtasks and how to reach them. */
public interface CheckpointParticipants {

  /**
   * The current attempts of the subtasks that take part in a checkpoint now, or null when not all of
   * them are running. With checkpoints after tasks finish, subtasks that finished are left out (see
   * {@link #finishedSubtasks()}); if every subtask finished, null.
   */
  Collection<ExecutionAttemptID> runningSubtasksOrNull();

  /** The attempts of the subtasks that have finished, which a checkpoint records as finished. */
  default Collection<ExecutionAttemptID> finishedSubtasks() {
    return List.of();
  }

  /**
   * Whether every subtask still running has finished its operators and waits for a final checkpoint
   * (and at least one does).
   */
  default boolean allRunningAwaitFinalCheckpoint() {
    return false;
  }

  /**
   * Sends {@code barrier} to every running subtask that starts a checkpoint: the sources, and the
   * subtasks that read from subtasks that have finished, which no barrier reaches through them.
   */
  void triggerSources(CheckpointBarrier barrier);

  /** Tells every subtask and coordinator that checkpoint {@code checkpointId} completed. */
  void notifyComplete(long checkpointId);

  /** Tells every subtask that checkpoint {@code checkpointId} was aborted. */
  void notifyAborted(long checkpointId);

  /** The state of every operator coordinator (source enumerators), by operator id. */
  Map<String, byte[]> snapshotCoordinators(long checkpointId) throws Exception;
}
