package io.spate.runtime.network.remote;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The first bytes of a data connection, before any frame: a magic number and the protocol version,
 * sent by the connecting side and answered by the accepting side (also when the versions differ, so
 * that both sides can say which versions met). Once the peer's hello checks out, this handler
 * replaces itself with the {@link FrameDecoder}.
 */
final class Handshake extends ByteToMessageDecoder {

  /** "SPDP": Spate data protocol. */
  static final int MAGIC = 0x53504450;
  /** The version of the frame layout and element encoding; bump it on any change. */
  static final int PROTOCOL_VERSION = 2;
  static final int HELLO_SIZE = 8;
  /** The first byte of a TLS handshake record, the first bytes a TLS client sends. */
  private static final int TLS_HANDSHAKE_RECORD = 0x16;

  private final boolean connecting;
  private final Connection connection;
  private final int maxFrameSize;
  private final long timeoutMillis;
  private ScheduledFuture<?> timeout;
  private boolean rejected;

  Handshake(boolean connecting, Connection connection, int maxFrameSize, long timeoutMillis) {
    this.connecting = connecting;
    this.connection = connection;
    this.maxFrameSize = maxFrameSize;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (connecting) {
      sendHello(ctx);
    }
    timeout = ctx.executor().schedule(
        () -> connection.reject("no handshake within " + timeoutMillis + " ms"), timeoutMillis, TimeUnit.MILLISECONDS);
    super.channelActive(ctx);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (rejected) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (in.readableBytes() < HELLO_SIZE) {
      return;
    }
    int magic = in.readInt();
    int version = in.readInt();
    timeout.cancel(false);
    if (magic != MAGIC) {
      in.skipBytes(in.readableBytes());
      rejected = true;
      connection.reject(String.format("not a Spate data connection (magic number 0x%08x, expected 0x%08x)%s", magic,
          MAGIC, (magic >>> 24) == TLS_HANDSHAKE_RECORD
              ? "; the peer speaks TLS: set security.ssl.internal.enabled on this process as well" : ""));
      return;
    }
    if (!connecting) {
      sendHello(ctx);
    }
    if (version != PROTOCOL_VERSION) {
      in.skipBytes(in.readableBytes());
      rejected = true;
      connection.reject("peer speaks protocol version " + version + ", this process " + PROTOCOL_VERSION);
      return;
    }
    ctx.pipeline().replace(this, "frames", new FrameDecoder(maxFrameSize));
    connection.onHandshake();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (timeout != null) {
      timeout.cancel(false);
    }
    super.channelInactive(ctx);
  }

  private static void sendHello(ChannelHandlerContext ctx) {
    ByteBuf hello = ctx.alloc().buffer(HELLO_SIZE);
    hello.writeInt(MAGIC);
    hello.writeInt(PROTOCOL_VERSION);
    ctx.writeAndFlush(hello);
  }
}
