package io.spate.connectors.kafka.source.enumerator.initializer;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/** Offsets given per partition, with a reset strategy for the partitions not given. */
@SuppressWarnings("deprecation")
final class SpecifiedOffsetsInitializer implements OffsetsInitializer {

  private static final long serialVersionUID = 1L;

  private final HashMap<TopicPartition, Long> offsets;
  private final OffsetResetStrategy strategy;

  SpecifiedOffsetsInitializer(Map<TopicPartition, Long> offsets, OffsetResetStrategy strategy) {
    Objects.requireNonNull(offsets, "OffsetsInitializer.offsets: the map of offsets is null");
    this.offsets = new HashMap<>();
    offsets.forEach((partition, offset) -> {
      if (partition == null) {
        throw new IllegalArgumentException("OffsetsInitializer.offsets: a partition is null");
      }
      if (offset == null || offset < 0) {
        throw new IllegalArgumentException(
            "OffsetsInitializer.offsets: partition " + partition + " has offset " + offset + "; offsets are >= 0");
      }
      this.offsets.put(partition, offset);
    });
    this.strategy = Objects.requireNonNull(strategy, "offsetResetStrategy");
  }

  @Override
  public Map<TopicPartition, Long> getPartitionOffsets(
      Collection<TopicPartition> partitions, PartitionOffsetsRetriever retriever) {
    Map<TopicPartition, Long> result = new HashMap<>();
    for (TopicPartition partition : partitions) {
      Long offset = offsets.get(partition);
      if (offset != null) {
        result.put(partition, offset);
      }
    }
    List<TopicPartition> missing = partitions.stream().filter(p -> !result.containsKey(p)).toList();
    result.putAll(ResettingOffsetsInitializer.resolve(strategy, missing, retriever, "no offset was given"));
    return result;
  }

  @Override
  public OffsetResetStrategy getAutoOffsetResetStrategy() {
    return strategy;
  }

  @Override
  public String toString() {
    return "offsets(" + offsets + ", " + strategy + ")";
  }
}
