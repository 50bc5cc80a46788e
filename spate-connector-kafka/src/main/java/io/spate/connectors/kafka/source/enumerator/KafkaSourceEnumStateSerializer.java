package io.spate.connectors.kafka.source.enumerator;

import io.spate.api.connector.source.VersionedSerializer;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.connectors.kafka.source.split.KafkaPartitionSplit;
import io.spate.connectors.kafka.source.split.KafkaPartitionSplitSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Writes a {@link KafkaSourceEnumState}: format version 1 is the assigned partitions (topic,
 * partition), the pending splits, and the initial-discovery flag.
 */
public final class KafkaSourceEnumStateSerializer extends VersionedSerializer<KafkaSourceEnumState> {

  /** The format version this serializer writes. */
  public static final int CURRENT_VERSION = 1;

  /** The serializer. */
  public KafkaSourceEnumStateSerializer() {
    super("Kafka source enumerator state", CURRENT_VERSION);
  }

  @Override
  protected void write(KafkaSourceEnumState state, DataOutputSerializer out) throws IOException {
    List<TopicPartition> assigned = new ArrayList<>(state.assignedPartitions());
    assigned.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
    out.writeVarInt(assigned.size());
    for (TopicPartition partition : assigned) {
      out.writeUTF(partition.topic());
      out.writeInt(partition.partition());
    }
    out.writeVarInt(state.pendingSplits().size());
    for (KafkaPartitionSplit split : state.pendingSplits()) {
      KafkaPartitionSplitSerializer.writeSplit(split, out);
    }
    out.writeBoolean(state.initialDiscoveryFinished());
  }

  @Override
  protected KafkaSourceEnumState read(DataInputDeserializer in) throws IOException {
    int assignedCount = readLength(in);
    Set<TopicPartition> assigned = new HashSet<>();
    for (int i = 0; i < assignedCount; i++) {
      String topic = in.readUTF();
      assigned.add(new TopicPartition(topic, in.readInt()));
    }
    int pendingCount = readLength(in);
    List<KafkaPartitionSplit> pending = new ArrayList<>();
    for (int i = 0; i < pendingCount; i++) {
      pending.add(KafkaPartitionSplitSerializer.readSplit(in));
    }
    return new KafkaSourceEnumState(assigned, pending, in.readBoolean());
  }
}
