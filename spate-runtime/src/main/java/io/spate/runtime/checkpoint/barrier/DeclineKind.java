package io.spate.runtime.checkpoint.barrier;

/**
 * Why a subtask declined a checkpoint, as far as the count of failed checkpoints goes: only a
 * subtask that could not take its part counts against {@code
 * execution.checkpointing.tolerable-failed-checkpoints}, as in Flink.
 */
public enum DeclineKind {
  /** The subtask is not running yet, or not any more (its input ended): a later checkpoint may succeed. */
  TASK_NOT_READY,
  /** A later checkpoint's barrier overtook this one at the subtask. */
  SUBSUMED,
  /** The subtask could not take its snapshot or write its state. */
  FAILED;

  /** Whether the declined checkpoint counts as failed for the tolerable-failures limit. */
  public boolean countsAsFailure() {
    return this == FAILED;
  }
}
