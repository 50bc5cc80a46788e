package io.spate.api.checkpoint;

import io.spate.api.annotation.Public;

/** The consistency guarantee that checkpoints give a job's state after recovery. */
@Public
public enum CheckpointingMode {
  /**
   * Every record affects the restored state exactly once: barriers are aligned (or overtake
   * buffered data, when unaligned) so that a snapshot never includes records after its barrier.
   */
  EXACTLY_ONCE,
  /**
   * Barriers are not aligned, so after recovery some records may affect state twice; lower
   * latency while a checkpoint is in progress.
   */
  AT_LEAST_ONCE;

  /**
   * {@code mode} itself: Flink has this enum twice (in its streaming API and in its core) and converts
   * between them; Spate has one.
   */
  public static CheckpointingMode convertToCheckpointingMode(CheckpointingMode mode) {
    return mode;
  }

  /** {@code mode} itself, see {@link #convertToCheckpointingMode}. */
  public static CheckpointingMode convertFromCheckpointingMode(CheckpointingMode mode) {
    return mode;
  }
}
