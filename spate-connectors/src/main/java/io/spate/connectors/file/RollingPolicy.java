package io.spate.connectors.file;

import java.io.IOException;
import java.io.Serializable;

/**
 * Decides when a {@link FileSink} writer closes the part file of a bucket and starts a new one.
 * Before each record the writer asks {@link #shouldRollOnEvent} (with the record that would be
 * written) and {@link #shouldRollOnProcessingTime}; it also asks every open part the latter at the
 * sink's bucket check interval. Spate closes every part at each checkpoint, whatever {@link
 * #shouldRollOnCheckpoint} answers (docs/porting-from-flink.md).
 *
 * @param <IN> the record type
 * @param <BucketID> the bucket type
 */
public interface RollingPolicy<IN, BucketID> extends Serializable {

  /** Whether the part should be closed at a checkpoint. */
  boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFileState) throws IOException;

  /** Whether the part should be closed before {@code element} is written to it. */
  boolean shouldRollOnEvent(PartFileInfo<BucketID> partFileState, IN element) throws IOException;

  /** Whether the part should be closed at processing time {@code currentTime}. */
  boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFileState, long currentTime) throws IOException;
}
