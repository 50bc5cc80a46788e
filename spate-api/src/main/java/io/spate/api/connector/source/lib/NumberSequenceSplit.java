package io.spate.api.connector.source.lib;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.connector.source.VersionedSerializer;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import java.io.IOException;
import java.util.Objects;

/**
 * A contiguous range of numbers, {@code from} to {@code to} inclusive, where {@code from} is the
 * next number to read; used by {@link NumberSequenceSource} and the data generator of spate-connectors.
 *
 * @param splitId the id of the split, unique within its source
 * @param from the next number to read
 * @param to the last number of the range
 */
@PublicEvolving
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
    return SERIALIZER;
  }

  private static final SimpleVersionedSerializer<NumberSequenceSplit> SERIALIZER =
      new VersionedSerializer<>("number sequence split", 1) {
        @Override
        protected void write(NumberSequenceSplit split, DataOutputSerializer out) throws IOException {
          out.writeUTF(split.splitId);
          out.writeLong(split.from);
          out.writeLong(split.to);
        }

        @Override
        protected NumberSequenceSplit read(DataInputDeserializer in) throws IOException {
          return new NumberSequenceSplit(in.readUTF(), in.readLong(), in.readLong());
        }
      };
}
