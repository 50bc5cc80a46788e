package io.spate.api.connector.source.lib;

import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import java.io.IOException;
import java.util.Objects;

/**
 * A contiguous range of numbers, {@code from} to {@code to} inclusive, where {@code from} is the
 * next number to read; used by {@link NumberSequenceSource} and {@link DataGeneratorSource}.
 *
 * @param splitId the id of the split, unique within its source
 * @param from the next number to read
 * @param to the last number of the range
 */
public record NumberSequenceSplit(String splitId, long from, long to) implements SourceSplit {

  /** Checks that the range holds at least one number. */
  public NumberSequenceSplit {
    Objects.requireNonNull(splitId, "splitId");
    if (from > to) {
      throw new IllegalArgumentException(
          "A number sequence split needs from <= to, but split " + splitId + " has from=" + from
              + " and to=" + to);
    }
  }

  /** The serializer of these splits. */
  public static SimpleVersionedSerializer<NumberSequenceSplit> serializer() {
    return Serializer.INSTANCE;
  }

  private enum Serializer implements SimpleVersionedSerializer<NumberSequenceSplit> {
    INSTANCE;

    private static final int VERSION = 1;

    @Override
    public int getVersion() {
      return VERSION;
    }

    @Override
    public byte[] serialize(NumberSequenceSplit split) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(24 + split.splitId.length());
      out.writeUTF(split.splitId);
      out.writeLong(split.from);
      out.writeLong(split.to);
      return out.getCopyOfBuffer();
    }

    @Override
    public NumberSequenceSplit deserialize(int version, byte[] serialized) throws IOException {
      SerializerVersions.check("number sequence split", VERSION, version);
      DataInputDeserializer in = new DataInputDeserializer(serialized);
      NumberSequenceSplit split;
      try {
        split = new NumberSequenceSplit(in.readUTF(), in.readLong(), in.readLong());
      } catch (IllegalArgumentException e) {
        throw new IOException("Corrupt number sequence split: " + e.getMessage(), e);
      }
      SerializerVersions.checkFullyRead("number sequence split", in);
      return split;
    }
  }
}
