package io.spate.runtime.tasks;

/**
 * Reads a task's input into the head of its operator chain: {@link SourceInputProcessor} for a source
 * head, {@link NetworkInputProcessor} for a head fed by input channels. Chosen once when the task
 * starts; the task calls it a few times per step, never per record. Runs on the task's thread.
 */
interface StreamInputProcessor {

  /** Called once, after the chain's operators opened and before the first read. */
  void open() throws Exception;

  /**
   * Handles what must not wait while the task's output is full (barriers of unaligned checkpoints);
   * returns whether it did anything.
   */
  boolean processPriorityEvents() throws Exception;

  /** Hands on the results of records the head keeps in flight; returns whether there were any. */
  boolean runCompletions();

  /** Reads a bounded amount of input into the head, while the output has room; returns whether it read any. */
  boolean processInput() throws Exception;

  /** Whether the input ended and the head holds nothing in flight: the chain may finish. */
  boolean isFinished();

  /** Checkpoint {@code checkpointId} completed. */
  void onCheckpointComplete(long checkpointId);

  /** Checkpoint {@code checkpointId} was aborted. */
  void onCheckpointAborted(long checkpointId);

  /** The watermark last handed to the head from the input channels ({@code Long.MIN_VALUE} before any). */
  long currentInputWatermark();
}
