package io.spate.runtime.checkpoint.metadata;

import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The state of one operator in a completed checkpoint: what each of its subtasks wrote, its
 * coordinator's state (a source's split enumerator), and which of its subtasks had finished.
 *
 * @param operatorId the operator's stable id
 * @param name the operator's name when the checkpoint was taken, for messages
 * @param parallelism the parallelism then
 * @param maxParallelism the number of key groups then
 * @param subtaskStates the state of each subtask that had any, by subtask index
 * @param coordinatorState the coordinator's serialized state, or null
 * @param finishedSubtasks the subtasks that had reached the end of their input and finished the
 *     operator (ended, or waiting for their final checkpoint) when the checkpoint was taken
 */
public record OperatorState(String operatorId, String name, int parallelism, int maxParallelism,
    Map<Integer, OperatorSubtaskState> subtaskStates, byte[] coordinatorState, Set<Integer> finishedSubtasks) {

  /** Copies the map, sorted by subtask, and the set, sorted. */
  public OperatorState {
    subtaskStates = Collections.unmodifiableMap(new TreeMap<>(subtaskStates));
    finishedSubtasks = Collections.unmodifiableSet(new TreeSet<>(finishedSubtasks));
  }

  /** The state of an operator none of whose subtasks had finished. */
  public OperatorState(String operatorId, String name, int parallelism, int maxParallelism,
      Map<Integer, OperatorSubtaskState> subtaskStates, byte[] coordinatorState) {
    this(operatorId, name, parallelism, maxParallelism, subtaskStates, coordinatorState, Set.of());
  }

  /** The size of all subtask state in bytes. */
  public long getStateSize() {
    long size = coordinatorState == null ? 0 : coordinatorState.length;
    for (OperatorSubtaskState s : subtaskStates.values()) {
      size += s.getStateSize();
    }
    return size;
  }

  /** Whether the operator had no state at all and no finished subtask. */
  public boolean isEmpty() {
    return !holdsState() && finishedSubtasks.isEmpty();
  }

  /** Whether any subtask or the coordinator wrote state. */
  public boolean holdsState() {
    return coordinatorState != null || !subtaskStates.values().stream().allMatch(OperatorSubtaskState::isEmpty);
  }

  /** Whether every subtask had finished: the operator is not run again on a restore. */
  public boolean isFullyFinished() {
    return finishedSubtasks.size() == parallelism;
  }
}
