package io.spate.runtime.operators;

import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import io.spate.runtime.state.snapshot.OperatorSnapshot;

import io.spate.runtime.network.StreamElements.WatermarkStatus;

/**
 * An operator of a task's chain. Every method is called from the task's single thread.
 *
 * @param <OUT> the output type
 */
public interface StreamOperator<OUT> {

  /** Connects the operator to its task before {@link #open}. */
  void setup(OperatorContext context, Output<OUT> output);

  /**
   * Registers and restores the operator's state (from {@link OperatorContext#restoredState()}); called
   * after {@link #setup} and before {@link #open}.
   */
  default void initializeState() throws Exception {}

  /** Prepares for the first record; opens the user function. */
  void open() throws Exception;

  /** Handles a watermark that has passed every input; by default forwards it. */
  void processWatermark(long watermark) throws Exception;

  /** Handles a change of the combined watermark status of the inputs; by default forwards it. */
  void processWatermarkStatus(WatermarkStatus status) throws Exception;

  /** All input has ended: emit what is still held (batch results, final timers). */
  void finish() throws Exception;

  /**
   * Called when a checkpoint's barrier reaches the operator, before the operators of its chain take
   * their snapshots and before the barrier moves on: emit what must precede the barrier downstream.
   */
  default void prepareSnapshotPreBarrier(long checkpointId) throws Exception {}

  /**
   * The synchronous part of the operator's snapshot for checkpoint {@code checkpointId}, taken on the
   * task's thread with no record in flight; the returned parts write it asynchronously.
   */
  default OperatorSnapshot snapshotState(long checkpointId, long timestamp, CheckpointStreamFactory streams)
      throws Exception {
    return OperatorSnapshot.EMPTY;
  }

  /** Checkpoint {@code checkpointId} completed (and, with it, every earlier one). */
  default void notifyCheckpointComplete(long checkpointId) throws Exception {}

  /** Checkpoint {@code checkpointId} was aborted. */
  default void notifyCheckpointAborted(long checkpointId) throws Exception {}

  /** Releases resources; called after {@link #finish}, or on failure or cancellation. */
  void close() throws Exception;

  /** The name of the operator, for messages. */
  String getName();
}
