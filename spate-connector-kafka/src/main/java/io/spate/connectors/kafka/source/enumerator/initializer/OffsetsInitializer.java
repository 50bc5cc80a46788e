package io.spate.connectors.kafka.source.enumerator.initializer;

import java.io.Serializable;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/**
 * Decides the offset at which a {@code KafkaSource} starts (or, for a bounded read, stops) reading
 * each partition: the earliest or latest one, the first at a timestamp, the consumer group's
 * committed one, or given ones. The source's enumerator asks it once per newly found partition, and
 * the answer goes into the partition's split; a restored job uses its checkpointed offsets instead.
 */
@SuppressWarnings("deprecation") // OffsetResetStrategy: the client's public reset type, as in Flink's API
public interface OffsetsInitializer extends Serializable {

  /**
   * The offset of every partition of {@code partitions}, found through {@code retriever}, which
   * asks the brokers.
   */
  Map<TopicPartition, Long> getPartitionOffsets(
      Collection<TopicPartition> partitions, PartitionOffsetsRetriever retriever);

  /**
   * What happens where this initializer finds no offset (no committed offset, an offset missing from
   * a map): {@code EARLIEST}, {@code LATEST}, or {@code NONE}, which fails the job.
   */
  OffsetResetStrategy getAutoOffsetResetStrategy();

  /** Asks the brokers for the offsets an initializer needs. */
  interface PartitionOffsetsRetriever {

    /** The consumer group's committed offsets; a partition without one is left out. */
    Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions);

    /** The offset after the last record of each partition (its high watermark, or last stable offset). */
    Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions);

    /** The offset of the first record still kept in each partition. */
    Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions);

    /**
     * For each partition, the first record whose timestamp is at or after the given one; null for a
     * partition with no such record.
     */
    Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestampsToSearch);
  }

  /** The earliest offset still kept in each partition. */
  static OffsetsInitializer earliest() {
    return new ResettingOffsetsInitializer(OffsetResetStrategy.EARLIEST);
  }

  /** The end of each partition, as of when the partition is found: records written after that. */
  static OffsetsInitializer latest() {
    return new ResettingOffsetsInitializer(OffsetResetStrategy.LATEST);
  }

  /**
   * The first record whose timestamp (milliseconds since the epoch) is at or after {@code
   * timestamp}; the end of a partition that has none.
   */
  static OffsetsInitializer timestamp(long timestamp) {
    return new TimestampOffsetsInitializer(timestamp);
  }

  /**
   * The consumer group's committed offsets (the source needs a group id); a partition without one
   * fails the job.
   */
  static OffsetsInitializer committedOffsets() {
    return committedOffsets(OffsetResetStrategy.NONE);
  }

  /**
   * The consumer group's committed offsets; a partition without one starts as {@code
   * offsetResetStrategy} says (EARLIEST, LATEST, or NONE: fail).
   */
  static OffsetsInitializer committedOffsets(OffsetResetStrategy offsetResetStrategy) {
    return new CommittedOffsetsInitializer(offsetResetStrategy);
  }

  /** The given offsets; a partition not in {@code offsets} starts at its earliest offset. */
  static OffsetsInitializer offsets(Map<TopicPartition, Long> offsets) {
    return offsets(offsets, OffsetResetStrategy.EARLIEST);
  }

  /** The given offsets; a partition not in {@code offsets} is treated as {@code offsetResetStrategy} says. */
  static OffsetsInitializer offsets(Map<TopicPartition, Long> offsets, OffsetResetStrategy offsetResetStrategy) {
    return new SpecifiedOffsetsInitializer(offsets, offsetResetStrategy);
  }
}
