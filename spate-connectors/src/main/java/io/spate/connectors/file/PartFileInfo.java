package io.spate.connectors.file;

import java.io.IOException;

/**
 * What a {@link RollingPolicy} knows of the part file a {@link FileSink} writer has open in a bucket.
 *
 * @param <BucketID> the bucket type
 */
public interface PartFileInfo<BucketID> {

  /** The bucket the part belongs to. */
  BucketID getBucketId();

  /** When the part was opened (processing time, milliseconds). */
  long getCreationTime();

  /** The bytes written to the part so far, buffered ones included. */
  long getSize() throws IOException;

  /** When a record was last written to the part (processing time, milliseconds). */
  long getLastUpdateTime();
}
