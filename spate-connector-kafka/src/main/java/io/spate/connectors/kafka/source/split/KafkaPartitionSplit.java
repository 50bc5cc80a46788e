package io.spate.connectors.kafka.source.split;

import io.spate.api.connector.source.SourceSplit;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * One Kafka partition as a split of a {@code KafkaSource}: the offset to read next and, for a
 * bounded read, the offset to stop before. In a checkpoint the starting offset is the position
 * after the last record the reader emitted.
 */
public final class KafkaPartitionSplit implements SourceSplit {

  /** The stopping offset of a split that is read without end. */
  public static final long NO_STOPPING_OFFSET = Long.MIN_VALUE;

  private final TopicPartition topicPartition;
  private final long startingOffset;
  private final long stoppingOffset;

  /** A split of {@code topicPartition} read from {@code startingOffset} without end. */
  public KafkaPartitionSplit(TopicPartition topicPartition, long startingOffset) {
    this(topicPartition, startingOffset, NO_STOPPING_OFFSET);
  }

  /**
   * A split of {@code topicPartition} read from {@code startingOffset} up to, not including,
   * {@code stoppingOffset} ({@link #NO_STOPPING_OFFSET} for no end).
   */
  public KafkaPartitionSplit(TopicPartition topicPartition, long startingOffset, long stoppingOffset) {
    Objects.requireNonNull(topicPartition, "topicPartition");
    if (topicPartition.partition() < 0) {
      throw new IllegalArgumentException("Kafka partition split: negative partition in " + topicPartition);
    }
    if (startingOffset < 0) {
      throw new IllegalArgumentException(
          "Kafka partition split " + topicPartition + ": negative starting offset " + startingOffset);
    }
    if (stoppingOffset != NO_STOPPING_OFFSET && stoppingOffset < 0) {
      throw new IllegalArgumentException(
          "Kafka partition split " + topicPartition + ": negative stopping offset " + stoppingOffset);
    }
    this.topicPartition = topicPartition;
    this.startingOffset = startingOffset;
    this.stoppingOffset = stoppingOffset;
  }

  /** The split's id: {@code <topic>-<partition>}, as Kafka prints a partition. */
  public static String toSplitId(TopicPartition topicPartition) {
    return topicPartition.toString();
  }

  @Override
  public String splitId() {
    return toSplitId(topicPartition);
  }

  /** The topic. */
  public String getTopic() {
    return topicPartition.topic();
  }

  /** The partition number. */
  public int getPartition() {
    return topicPartition.partition();
  }

  /** The topic and partition. */
  public TopicPartition getTopicPartition() {
    return topicPartition;
  }

  /** The offset of the next record to read. */
  public long getStartingOffset() {
    return startingOffset;
  }

  /** The offset to stop before, if the split is bounded. */
  public Optional<Long> getStoppingOffset() {
    return stoppingOffset == NO_STOPPING_OFFSET ? Optional.empty() : Optional.of(stoppingOffset);
  }

  /** Whether there is nothing to read: the starting offset is at or past the stopping offset. */
  public boolean isEmpty() {
    return stoppingOffset != NO_STOPPING_OFFSET && startingOffset >= stoppingOffset;
  }

  /** This split from {@code offset} on, with the same stopping offset. */
  public KafkaPartitionSplit withStartingOffset(long offset) {
    return new KafkaPartitionSplit(topicPartition, offset, stoppingOffset);
  }

  long rawStoppingOffset() {
    return stoppingOffset;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KafkaPartitionSplit other
        && topicPartition.equals(other.topicPartition)
        && startingOffset == other.startingOffset
        && stoppingOffset == other.stoppingOffset;
  }

  @Override
  public int hashCode() {
    return Objects.hash(topicPartition, startingOffset, stoppingOffset);
  }

  @Override
  public String toString() {
    return "KafkaPartitionSplit{" + topicPartition + ", from " + startingOffset
        + (stoppingOffset == NO_STOPPING_OFFSET ? "" : " to " + stoppingOffset) + "}";
  }
}
