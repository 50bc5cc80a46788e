package io.spate.runtime.operators;

import io.spate.runtime.network.StreamElements.WatermarkStatus;

/**
 * An operator of a task's chain. Every method is called from the task's single thread.
 *
 * @param <OUT> the output type
 */
public interface StreamOperator<OUT> {

  /** Connects the operator to its task before {@link #open}. */
  void setup(OperatorContext context, Output<OUT> output);

  /** Prepares for the first record; opens the user function. */
  void open() throws Exception;

  /** Handles a watermark that has passed every input; by default forwards it. */
  void processWatermark(long watermark) throws Exception;

  /** Handles a change of the combined watermark status of the inputs; by default forwards it. */
  void processWatermarkStatus(WatermarkStatus status) throws Exception;

  /** All input has ended: emit what is still held (batch results, final timers). */
  void finish() throws Exception;

  /** Releases resources; called after {@link #finish}, or on failure or cancellation. */
  void close() throws Exception;

  /** The name of the operator, for messages. */
  String getName();
}
