package io.spate.runtime.checkpoint;

import io.spate.runtime.tasks.ExecutionAttemptID;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The participants of a coordinator test: one running subtask that nothing is sent to. */
record OneSubtask(ExecutionAttemptID subtask) implements CheckpointParticipants {
  @Override
  public Collection<ExecutionAttemptID> runningSubtasksOrNull() {
    return List.of(subtask);
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
