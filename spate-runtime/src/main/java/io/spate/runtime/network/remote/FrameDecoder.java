package io.spate.runtime.network.remote;

import io.spate.runtime.network.ChannelId;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * Cuts the byte stream into {@link Frame}s, rejecting a frame whose length exceeds the maximum as
 * soon as its prefix arrives (before buffering it), an unknown type tag and a malformed channel id.
 */
final class FrameDecoder extends LengthFieldBasedFrameDecoder {

  private final int maxFrameSize;

  FrameDecoder(int maxFrameSize) {
    // The limit counts the 4-byte prefix too, which the prefix's value does not.
    super(maxFrameSize + 4, 0, 4, 0, 4, true);
    this.maxFrameSize = maxFrameSize;
  }

  @Override
  protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
    if (in.readableBytes() >= 4) {
      long length = in.getUnsignedInt(in.readerIndex());
      if (length > maxFrameSize) {
        throw new MalformedFrameException(
            "a frame of " + length + " bytes exceeds the maximum frame size of " + maxFrameSize + " bytes");
      }
      if (length == 0) {
        throw new MalformedFrameException("an empty frame (no type tag)");
      }
    }
    ByteBuf frame = (ByteBuf) super.decode(ctx, in);
    if (frame == null) {
      return null;
    }
    try {
      byte tag = frame.readByte();
      FrameType type = FrameType.of(tag);
      if (type == null) {
        throw new MalformedFrameException(String.format("unknown frame type 0x%02x", tag & 0xFF));
      }
      ChannelId channel = type.hasChannel ? ChannelIdCodec.read(frame) : null;
      return new Frame(type, channel, frame);
    } catch (MalformedFrameException | RuntimeException e) {
      frame.release();
      throw e;
    }
  }
}
