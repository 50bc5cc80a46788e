package io.spate.runtime.checkpoint;

import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.execution.ExecutionAttemptID;
import java.util.Collection;
import java.util.Map;

/** What the checkpoint coordinator needs of the JobMaster: the current subtasks and how to reach them. */
public interface CheckpointParticipants {

  /** The current attempts of all subtasks, or null when not all of them are running. */
  Collection<ExecutionAttemptID> runningSubtasksOrNull();

  /** Sends {@code barrier} to every source subtask. */
  void triggerSources(CheckpointBarrier barrier);

  /** Tells every subtask and coordinator that checkpoint {@code checkpointId} completed. */
  void notifyComplete(long checkpointId);

  /** Tells every subtask that checkpoint {@code checkpointId} was aborted. */
  void notifyAborted(long checkpointId);

  /** The state of every operator coordinator (source enumerators), by operator id. */
  Map<String, byte[]> snapshotCoordinators(long checkpointId) throws Exception;
}
