package io.spate.runtime.checkpoint.barrier;

/** What a snapshot is taken for. */
public enum CheckpointType {
  /** A periodic checkpoint, owned and cleaned up by Spate. */
  CHECKPOINT,
  /** A savepoint the user asked for; self-contained and never deleted by Spate. */
  SAVEPOINT,
  /** A savepoint after which the job stops (stop-with-savepoint). */
  SAVEPOINT_SUSPEND,
  /** A savepoint after which the job stops, its sources having emitted the final watermark first. */
  SAVEPOINT_TERMINATE;

  /** Whether this is one of the savepoint types. */
  public boolean isSavepoint() {
    return this != CHECKPOINT;
  }

  /** Whether the job stops once the snapshot is complete. */
  public boolean stopsJob() {
    return this == SAVEPOINT_SUSPEND || this == SAVEPOINT_TERMINATE;
  }
}
