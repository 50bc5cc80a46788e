package io.spate.runtime.checkpoint.metadata;

import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state of one operator in a completed checkpoint: what each of its subtasks wrote, and its
 * coordinator's state (a source's split enumerator).
 *
 * @param operatorId the operator's stable id
 * @param name the operator's name when the checkpoint was taken, for messages
 * @param parallelism the parallelism then
 * @param maxParallelism the number of key groups then
 * @param subtaskStates the state of each subtask that had any, by subtask index
 * @param coordinatorState the coordinator's serialized state, or null
 */
public record OperatorState(String operatorId, String name, int parallelism, int maxParallelism,
    Map<Integer, OperatorSubtaskState> subtaskStates, byte[] coordinatorState) {

  /** Copies the map, sorted by subtask. */
  public OperatorState {
    subtaskStates = java.util.Collections.unmodifiableMap(new TreeMap<>(subtaskStates));
  }

  /** The size of all subtask state in bytes. */
  public long getStateSize() {
    long size = coordinatorState == null ? 0 : coordinatorState.length;
    for (OperatorSubtaskState s : subtaskStates.values()) {
      size += s.getStateSize();
    }
    return size;
  }

  /** Whether the operator had no state at all. */
  public boolean isEmpty() {
    return coordinatorState == null && subtaskStates.values().stream().allMatch(OperatorSubtaskState::isEmpty);
  }
}
