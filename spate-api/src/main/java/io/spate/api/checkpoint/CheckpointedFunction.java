package io.spate.api.checkpoint;

import io.spate.api.annotation.Public;

/**
 * Implemented by a function that keeps state of its own in checkpoints: operator state (lists, union
 * lists, broadcast maps) or keyed state it registers up front.
 */
@Public
public interface CheckpointedFunction {

  /**
   * Takes the function's state into the checkpoint: called on the task's thread when the checkpoint's
   * barrier passes, with no record in flight in the function.
   */
  void snapshotState(FunctionSnapshotContext context) throws Exception;

  /**
   * Registers the function's state and, when the job restores from a checkpoint or savepoint
   * ({@link FunctionInitializationContext#isRestored()}), reads it back; called before {@code open}.
   */
  void initializeState(FunctionInitializationContext context) throws Exception;
}
