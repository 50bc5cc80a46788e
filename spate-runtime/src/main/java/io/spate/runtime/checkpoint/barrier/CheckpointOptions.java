package io.spate.runtime.checkpoint.barrier;

import java.io.Serializable;

/**
 * How a snapshot is taken; travels with its barrier.
 *
 * @param type checkpoint or savepoint
 * @param exactlyOnce whether barriers align (exactly-once) or not (at-least-once)
 * @param unaligned whether barriers overtake in-flight records, which are stored with the checkpoint
 * @param alignedTimeoutMillis after how long an aligned barrier turns unaligned (0 = never)
 * @param targetDirectory where a savepoint is written, or null for checkpoints
 */
public record CheckpointOptions(
    CheckpointType type, boolean exactlyOnce, boolean unaligned, long alignedTimeoutMillis, String targetDirectory)
    implements Serializable {

  /** Options for a savepoint of {@code type} into {@code targetDirectory}: always aligned. */
  public static CheckpointOptions savepoint(CheckpointType type, String targetDirectory) {
    return new CheckpointOptions(type, true, false, 0, targetDirectory);
  }
}
