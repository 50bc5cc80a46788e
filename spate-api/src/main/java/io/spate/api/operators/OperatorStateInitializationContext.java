package io.spate.api.operators;

import io.spate.api.state.KeyedStateStore;
import io.spate.api.state.OperatorStateStore;
import java.util.OptionalLong;

/** The {@link StateInitializationContext} of an operator, over the state the runtime created for it. */
final class OperatorStateInitializationContext implements StateInitializationContext {

  private final StreamOperatorStateContext state;
  private final String operatorName;
  private final KeyedStateStore keyedState;

  /** {@code keyedState} is null when the operator does not run on a keyed stream. */
  OperatorStateInitializationContext(StreamOperatorStateContext state, String operatorName, KeyedStateStore keyedState) {
    this.state = state;
    this.operatorName = operatorName;
    this.keyedState = keyedState;
  }

  @Override
  public boolean isRestored() {
    return state.isRestored();
  }

  @Override
  public OptionalLong getRestoredCheckpointId() {
    return state.getRestoredCheckpointId();
  }

  @Override
  public OperatorStateStore getOperatorStateStore() {
    return state.getOperatorStateStore();
  }

  @Override
  public KeyedStateStore getKeyedStateStore() {
    if (keyedState == null) {
      throw new UnsupportedOperationException("Keyed state is only available on keyed streams, and operator '"
          + operatorName + "' does not run on one.");
    }
    return keyedState;
  }
}
