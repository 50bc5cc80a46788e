package io.spate.runtime.network.remote;

import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.StringSerializer;
import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.checkpoint.barrier.CheckpointOptions;
import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.runtime.network.PriorityBarrier;
import io.spate.runtime.network.StreamElements;
import io.spate.runtime.network.StreamElements.WatermarkElement;
import io.spate.api.operators.WatermarkStatus;
import java.io.IOException;

/**
 * The wire form of the control elements that travel between record batches (watermark, watermark
 * status, aligned barrier, end of partition) and of the priority lane's unaligned barriers.
 */
final class EventCodec {

  private static final byte WATERMARK = 1;
  private static final byte STATUS = 2;
  private static final byte BARRIER = 3;
  private static final byte END_OF_PARTITION = 4;
  private static final byte END_OF_DATA = 5;
  private static final byte PRIORITY_BARRIER = 1;
  private static final CheckpointType[] CHECKPOINT_TYPES = CheckpointType.values();

  private EventCodec() {}

  /** Whether {@code element} is a control element this codec writes. */
  static boolean isEvent(Object element) {
    return element instanceof WatermarkElement || element instanceof WatermarkStatus
        || element instanceof CheckpointBarrier || element == StreamElements.END_OF_PARTITION
        || element == StreamElements.END_OF_DATA;
  }

  static void writeEvent(Object element, DataOutputSerializer out) throws IOException {
    if (element instanceof WatermarkElement watermark) {
      out.writeByte(WATERMARK);
      out.writeLong(watermark.timestamp());
    } else if (element instanceof WatermarkStatus status) {
      out.writeByte(STATUS);
      out.writeBoolean(status == WatermarkStatus.IDLE);
    } else if (element instanceof CheckpointBarrier barrier) {
      out.writeByte(BARRIER);
      writeBarrier(barrier, out);
    } else if (element == StreamElements.END_OF_PARTITION) {
      out.writeByte(END_OF_PARTITION);
    } else if (element == StreamElements.END_OF_DATA) {
      out.writeByte(END_OF_DATA);
    } else {
      throw new IOException("cannot send a stream element of type " + typeOf(element));
    }
  }

  static Object readEvent(DataInputDeserializer in) throws MalformedFrameException {
    try {
      byte kind = in.readByte();
      Object event = switch (kind) {
        case WATERMARK -> new WatermarkElement(in.readLong());
        case STATUS -> readBoolean(in) ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE;
        case BARRIER -> readBarrier(in);
        case END_OF_PARTITION -> StreamElements.END_OF_PARTITION;
        case END_OF_DATA -> StreamElements.END_OF_DATA;
        default -> throw new MalformedFrameException("unknown event kind " + kind);
      };
      expectEnd(in, "event");
      return event;
    } catch (IOException e) {
      throw new MalformedFrameException("malformed event: " + e.getMessage(), e);
    }
  }

  static void writePriorityEvent(Object event, DataOutputSerializer out) throws IOException {
    if (!(event instanceof PriorityBarrier priority)) {
      throw new IOException("cannot send a priority event of type " + typeOf(event));
    }
    out.writeByte(PRIORITY_BARRIER);
    writeBarrier(priority.barrier(), out);
    out.writeLong(priority.position());
  }

  static PriorityBarrier readPriorityEvent(DataInputDeserializer in) throws MalformedFrameException {
    try {
      byte kind = in.readByte();
      if (kind != PRIORITY_BARRIER) {
        throw new MalformedFrameException("unknown priority event kind " + kind);
      }
      CheckpointBarrier barrier = readBarrier(in);
      long position = in.readLong();
      if (position < 0) {
        throw new MalformedFrameException("negative position " + position + " of a priority barrier");
      }
      expectEnd(in, "priority event");
      return new PriorityBarrier(barrier, position);
    } catch (IOException e) {
      throw new MalformedFrameException("malformed priority event: " + e.getMessage(), e);
    }
  }

  private static void writeBarrier(CheckpointBarrier barrier, DataOutputSerializer out) throws IOException {
    out.writeLong(barrier.checkpointId());
    out.writeLong(barrier.timestamp());
    CheckpointOptions options = barrier.options();
    out.writeByte(options.type().ordinal());
    out.writeBoolean(options.exactlyOnce());
    out.writeBoolean(options.unaligned());
    out.writeLong(options.alignedTimeoutMillis());
    out.writeBoolean(options.targetDirectory() != null);
    if (options.targetDirectory() != null) {
      StringSerializer.writeString(options.targetDirectory(), out);
    }
  }

  private static CheckpointBarrier readBarrier(DataInputDeserializer in) throws IOException, MalformedFrameException {
    long id = in.readLong();
    long timestamp = in.readLong();
    int type = in.readUnsignedByte();
    if (type >= CHECKPOINT_TYPES.length) {
      throw new MalformedFrameException("unknown checkpoint type " + type);
    }
    boolean exactlyOnce = readBoolean(in);
    boolean unaligned = readBoolean(in);
    long alignedTimeout = in.readLong();
    String directory = readBoolean(in) ? StringSerializer.readString(in) : null;
    return new CheckpointBarrier(
        id, timestamp, new CheckpointOptions(CHECKPOINT_TYPES[type], exactlyOnce, unaligned, alignedTimeout, directory));
  }

  private static boolean readBoolean(DataInputDeserializer in) throws IOException, MalformedFrameException {
    int b = in.readUnsignedByte();
    if (b > 1) {
      throw new MalformedFrameException("a boolean of value " + b);
    }
    return b == 1;
  }

  static void expectEnd(DataInputDeserializer in, String what) throws MalformedFrameException {
    if (in.available() != 0) {
      throw new MalformedFrameException(in.available() + " bytes left over after a " + what);
    }
  }

  static String typeOf(Object element) {
    return element == null ? "null" : element.getClass().getName();
  }
}
