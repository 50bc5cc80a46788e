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
  AT_LEAST_ONCE
}
