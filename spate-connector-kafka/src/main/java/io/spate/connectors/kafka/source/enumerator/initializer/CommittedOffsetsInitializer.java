package io.spate.connectors.kafka.source.enumerator.initializer;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/** The consumer group's committed offsets, with a reset strategy for partitions that have none. */
@SuppressWarnings("deprecation")
final class CommittedOffsetsInitializer implements OffsetsInitializer {

  private static final long serialVersionUID = 1L;

  private final OffsetResetStrategy strategy;

  CommittedOffsetsInitializer(OffsetResetStrategy strategy) {
    this.strategy = Objects.requireNonNull(strategy, "offsetResetStrategy");
  }

  @Override
  public Map<TopicPartition, Long> getPartitionOffsets(
      Collection<TopicPartition> partitions, PartitionOffsetsRetriever retriever) {
    Map<TopicPartition, Long> offsets = new HashMap<>(retriever.committedOffsets(partitions));
    offsets.keySet().retainAll(partitions);
    List<TopicPartition> missing = partitions.stream().filter(p -> !offsets.containsKey(p)).toList();
    offsets.putAll(ResettingOffsetsInitializer.resolve(strategy, missing, retriever, "the consumer group has no committed offset"));
    return offsets;
  }

  @Override
  public OffsetResetStrategy getAutoOffsetResetStrategy() {
    return strategy;
  }

  @Override
  public String toString() {
    return "committedOffsets(" + strategy + ")";
  }
}
