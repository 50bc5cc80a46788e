package io.spate.connectors.kafka.source.enumerator;

import io.spate.connectors.kafka.source.split.KafkaPartitionSplit;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The checkpointed state of a {@code KafkaSource}'s enumerator: the partitions already handed to
 * readers (whose positions the readers' checkpoints hold), the splits found but not yet handed out,
 * and whether the first discovery, which uses the starting offsets, has happened.
 *
 * @param assignedPartitions partitions given to a reader
 * @param pendingSplits splits waiting for their reader
 * @param initialDiscoveryFinished whether partitions found from now on start at their earliest offset
 */
public record KafkaSourceEnumState(
    Set<TopicPartition> assignedPartitions, List<KafkaPartitionSplit> pendingSplits, boolean initialDiscoveryFinished) {

  /** Copies the collections. */
  public KafkaSourceEnumState {
    assignedPartitions = Set.copyOf(Objects.requireNonNull(assignedPartitions, "assignedPartitions"));
    pendingSplits = List.copyOf(Objects.requireNonNull(pendingSplits, "pendingSplits"));
  }

  /** The state of an enumerator that has not discovered anything yet. */
  public static KafkaSourceEnumState initial() {
    return new KafkaSourceEnumState(Set.of(), List.of(), false);
  }
}
