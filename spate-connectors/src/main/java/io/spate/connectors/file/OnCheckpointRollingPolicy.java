package io.spate.connectors.file;

/**
 * Closes parts at checkpoints only: one part per bucket and subtask between two checkpoints.
 *
 * @param <IN> the record type
 * @param <BucketID> the bucket type
 */
public final class OnCheckpointRollingPolicy<IN, BucketID> extends CheckpointRollingPolicy<IN, BucketID> {

  private static final long serialVersionUID = 1L;

  private OnCheckpointRollingPolicy() {}

  /** The policy. */
  public static <IN, BucketID> OnCheckpointRollingPolicy<IN, BucketID> build() {
    return new OnCheckpointRollingPolicy<>();
  }

  /** False: records never close a part. */
  @Override
  public boolean shouldRollOnEvent(PartFileInfo<BucketID> partFileState, IN element) {
    return false;
  }

  /** False: time never closes a part. */
  @Override
  public boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFileState, long currentTime) {
    return false;
  }

  @Override
  public String toString() {
    return "OnCheckpointRollingPolicy";
  }
}
