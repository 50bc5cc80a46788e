package io.spate.connectors.kafka.source.enumerator.initializer;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/** The earliest or the latest offset of each partition, and the place where missing offsets go. */
@SuppressWarnings("deprecation")
final class ResettingOffsetsInitializer implements OffsetsInitializer {

  private static final long serialVersionUID = 1L;

  private final OffsetResetStrategy strategy;

  ResettingOffsetsInitializer(OffsetResetStrategy strategy) {
    this.strategy = Objects.requireNonNull(strategy, "offsetResetStrategy");
  }

  @Override
  public Map<TopicPartition, Long> getPartitionOffsets(
      Collection<TopicPartition> partitions, PartitionOffsetsRetriever retriever) {
    return resolve(strategy, partitions, retriever, "");
  }

  /**
   * The offsets of {@code partitions} as {@code strategy} says; for NONE, an error that says why
   * there was no offset ({@code why}, such as "no committed offset of group g").
   */
  static Map<TopicPartition, Long> resolve(OffsetResetStrategy strategy, Collection<TopicPartition> partitions,
      PartitionOffsetsRetriever retriever, String why) {
    if (partitions.isEmpty()) {
      return Map.of();
    }
    switch (strategy) {
      case EARLIEST:
        return retriever.beginningOffsets(partitions);
      case LATEST:
        return retriever.endOffsets(partitions);
      default:
        throw new IllegalStateException("Kafka source: " + why + " for partitions "
            + partitions.stream().map(TopicPartition::toString).sorted().toList()
            + ", and the offset reset strategy is NONE; choose EARLIEST or LATEST, as in "
            + "OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST)");
    }
  }

  @Override
  public OffsetResetStrategy getAutoOffsetResetStrategy() {
    return strategy;
  }

  @Override
  public String toString() {
    return strategy == OffsetResetStrategy.EARLIEST ? "earliest" : strategy == OffsetResetStrategy.LATEST ? "latest"
        : strategy.toString();
  }
}
