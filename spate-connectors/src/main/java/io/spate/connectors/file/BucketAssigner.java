package io.spate.connectors.file;

import io.spate.api.connector.source.SimpleVersionedSerializer;
import java.io.Serializable;

/**
 * Chooses the bucket of each record a {@link FileSink} writes: the sub-directory of the base path,
 * named by the bucket id's {@code toString()} (an empty name is the base path itself).
 *
 * @param <IN> the record type
 * @param <BucketID> the bucket type
 */
public interface BucketAssigner<IN, BucketID> extends Serializable {

  /** The bucket of {@code element}. */
  BucketID getBucketId(IN element, Context context);

  /** The serializer of bucket ids. */
  SimpleVersionedSerializer<BucketID> getSerializer();

  /** What an assigner may know besides the record. */
  interface Context {

    /** The current processing time, milliseconds. */
    long currentProcessingTime();

    /** The current event-time watermark of the sink. */
    long currentWatermark();

    /** The record's timestamp, or null if it has none. */
    Long timestamp();
  }
}
