package io.spate.connectors.file;

import java.io.Serializable;

/**
 * Where a format's reader resumes after a restore: a byte offset at which it can start reading,
 * and how many records after that offset were already emitted and must be skipped.
 */
public final class CheckpointedPosition implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The offset of a reader that cannot seek: it resumes from the split's start and skips records. */
  public static final long NO_OFFSET = -1L;

  private final long offset;
  private final long recordsAfterOffset;

  /** A position {@code recordsAfterOffset} records after byte {@code offset}. */
  public CheckpointedPosition(long offset, long recordsAfterOffset) {
    if (offset < 0 && offset != NO_OFFSET) {
      throw new IllegalArgumentException("A checkpointed position needs an offset >= 0 or NO_OFFSET, not " + offset);
    }
    if (recordsAfterOffset < 0) {
      throw new IllegalArgumentException(
          "A checkpointed position cannot skip a negative number of records: " + recordsAfterOffset);
    }
    this.offset = offset;
    this.recordsAfterOffset = recordsAfterOffset;
  }

  /** The byte offset to seek to, or {@link #NO_OFFSET}. */
  public long getOffset() {
    return offset;
  }

  /** How many records after the offset to skip. */
  public long getRecordsAfterOffset() {
    return recordsAfterOffset;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CheckpointedPosition that
        && offset == that.offset && recordsAfterOffset == that.recordsAfterOffset;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(offset) * 31 + Long.hashCode(recordsAfterOffset);
  }

  @Override
  public String toString() {
    return "CheckpointedPosition(" + (offset == NO_OFFSET ? "NO_OFFSET" : offset) + ", " + recordsAfterOffset + ")";
  }
}
