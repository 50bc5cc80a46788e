package io.spate.connectors.file;

/**
 * A record a {@link BulkFormat} read, with the position to restore to after it: a byte offset and
 * the records after that offset which are read (this one included).
 *
 * @param <E> the record type
 */
public class RecordAndPosition<E> {

  /** The offset of a reader that cannot seek. */
  public static final long NO_OFFSET = CheckpointedPosition.NO_OFFSET;

  E record;
  long offset;
  long recordSkipCount;

  /** A record and the position after it. */
  public RecordAndPosition(E record, long offset, long recordSkipCount) {
    this.record = record;
    this.offset = offset;
    this.recordSkipCount = recordSkipCount;
  }

  /** For subclasses that reuse one instance. */
  protected RecordAndPosition() {}

  /** The record. */
  public E getRecord() {
    return record;
  }

  /** The offset to seek to after a restore. */
  public long getOffset() {
    return offset;
  }

  /** How many records after the offset to skip after a restore. */
  public long getRecordSkipCount() {
    return recordSkipCount;
  }

  @Override
  public String toString() {
    return record + " @ " + offset + " + " + recordSkipCount;
  }
}
