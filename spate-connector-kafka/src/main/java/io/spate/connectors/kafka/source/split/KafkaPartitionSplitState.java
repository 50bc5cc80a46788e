package io.spate.connectors.kafka.source.split;

/**
 * The position of a partition while a reader reads it: the offset after the last record emitted.
 * Updated on the task thread as records are emitted, so a checkpoint covers exactly those.
 */
public final class KafkaPartitionSplitState {

  private final KafkaPartitionSplit split;
  private long currentOffset;

  /** The state of {@code split}, at its starting offset. */
  public KafkaPartitionSplitState(KafkaPartitionSplit split) {
    this.split = split;
    this.currentOffset = split.getStartingOffset();
  }

  /** The offset of the next record to emit. */
  public long getCurrentOffset() {
    return currentOffset;
  }

  /** Moves the position to {@code offset}, the offset of the next record to emit. */
  public void setCurrentOffset(long offset) {
    this.currentOffset = offset;
  }

  /** The split as it stands now, for a checkpoint. */
  public KafkaPartitionSplit toKafkaPartitionSplit() {
    return split.withStartingOffset(currentOffset);
  }
}
