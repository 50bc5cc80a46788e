package io.spate.runtime.tasks;

import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.runtime.graph.StreamEdge;
import io.spate.runtime.network.RecordBatch;
import io.spate.runtime.state.snapshot.CheckpointStateOutputStream;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import io.spate.runtime.state.snapshot.InputChannelStateHandle;
import io.spate.runtime.state.snapshot.StreamStateHandle;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Serializes the records that were in flight on a task's input channels during an unaligned
 * checkpoint, and reads them back on restore. One piece per operator input holds a record count and
 * then (timestamp, value) pairs, each value in the serializer of its edge's record type.
 */
final class ChannelStateCodec {

  /** The serialized records of part of one batch. */
  record Chunk(byte[] bytes, int count) {}

  /** The in-flight records of one operator input, to be written. */
  record InputRecords(int inputIndex, List<Chunk> chunks, long count) {}

  /** Receives replayed records. */
  interface RecordConsumer {
    /** One record of input {@code inputIndex}. */
    void accept(int inputIndex, Object value, long timestamp) throws Exception;
  }

  private final TypeSerializer<Object>[] serializers;
  private final String[] problems;
  private final String[] edgeNames;
  private final DataOutputSerializer buffer = new DataOutputSerializer(256);

  /** A codec whose channel {@code c} carries records of {@code serializers[c]}. */
  ChannelStateCodec(TypeSerializer<Object>[] serializers) {
    this.serializers = serializers;
    this.problems = new String[serializers.length];
    this.edgeNames = new String[serializers.length];
    java.util.Arrays.fill(edgeNames, "(test)");
  }

  /** A codec for channels of {@code channelEdges}, using the serializers of their record types. */
  @SuppressWarnings("unchecked")
  ChannelStateCodec(List<StreamEdge> channelEdges) {
    this(new TypeSerializer[channelEdges.size()]);
    for (int c = 0; c < channelEdges.size(); c++) {
      StreamEdge edge = channelEdges.get(c);
      edgeNames[c] = edge.toString();
      TypeInformation<?> type = null;
      try {
        type = edge.recordType();
        serializers[c] = (TypeSerializer<Object>) type.createSerializer();
      } catch (RuntimeException e) {
        problems[c] = "the records of edge " + edgeNames[c] + (type == null ? "" : " of type " + type)
            + " have no serializer, so they cannot be stored as in-flight data of an unaligned checkpoint: " + e;
      }
    }
  }

  /** Why the records of {@code channel} cannot be stored, or null if they can. */
  String problem(int channel) {
    return problems[channel];
  }

  /** Serializes the records of {@code batch} from {@code from} on, read from {@code channel}. */
  Chunk serialize(int channel, RecordBatch batch, int from) throws IOException {
    TypeSerializer<Object> serializer = serializers[channel];
    buffer.clear();
    for (int i = from; i < batch.size(); i++) {
      buffer.writeLong(batch.timestamp(i));
      serializer.serialize(batch.value(i), buffer);
    }
    return new Chunk(buffer.getCopyOfBuffer(), batch.size() - from);
  }

  /** The edge of {@code channel}, for messages. */
  String edgeName(int channel) {
    return edgeNames[channel];
  }

  /** Writes the records of one input into a new stream of {@code streams}. */
  static InputChannelStateHandle write(InputRecords records, CheckpointStreamFactory streams) throws IOException {
    CheckpointStateOutputStream out = streams.createCheckpointStateOutputStream("channel-state-" + records.inputIndex());
    try {
      DataOutputSerializer header = new DataOutputSerializer(8);
      header.writeLong(records.count());
      out.write(header.getCopyOfBuffer());
      for (Chunk chunk : records.chunks()) {
        out.write(chunk.bytes());
      }
      StreamStateHandle handle = out.closeAndGetHandle();
      return new InputChannelStateHandle(records.inputIndex(), handle, records.count());
    } catch (IOException | RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /**
   * Reads back the records of {@code handle} with {@code serializer} and hands them to
   * {@code consumer} in the order they were written; {@code where} names the state in errors.
   */
  static void replay(InputChannelStateHandle handle, TypeSerializer<Object> serializer, RecordConsumer consumer,
      String where) throws Exception {
    byte[] bytes;
    try (InputStream in = handle.records().openInputStream()) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new IOException("Cannot read the in-flight records of " + where + ": " + e.getMessage(), e);
    }
    DataInputDeserializer view = new DataInputDeserializer(bytes);
    long count;
    long read = 0;
    try {
      count = view.readLong();
      if (count != handle.count()) {
        throw new IOException("it holds " + count + " records but its handle says " + handle.count());
      }
      for (; read < count; read++) {
        long timestamp = view.readLong();
        Object value = serializer.deserialize(view);
        consumer.accept(handle.inputIndex(), value, timestamp);
      }
      if (view.available() > 0) {
        throw new IOException(view.available() + " bytes follow the last record");
      }
    } catch (IOException | RuntimeException e) {
      throw new IOException("The in-flight records of " + where + " (" + bytes.length + " bytes) are corrupt at record "
          + read + ": " + e.getMessage(), e);
    }
  }

  /** The serializer for operator input {@code inputIndex}: that of its first channel. */
  TypeSerializer<Object> serializerOfInput(int inputIndex, int[] inputIndexOfChannel) {
    for (int c = 0; c < inputIndexOfChannel.length; c++) {
      if (inputIndexOfChannel[c] == inputIndex) {
        if (problems[c] != null) {
          throw new IllegalStateException(problems[c]);
        }
        return serializers[c];
      }
    }
    throw new IllegalStateException("The restored in-flight records belong to input " + inputIndex
        + ", which this task does not have");
  }

  /** Groups the recorded chunks of each channel by operator input, channel by channel. */
  static List<InputRecords> byInput(List<List<Object>> recorded, int[] inputIndexOfChannel) {
    List<InputRecords> result = new ArrayList<>();
    for (int input = 0; input < 2; input++) {
      List<Chunk> chunks = new ArrayList<>();
      long count = 0;
      for (int c = 0; c < recorded.size(); c++) {
        if (inputIndexOfChannel[c] != input) {
          continue;
        }
        for (Object payload : recorded.get(c)) {
          Chunk chunk = (Chunk) payload;
          chunks.add(chunk);
          count += chunk.count();
        }
      }
      if (count > 0) {
        result.add(new InputRecords(input, chunks, count));
      }
    }
    return result;
  }
}
