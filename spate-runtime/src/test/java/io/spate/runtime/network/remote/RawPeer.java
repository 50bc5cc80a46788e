package io.spate.runtime.network.remote;

import io.spate.runtime.network.ChannelId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A hand-driven peer on a plain socket, for feeding a data service good and bad bytes. */
final class RawPeer implements AutoCloseable {

  /** A frame as read off the socket. */
  record RawFrame(int tag, ChannelId channel, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;

  private RawPeer(Socket socket) throws IOException {
    this.socket = socket;
    socket.setSoTimeout((int) (Channels.TIMEOUT_SECONDS * 1000));
    this.in = new DataInputStream(socket.getInputStream());
    this.out = new DataOutputStream(socket.getOutputStream());
  }

  static RawPeer connect(InetSocketAddress address) throws IOException {
    return new RawPeer(new Socket(address.getAddress(), address.getPort()));
  }

  static RawPeer accept(ServerSocket server) throws IOException {
    server.setSoTimeout((int) (Channels.TIMEOUT_SECONDS * 1000));
    return new RawPeer(server.accept());
  }

  void hello(int magic, int version) throws IOException {
    out.writeInt(magic);
    out.writeInt(version);
    out.flush();
  }

  /** A good hello, with an offer that does not authenticate. */
  void hello() throws IOException {
    out.writeInt(Handshake.MAGIC);
    out.writeInt(Handshake.PROTOCOL_VERSION);
    offer(Handshake.NO_AUTHENTICATION);
  }

  /** An authentication offer of {@code mode} with a zero nonce. */
  void offer(byte mode) throws IOException {
    out.writeByte(mode);
    out.write(new byte[Handshake.OFFER_SIZE - 1]);
    out.flush();
  }

  /** The peer's magic number and version; with the current version, also reads its offer. */
  int[] readHello() throws IOException {
    int[] hello = {in.readInt(), in.readInt()};
    if (hello[0] == Handshake.MAGIC && hello[1] == Handshake.PROTOCOL_VERSION) {
      readOffer();
    }
    return hello;
  }

  /** The mode byte of the peer's authentication offer (its nonce is skipped). */
  byte readOffer() throws IOException {
    byte mode = in.readByte();
    in.readFully(new byte[Handshake.OFFER_SIZE - 1]);
    return mode;
  }

  /** The next {@code count} bytes from the peer. */
  byte[] readBytes(int count) throws IOException {
    byte[] bytes = new byte[count];
    in.readFully(bytes);
    return bytes;
  }

  /** Whether the peer closed the connection, reading and dropping at most {@code limit} bytes before the end. */
  boolean closedWithin(int limit) throws IOException {
    for (int i = 0; i <= limit; i++) {
      try {
        if (in.read() < 0) {
          return true;
        }
      } catch (java.net.SocketException e) {
        return true; // reset
      }
    }
    return false;
  }

  void send(FrameType type, ChannelId channel, byte[] payload) throws Exception {
    sendRaw(frameBytes(type, channel, payload));
  }

  /** The bytes of one frame, for sending several in one write. */
  static byte[] frameBytes(FrameType type, ChannelId channel, byte[] payload) throws Exception {
    ByteBuf frame = FrameEncoder.encode(
        ByteBufAllocator.DEFAULT, type, channel, payload, 0, payload.length, Integer.MAX_VALUE - 8);
    try {
      byte[] bytes = new byte[frame.readableBytes()];
      frame.readBytes(bytes);
      return bytes;
    } finally {
      frame.release();
    }
  }

  void sendInt(FrameType type, ChannelId channel, int value) throws Exception {
    send(type, channel, new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
  }

  void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** The next frame, or null at the end of the stream. */
  RawFrame readFrame() throws Exception {
    int length;
    byte[] frame;
    try {
      length = in.readInt();
      frame = new byte[length];
      in.readFully(frame);
    } catch (EOFException | java.net.SocketException e) {
      return null; // closed, or reset because the service closed while our bytes were unread
    }
    ByteBuf buf = Unpooled.wrappedBuffer(frame);
    int tag = buf.readByte();
    FrameType type = FrameType.of((byte) tag);
    ChannelId channel = type != null && type.hasChannel ? ChannelIdCodec.read(buf) : null;
    byte[] payload = new byte[buf.readableBytes()];
    buf.readBytes(payload);
    return new RawFrame(tag, channel, payload);
  }

  /** Reads until the service closes the connection; the reason it gave, or null if it gave none. */
  String readUntilClosed() throws Exception {
    String reason = null;
    RawFrame frame;
    while ((frame = readFrame()) != null) {
      if (frame.tag() == FrameType.CONNECTION_CLOSE.tag) {
        reason = frame.text();
      }
    }
    return reason;
  }

  /** Whether the service closed the connection (end of stream) without sending anything more. */
  boolean closedByService() throws IOException {
    try {
      return in.read() < 0;
    } catch (java.net.SocketException e) {
      return true; // reset: closed with bytes of ours unread
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
