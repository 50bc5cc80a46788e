package io.spate.runtime.network.remote;

import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.runtime.network.LocalChannel;
import io.spate.runtime.network.RecordBatch;
import java.io.IOException;

/**
 * The wire form of a record batch of one channel: the record count, the producer's batch capacity
 * (so that the receiver can reuse batches of that size), then each record's timestamp and value in
 * the edge's serializer. Keys of keyed batches are not sent: the consumer computes them.
 */
final class BatchCodec {

  // Each record takes at least its 8-byte timestamp, which bounds what a frame can claim to hold.
  private static final int MIN_RECORD_BYTES = 8;

  private final TypeSerializer<Object> serializer;
  private final int maxFrameSize;

  @SuppressWarnings("unchecked")
  BatchCodec(TypeSerializer<?> serializer, int maxFrameSize) {
    this.serializer = (TypeSerializer<Object>) serializer.duplicate();
    this.maxFrameSize = maxFrameSize;
  }

  void write(RecordBatch batch, DataOutputSerializer out) throws IOException {
    int size = batch.size();
    out.writeInt(size);
    out.writeInt(batch.capacity());
    for (int i = 0; i < size; i++) {
      out.writeLong(batch.timestamp(i));
      serializer.serialize(batch.value(i), out);
      if (out.length() > maxFrameSize) {
        throw new IOException("a batch of " + size + " records is larger than the maximum frame size of "
            + maxFrameSize + " bytes after " + (i + 1) + " records; lower the batch size or raise the frame size");
      }
    }
  }

  /** Reads a batch into one obtained from {@code into}, the inbound channel it is then offered to. */
  RecordBatch read(DataInputDeserializer in, LocalChannel into) throws MalformedFrameException {
    try {
      int count = in.readInt();
      int capacity = in.readInt();
      if (count < 0 || capacity < count || count > in.available() / MIN_RECORD_BYTES) {
        throw new MalformedFrameException("malformed batch: it claims " + count + " records (capacity " + capacity + ") in "
            + in.available() + " bytes");
      }
      // The capacity only lets batches be reused; an absurd one must not make us allocate.
      RecordBatch batch = into.obtainBatch(capacity <= maxFrameSize / MIN_RECORD_BYTES ? Math.max(capacity, 1) : Math.max(count, 1));
      for (int i = 0; i < count; i++) {
        long timestamp = in.readLong();
        batch.add(serializer.deserialize(in), timestamp);
      }
      EventCodec.expectEnd(in, "batch");
      return batch;
    } catch (IOException | RuntimeException e) {
      throw new MalformedFrameException("malformed batch: " + e, e);
    }
  }
}
