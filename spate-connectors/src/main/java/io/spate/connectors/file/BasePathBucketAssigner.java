package io.spate.connectors.file;

import io.spate.api.connector.source.SimpleVersionedSerializer;

/**
 * Puts every record into the base path itself: one bucket, the empty id. Spate's file sink uses it
 * unless told otherwise.
 *
 * @param <T> the record type
 */
public class BasePathBucketAssigner<T> implements BucketAssigner<T, String> {

  private static final long serialVersionUID = 1L;

  /** The empty bucket id: the base path. */
  @Override
  public String getBucketId(T element, BucketAssigner.Context context) {
    return "";
  }

  @Override
  public SimpleVersionedSerializer<String> getSerializer() {
    return SimpleVersionedStringSerializer.INSTANCE;
  }

  @Override
  public String toString() {
    return "BasePathBucketAssigner";
  }
}
