package io.spate.connectors.nexmark;

import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.connector.source.VersionedSerializer;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A share of the Nexmark event numbers: {@code next}, {@code next + stride}, ... while below
 * {@code end}; {@code next} is the next event to read. Cutting the numbers by stride rather than into
 * blocks keeps every reader's events at the same event time, so that watermarks advance together.
 *
 * @param splitId the id of the split, unique within its source
 * @param next the number of the next event to read
 * @param stride the distance between the split's event numbers
 * @param end the first event number past the split (the number of events; {@link Long#MAX_VALUE} if unbounded)
 * @param paceOriginMillis for a rate-limited source, the wall-clock time (epoch ms) at which event 0
 *     was due, shared by all splits so that every reader keeps one schedule; 0 to start the schedule
 *     at the reader's first poll
 */
public record NexmarkSplit(String splitId, long next, long stride, long end, long paceOriginMillis)
    implements SourceSplit {

  /** Checks that the split has at least one event left. */
  public NexmarkSplit {
    Objects.requireNonNull(splitId, "splitId");
    if (next < 0 || stride < 1 || next >= end) {
      throw new IllegalArgumentException("A Nexmark split needs 0 <= next < end and stride >= 1, but split "
          + splitId + " has next=" + next + ", stride=" + stride + ", end=" + end);
    }
  }

  /** A split whose schedule, if paced, starts at the reader's first poll. */
  public NexmarkSplit(String splitId, long next, long stride, long end) {
    this(splitId, next, stride, end, 0);
  }

  /** How many events are left, {@link Long#MAX_VALUE} if more than that. */
  public long remaining() {
    return (end - next - 1) / stride + 1;
  }

  /** The same split with {@code next} as its next event, or null if that is past its end. */
  NexmarkSplit at(long nextEvent) {
    return nextEvent < end ? new NexmarkSplit(splitId, nextEvent, stride, end, paceOriginMillis) : null;
  }

  /**
   * The splits of {@code numEvents} events for {@code count} readers: split {@code i} holds the
   * numbers congruent to {@code i} modulo {@code count} (fewer splits if there are fewer events).
   */
  static List<NexmarkSplit> cut(long numEvents, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("A Nexmark source needs at least one split, but got " + count);
    }
    List<NexmarkSplit> splits = new ArrayList<>(count);
    for (int i = 0; i < count && i < numEvents; i++) {
      splits.add(new NexmarkSplit(Integer.toString(i), i, count, numEvents));
    }
    return splits;
  }

  /** The serializer of these splits. */
  public static SimpleVersionedSerializer<NexmarkSplit> serializer() {
    return SERIALIZER;
  }

  private static final SimpleVersionedSerializer<NexmarkSplit> SERIALIZER =
      new VersionedSerializer<>("Nexmark split", 2) {
        @Override
        protected void write(NexmarkSplit split, DataOutputSerializer out) throws IOException {
          writeSplit(split, out);
        }

        @Override
        protected NexmarkSplit read(DataInputDeserializer in) throws IOException {
          return readSplit(in);
        }
      };

  private static void writeSplit(NexmarkSplit split, DataOutputSerializer out) throws IOException {
    out.writeUTF(split.splitId);
    out.writeLong(split.next);
    out.writeLong(split.stride);
    out.writeLong(split.end);
    out.writeLong(split.paceOriginMillis);
  }

  private static NexmarkSplit readSplit(DataInputDeserializer in) throws IOException {
    return new NexmarkSplit(in.readUTF(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
  }

  /** The serializer of a list of splits: the enumerator's checkpoint. */
  static SimpleVersionedSerializer<List<NexmarkSplit>> listSerializer() {
    return LIST_SERIALIZER;
  }

  private static final SimpleVersionedSerializer<List<NexmarkSplit>> LIST_SERIALIZER =
      new VersionedSerializer<>("Nexmark split list", 2) {
        @Override
        protected void write(List<NexmarkSplit> splits, DataOutputSerializer out) throws IOException {
          out.writeVarInt(splits.size());
          for (NexmarkSplit split : splits) {
            writeSplit(split, out);
          }
        }

        @Override
        protected List<NexmarkSplit> read(DataInputDeserializer in) throws IOException {
          int count = in.readVarInt();
          if (count < 0 || count > in.available()) {
            throw new IOException("Corrupt Nexmark split list: a count of " + count + " with "
                + in.available() + " bytes left");
          }
          List<NexmarkSplit> splits = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            splits.add(readSplit(in));
          }
          return splits;
        }
      };
}
