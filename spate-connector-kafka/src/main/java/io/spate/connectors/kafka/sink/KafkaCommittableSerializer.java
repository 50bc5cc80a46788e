package io.spate.connectors.kafka.sink;

import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import java.io.EOFException;
import java.io.IOException;

/** Writes a {@link KafkaCommittable} into checkpoints: its ids, epoch and topic, never its producer. */
final class KafkaCommittableSerializer implements SimpleVersionedSerializer<KafkaCommittable> {

  static final KafkaCommittableSerializer INSTANCE = new KafkaCommittableSerializer();
  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(KafkaCommittable committable) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    out.writeUTF(committable.transactionalId());
    out.writeLong(committable.producerId());
    out.writeShort(committable.epoch());
    out.writeUTF(committable.topic());
    return out.getCopyOfBuffer();
  }

  @Override
  public KafkaCommittable deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("KafkaSink: cannot read a committable of format version " + version
          + "; this version reads version " + VERSION);
    }
    DataInputDeserializer in = new DataInputDeserializer(serialized);
    try {
      KafkaCommittable committable = new KafkaCommittable(in.readUTF(), in.readLong(), in.readShort(), in.readUTF());
      if (in.available() != 0) {
        throw new IOException("KafkaSink: corrupt committable: " + in.available() + " bytes left after "
            + committable);
      }
      return committable;
    } catch (EOFException e) {
      throw new IOException("KafkaSink: corrupt committable: truncated at " + serialized.length + " bytes", e);
    }
  }
}
