package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.checkpoint.FunctionSnapshotContext;

/** Which checkpoint an operator's {@link StreamOperator#snapshotState} hook runs for. */
@PublicEvolving
public interface StateSnapshotContext extends FunctionSnapshotContext {

  /** The context of checkpoint {@code checkpointId}, triggered at {@code timestamp}. */
  static StateSnapshotContext of(long checkpointId, long timestamp) {
    return new StateSnapshotContext() {
      @Override
      public long getCheckpointId() {
        return checkpointId;
      }

      @Override
      public long getCheckpointTimestamp() {
        return timestamp;
      }
    };
  }
}
