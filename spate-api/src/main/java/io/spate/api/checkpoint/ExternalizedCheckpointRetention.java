package io.spate.api.checkpoint;

import io.spate.api.annotation.Public;

/** Whether completed checkpoints are kept in their storage directory after the job ends. */
@Public
public enum ExternalizedCheckpointRetention {
  /** Checkpoints are deleted when the job ends, however it ends. */
  NO_EXTERNALIZED_CHECKPOINTS,
  /** The retained checkpoints are kept when the job is cancelled, so it can resume from them. */
  RETAIN_ON_CANCELLATION,
  /** Checkpoints are deleted when the job is cancelled and kept when it fails. */
  DELETE_ON_CANCELLATION;

  /** Whether the job's retained checkpoints are deleted when it is cancelled: true for DELETE_ON_CANCELLATION only. */
  public boolean deleteOnCancellation() {
    return this == DELETE_ON_CANCELLATION;
  }
}
