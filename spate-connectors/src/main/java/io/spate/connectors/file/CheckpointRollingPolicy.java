package io.spate.connectors.file;

/**
 * A {@link RollingPolicy} that closes parts at every checkpoint, and may close them between
 * checkpoints too; the only kind bulk formats take, since a bulk-encoded file cannot be continued.
 *
 * @param <IN> the record type
 * @param <BucketID> the bucket type
 */
public abstract class CheckpointRollingPolicy<IN, BucketID> implements RollingPolicy<IN, BucketID> {

  private static final long serialVersionUID = 1L;

  /** True: every checkpoint closes the part. */
  @Override
  public boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFileState) {
    return true;
  }
}
