package io.spate.runtime.network.remote;

import io.spate.runtime.network.ChannelId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Writes frames: a 4-byte length of what follows, the type tag, the channel id (unless the type is
 * connection-wide) and the payload.
 */
final class FrameEncoder {

  /** Bytes of a frame before its payload, not counting the length prefix. */
  static int headerSize(FrameType type) {
    return 1 + (type.hasChannel ? ChannelIdCodec.WIRE_SIZE : 0);
  }

  private FrameEncoder() {}

  /** A new buffer with the frame, or an exception if it would exceed {@code maxFrameSize}. */
  static ByteBuf encode(ByteBufAllocator alloc, FrameType type, ChannelId channel, byte[] payload, int offset,
      int length, int maxFrameSize) throws FrameTooLargeException {
    int frameSize = headerSize(type) + length;
    if (frameSize > maxFrameSize) {
      throw new FrameTooLargeException(frameSize, maxFrameSize);
    }
    ByteBuf out = alloc.buffer(4 + frameSize);
    out.writeInt(frameSize);
    out.writeByte(type.tag);
    if (type.hasChannel) {
      ChannelIdCodec.write(channel, out);
    }
    out.writeBytes(payload, offset, length);
    return out;
  }

  /** A frame whose payload is one int (subscribe, add-credit). */
  static ByteBuf encodeInt(ByteBufAllocator alloc, FrameType type, ChannelId channel, int value) {
    ByteBuf out = alloc.buffer(4 + headerSize(type) + 4);
    out.writeInt(headerSize(type) + 4);
    out.writeByte(type.tag);
    ChannelIdCodec.write(channel, out);
    out.writeInt(value);
    return out;
  }

  /** A frame without payload (channel close). */
  static ByteBuf encodeEmpty(ByteBufAllocator alloc, FrameType type, ChannelId channel) {
    ByteBuf out = alloc.buffer(4 + headerSize(type));
    out.writeInt(headerSize(type));
    out.writeByte(type.tag);
    ChannelIdCodec.write(channel, out);
    return out;
  }

  /** Thrown for a frame larger than the configured maximum. */
  static final class FrameTooLargeException extends Exception {

    private static final long serialVersionUID = 1L;

    FrameTooLargeException(int size, int max) {
      super("a frame of " + size + " bytes exceeds the maximum frame size of " + max + " bytes");
    }
  }
}
