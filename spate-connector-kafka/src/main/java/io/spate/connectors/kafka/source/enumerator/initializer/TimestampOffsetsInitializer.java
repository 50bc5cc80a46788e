package io.spate.connectors.kafka.source.enumerator.initializer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/** The first record at or after a timestamp in each partition, or the partition's end. */
@SuppressWarnings("deprecation")
final class TimestampOffsetsInitializer implements OffsetsInitializer {

  private static final long serialVersionUID = 1L;

  private final long timestamp;

  TimestampOffsetsInitializer(long timestamp) {
    if (timestamp < 0) {
      throw new IllegalArgumentException(
          "OffsetsInitializer.timestamp: the timestamp must be milliseconds since the epoch, not " + timestamp);
    }
    this.timestamp = timestamp;
  }

  @Override
  public Map<TopicPartition, Long> getPartitionOffsets(
      Collection<TopicPartition> partitions, PartitionOffsetsRetriever retriever) {
    Map<TopicPartition, Long> search = new HashMap<>();
    for (TopicPartition partition : partitions) {
      search.put(partition, timestamp);
    }
    Map<TopicPartition, Long> offsets = new HashMap<>();
    List<TopicPartition> withoutRecord = new ArrayList<>();
    Map<TopicPartition, OffsetAndTimestamp> found = search.isEmpty() ? Map.of() : retriever.offsetsForTimes(search);
    for (TopicPartition partition : partitions) {
      OffsetAndTimestamp at = found.get(partition);
      if (at == null) {
        withoutRecord.add(partition);
      } else {
        offsets.put(partition, at.offset());
      }
    }
    if (!withoutRecord.isEmpty()) {
      offsets.putAll(retriever.endOffsets(withoutRecord));
    }
    return offsets;
  }

  @Override
  public OffsetResetStrategy getAutoOffsetResetStrategy() {
    return OffsetResetStrategy.LATEST;
  }

  @Override
  public String toString() {
    return "timestamp(" + timestamp + ")";
  }
}
