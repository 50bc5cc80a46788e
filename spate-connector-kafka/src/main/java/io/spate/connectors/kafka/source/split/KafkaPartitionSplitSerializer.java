package io.spate.connectors.kafka.source.split;

import io.spate.api.connector.source.VersionedSerializer;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import java.io.IOException;
import org.apache.kafka.common.TopicPartition;

/**
 * Writes a {@link KafkaPartitionSplit} for checkpoints and for shipping it to a reader: format
 * version 1 is the topic, the partition, the starting offset and the stopping offset.
 */
public final class KafkaPartitionSplitSerializer extends VersionedSerializer<KafkaPartitionSplit> {

  /** The format version this serializer writes. */
  public static final int CURRENT_VERSION = 1;

  /** The serializer. */
  public KafkaPartitionSplitSerializer() {
    super("Kafka partition split", CURRENT_VERSION);
  }

  @Override
  protected void write(KafkaPartitionSplit split, DataOutputSerializer out) throws IOException {
    writeSplit(split, out);
  }

  @Override
  protected KafkaPartitionSplit read(DataInputDeserializer in) throws IOException {
    return readSplit(in);
  }

  /** Writes the fields of {@code split}, for serializers that embed splits (the enumerator's state). */
  public static void writeSplit(KafkaPartitionSplit split, DataOutputSerializer out) throws IOException {
    out.writeUTF(split.getTopic());
    out.writeInt(split.getPartition());
    out.writeLong(split.getStartingOffset());
    out.writeLong(split.rawStoppingOffset());
  }

  /** Reads what {@link #writeSplit} wrote; an {@link IllegalArgumentException} means corrupt input. */
  public static KafkaPartitionSplit readSplit(DataInputDeserializer in) throws IOException {
    String topic = in.readUTF();
    int partition = in.readInt();
    long start = in.readLong();
    long stop = in.readLong();
    return new KafkaPartitionSplit(new TopicPartition(topic, partition), start, stop);
  }
}
