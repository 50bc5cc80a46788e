package io.spate.api.checkpoint;

import io.spate.api.annotation.Public;
import io.spate.api.state.KeyedStateStore;
import io.spate.api.state.OperatorStateStore;
import java.util.OptionalLong;

/** What a {@link CheckpointedFunction} gets to register and restore its state. */
@Public
public interface FunctionInitializationContext {

  /** Whether the job is restoring from a checkpoint or savepoint (not a fresh start). */
  boolean isRestored();

  /** The id of the checkpoint restored from, when {@link #isRestored()}. */
  OptionalLong getRestoredCheckpointId();

  /** The operator state of this parallel instance. */
  OperatorStateStore getOperatorStateStore();

  /**
   * The keyed state of the function's operator.
   *
   * @throws UnsupportedOperationException when the function does not run on a keyed stream
   */
  KeyedStateStore getKeyedStateStore();
}
