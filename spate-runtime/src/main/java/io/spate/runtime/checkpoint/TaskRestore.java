package io.spate.runtime.checkpoint;

import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import java.util.Map;

/**
 * What one subtask restores from: the checkpoint's id and the state of each operator of its chain.
 *
 * @param checkpointId the checkpoint or savepoint restored from
 * @param operatorStates the state by operator id; operators without an entry start empty
 */
public record TaskRestore(long checkpointId, Map<String, OperatorSubtaskState> operatorStates)
    implements java.io.Serializable {

  /** Copies the map. */
  public TaskRestore {
    operatorStates = Map.copyOf(operatorStates);
  }

  /** The state of operator {@code operatorId}, empty if it has none. */
  public OperatorSubtaskState stateOf(String operatorId) {
    return operatorStates.getOrDefault(operatorId, OperatorSubtaskState.EMPTY);
  }
}
