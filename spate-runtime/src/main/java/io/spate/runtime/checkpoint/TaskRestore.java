package io.spate.runtime.checkpoint;

import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import java.util.Map;

/**
 * What one subtask restores from: the checkpoint's id, the state of each operator of its chain, and
 * whether the subtask had finished when the checkpoint was taken.
 *
 * @param checkpointId the checkpoint or savepoint restored from
 * @param operatorStates the state by operator id; operators without an entry start empty
 * @param finished whether every operator of the chain that the checkpoint knows had finished at this
 *     subtask: it is not run again, its operators only get their state back (so that sinks commit
 *     again what it holds) before the subtask ends its output
 */
public record TaskRestore(long checkpointId, Map<String, OperatorSubtaskState> operatorStates, boolean finished)
    implements java.io.Serializable {

  /** Copies the map. */
  public TaskRestore {
    operatorStates = Map.copyOf(operatorStates);
  }

  /** The restore of a subtask that had not finished. */
  public TaskRestore(long checkpointId, Map<String, OperatorSubtaskState> operatorStates) {
    this(checkpointId, operatorStates, false);
  }

  /** The state of operator {@code operatorId}, empty if it has none. */
  public OperatorSubtaskState stateOf(String operatorId) {
    return operatorStates.getOrDefault(operatorId, OperatorSubtaskState.EMPTY);
  }
}
