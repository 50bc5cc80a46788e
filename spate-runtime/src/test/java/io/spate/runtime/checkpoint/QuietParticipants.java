package io.spate.runtime.checkpoint;

import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.execution.ExecutionAttemptID;
import java.util.Collection;
import java.util.Map;

/**
 * The participants of a coordinator test: the given running subtasks (null: none runs), to which nothing
 * is sent.
 */
record QuietParticipants(Collection<ExecutionAttemptID> running) implements CheckpointParticipants {
  @Override
  public Collection<ExecutionAttemptID> runningSubtasksOrNull() {
    return running;
  }

  @Override
  public void triggerSources(CheckpointBarrier barrier) {}

  @Override
  public void notifyComplete(long checkpointId) {}

  @Override
  public void notifyAborted(long checkpointId) {}

  @Override
  public Map<String, byte[]> snapshotCoordinators(long checkpointId) {
    return Map.of();
  }
}
