package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;

/**
 * An operator of a task's chain: the unit of computation that the runtime runs for each parallel
 * instance of a graph node.
 *
 * <p>Threading: every method is called from the task's single thread, never concurrently, so an
 * operator needs no locks. Records, watermarks, timer callbacks, checkpoint hooks and checkpoint
 * notifications are interleaved on that thread.
 *
 * <p>Lifecycle: {@link #setup} (by the factory, before anything else), {@link #initializeState},
 * {@link #open}, then records and watermarks, checkpoint hooks ({@link #prepareSnapshotPreBarrier},
 * {@link #snapshotState}) and notifications, then {@link #finish} at the end of input, and
 * {@link #close} always, also after a failure or cancellation.
 *
 * <p>The runtime owns the operator's state: it creates the keyed state of operators on keyed
 * streams, the operator state and the timer services, hands them over in {@link
 * StreamOperatorParameters#getStateContext()}, takes their snapshots after {@link #snapshotState},
 * and disposes them after {@link #close}.
 *
 * @param <OUT> the output type
 */
@PublicEvolving
public interface StreamOperator<OUT> {

  /** Connects the operator to its task: its output, settings and state; called once, first. */
  void setup(StreamOperatorParameters<OUT> parameters);

  /** Registers and restores the operator's state; called after {@link #setup} and before {@link #open}. */
  default void initializeState() throws Exception {}

  /** Prepares for the first record; opens the user function. */
  void open() throws Exception;

  /**
   * Handles a watermark that has passed every input (the minimum over all input channels, for an
   * operator with more than one input); by default forwards it.
   */
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
   * The snapshot hook of checkpoint {@code context.getCheckpointId()}, called with no record in
   * flight: write into the operator's state whatever it keeps elsewhere. The runtime snapshots the
   * state right after this returns.
   */
  default void snapshotState(StateSnapshotContext context) throws Exception {}

  /** Checkpoint {@code checkpointId} completed (and, with it, every earlier one). */
  default void notifyCheckpointComplete(long checkpointId) throws Exception {}

  /** Checkpoint {@code checkpointId} was aborted. */
  default void notifyCheckpointAborted(long checkpointId) throws Exception {}

  /** Releases resources; called after {@link #finish}, or on failure or cancellation. */
  void close() throws Exception;

  /** The name of the operator, for messages. */
  String getName();

  // Flink's key-context hooks: Spate's runtime makes each record's key current itself.

  /**
   * Makes the key of {@code record}, a record of the first input, current, by that input's state key
   * selector; {@link AbstractStreamOperator} does. The runtime does this before each record of a
   * keyed input reaches the operator, so it never calls this.
   *
   * @throws UnsupportedOperationException by default: an operator that keeps no keys cannot set one
   */
  default void setKeyContextElement1(StreamRecord<?> record) throws Exception {
    throw new UnsupportedOperationException("Operator '" + getName() + "' keeps no current key; Spate's runtime"
        + " makes each record's key current before processElement, and AbstractStreamOperator sets it on request.");
  }

  /** As {@link #setKeyContextElement1}, for a record of the second input. */
  default void setKeyContextElement2(StreamRecord<?> record) throws Exception {
    throw new UnsupportedOperationException("Operator '" + getName() + "' keeps no current key; Spate's runtime"
        + " makes each record's key current before processElement, and AbstractStreamOperator sets it on request.");
  }
}
