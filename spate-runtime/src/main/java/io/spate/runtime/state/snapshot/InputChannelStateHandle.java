package io.spate.runtime.state.snapshot;

/**
 * Records that were in flight towards an operator instance when an unaligned checkpoint passed it:
 * they are handed to the operator again, before any new input, on restore.
 *
 * @param inputIndex the operator input (0 or 1) the records belong to
 * @param records the serialized records
 * @param count the number of records
 */
public record InputChannelStateHandle(int inputIndex, StreamStateHandle records, long count)
    implements java.io.Serializable {

  /** The size in bytes. */
  public long getStateSize() {
    return records.getStateSize();
  }
}
