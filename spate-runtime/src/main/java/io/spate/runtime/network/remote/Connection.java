package io.spate.runtime.network.remote;

import io.spate.runtime.network.ChannelId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.runtime.network.remote.FrameEncoder.FrameTooLargeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection between two processes' data services, carrying many channels in both
 * directions. All its state lives on its event loop; other threads hand it work with {@link
 * #execute}. Bad input from the peer closes the connection and fails every channel on it.
 */
final class Connection extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
  // How long a connection closing with a reason waits for the peer to close its side.
  static final long CLOSE_LINGER_MILLIS = 1000;
  private static final int MAX_REASON_BYTES = 2000;

  private final RemoteShuffleService service;
  private final EventLoop loop;
  private final String peer;
  private final int maxFrameSize;
  private final Map<ChannelId, RemoteSender> senders = new HashMap<>();
  private final Map<ChannelId, RemoteReceiver> receivers = new HashMap<>();
  // Channels this side closed as their consumer whose producer has not confirmed the close yet: frames
  // the producer sent before it read the close may still arrive and are dropped. At most one per
  // channel the connection carried, and each leaves when the confirmation comes.
  private final Set<ChannelId> closing = new HashSet<>();
  private final DataOutputSerializer encoded = new DataOutputSerializer(4096);
  private final DataInputDeserializer decoding = new DataInputDeserializer();
  private byte[] copied = new byte[0];
  private ChannelHandlerContext ctx;
  private boolean ready;
  // Set once: why the connection closed (or is closing). No channel is added after.
  private String closeReason;

  Connection(RemoteShuffleService service, EventLoop loop, String peer, int maxFrameSize) {
    this.service = service;
    this.loop = loop;
    this.peer = peer;
    this.maxFrameSize = maxFrameSize;
  }

  /** Runs {@code task} on this connection's event loop; does nothing once the service shut down. */
  void execute(Runnable task) {
    try {
      loop.execute(task);
    } catch (RejectedExecutionException e) {
      // The event loops are gone: the service is closed and every channel already failed.
    }
  }

  EventLoop eventLoop() {
    return loop;
  }

  boolean isClosed() {
    return closeReason != null;
  }

  String peer() {
    return peer;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  /** The handshake succeeded: frames may flow. */
  void onHandshake() {
    if (closeReason != null) {
      return;
    }
    ready = true;
    for (RemoteReceiver receiver : receivers.values()) {
      receiver.subscribe();
    }
    ctx.flush();
  }

  // ---- channels joining and leaving (event loop) ----

  void addReceiver(RemoteReceiver receiver) {
    if (closeReason != null) {
      receiver.fail(closeReason);
      return;
    }
    receivers.put(receiver.id(), receiver);
    if (ready) {
      receiver.subscribe();
      ctx.flush();
    }
  }

  /**
   * The consumer is done with {@code receiver}: tells the producer to forget the channel, and drops
   * what the producer sent for it until the producer confirms.
   */
  void removeReceiver(RemoteReceiver receiver) {
    if (receivers.remove(receiver.id()) != null && ready && closeReason == null) {
      closing.add(receiver.id());
      ctx.writeAndFlush(FrameEncoder.encodeEmpty(ctx.alloc(), FrameType.CHANNEL_CLOSE, receiver.id()));
    }
  }

  /**
   * Binds {@code sender} to the subscription this connection received for it, unless the consumer
   * closed the channel in the meantime.
   */
  void bindSender(RemoteSender sender, int credit) {
    if (closeReason != null) {
      sender.fail(closeReason, false);
      return;
    }
    if (!senders.containsKey(sender.id()) || senders.get(sender.id()) != null) {
      sender.onConsumerClosed();
      return;
    }
    senders.put(sender.id(), sender);
    sender.bind(this, credit);
  }

  // ---- writing (event loop) ----

  /**
   * Starts a frame: the payload goes into the returned buffer, then {@link #finishFrame} sends it.
   * One frame at a time; the buffer is reused.
   */
  DataOutputSerializer startFrame() {
    encoded.clear();
    return encoded;
  }

  /**
   * Writes the frame whose payload was put into {@link #startFrame}'s buffer; flushed later. Returns
   * the payload's length in bytes.
   */
  int finishFrame(FrameType type, ChannelId channel) throws FrameTooLargeException {
    ctx.write(FrameEncoder.encode(
        ctx.alloc(), type, channel, encoded.getSharedBuffer(), 0, encoded.length(), maxFrameSize));
    return encoded.length();
  }

  void writeInt(FrameType type, ChannelId channel, int value) {
    ctx.write(FrameEncoder.encodeInt(ctx.alloc(), type, channel, value));
  }

  void writeChannelError(ChannelId channel, String reason) {
    byte[] message = truncatedUtf8(reason);
    try {
      ctx.writeAndFlush(FrameEncoder.encode(ctx.alloc(), FrameType.CHANNEL_ERROR, channel, message, 0,
          message.length, maxFrameSize));
    } catch (FrameTooLargeException e) {
      ctx.flush(); // with a frame size too small even for a short message, the peer learns of it on close
    }
  }

  void flush() {
    ctx.flush();
  }

  // ---- reading (event loop) ----

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof Frame frame)) {
      return; // never: the frame decoder sits before this handler
    }
    try {
      if (closeReason == null) {
        handle(frame);
      }
    } catch (MalformedFrameException e) {
      reject(e.getMessage());
    } finally {
      frame.payload().release();
    }
  }

  private void handle(Frame frame) throws MalformedFrameException {
    ChannelId id = frame.channel();
    ByteBuf payload = frame.payload();
    switch (frame.type()) {
      case SUBSCRIBE -> {
        int credit = readInt(payload, frame);
        if (credit < 1) {
          throw new MalformedFrameException("subscription to channel " + id + " with credit " + credit);
        }
        if (senders.containsKey(id)) {
          throw new MalformedFrameException("channel " + id + " subscribed twice");
        }
        // Known from now on, though its producer may not be deployed yet (the sender is then null).
        senders.put(id, null);
        service.onSubscribe(this, id, credit);
      }
      case ADD_CREDIT -> {
        int credit = readInt(payload, frame);
        RemoteSender sender = senders.get(id);
        if (sender == null) {
          throw new MalformedFrameException(
              (senders.containsKey(id) ? "credit before any element on channel " : "credit for unknown channel ") + id);
        }
        sender.addCredit(credit);
      }
      case BATCH, EVENT, PRIORITY_EVENT -> {
        RemoteReceiver receiver = receiverOf(id, frame);
        if (receiver != null) {
          deliver(receiver, frame.type(), payload);
        }
      }
      case CHANNEL_ERROR -> {
        String reason = reasonOf(payload);
        RemoteReceiver receiver = receivers.get(id);
        if (receiver != null) {
          receiver.fail("the producer failed it: " + reason, true);
        }
        RemoteSender sender = senders.get(id);
        if (sender != null) {
          sender.fail("the consumer failed it: " + reason, false);
        }
      }
      case CHANNEL_CLOSE -> {
        if (closing.remove(id)) {
          return; // the producer confirms our close: nothing more comes for the channel
        }
        if (!senders.containsKey(id)) {
          throw new MalformedFrameException("close of unknown channel " + id);
        }
        RemoteSender sender = senders.remove(id);
        if (sender != null) {
          sender.onConsumerClosed();
        } else {
          service.cancelPendingSubscription(this, id);
        }
        // Confirmed, so that the consumer knows when frames sent before this point stop arriving.
        ctx.writeAndFlush(FrameEncoder.encodeEmpty(ctx.alloc(), FrameType.CHANNEL_CLOSE, id));
      }
      case CONNECTION_CLOSE -> {
        String reason = "the peer closed the connection: " + reasonOf(payload);
        if (!senders.isEmpty() || !receivers.isEmpty()) {
          LOG.warn("Data connection {}: {}", peer, reason);
        }
        close(reason, false);
      }
      default -> throw new MalformedFrameException("unexpected frame type " + frame.type());
    }
  }

  private void deliver(RemoteReceiver receiver, FrameType type, ByteBuf payload) throws MalformedFrameException {
    receiver.channel().addNetworkBytes(payload.readableBytes());
    switch (type) {
      case BATCH -> receiver.onElement(receiver.codec().read(input(payload), receiver.channel()));
      case EVENT -> receiver.onElement(EventCodec.readEvent(input(payload)));
      default -> receiver.onPriorityEvent(EventCodec.readPriorityEvent(input(payload)));
    }
  }

  /** The receiver of the frame's channel, or null if this side closed the channel and the frame is late. */
  private RemoteReceiver receiverOf(ChannelId id, Frame frame) throws MalformedFrameException {
    RemoteReceiver receiver = receivers.get(id);
    if (receiver == null && !closing.contains(id)) {
      throw new MalformedFrameException(frame.type() + " frame for unknown channel " + id);
    }
    return receiver;
  }

  /** The reason a peer gave, cut short: it ends up in log lines and exception messages. */
  private static String reasonOf(ByteBuf payload) {
    int length = Math.min(payload.readableBytes(), MAX_REASON_BYTES);
    return payload.toString(payload.readerIndex(), length, StandardCharsets.UTF_8);
  }

  private static int readInt(ByteBuf payload, Frame frame) throws MalformedFrameException {
    if (payload.readableBytes() != 4) {
      throw new MalformedFrameException(
          frame.type() + " frame with " + payload.readableBytes() + " payload bytes instead of 4");
    }
    return payload.readInt();
  }

  /** The payload as a deserializer input, without copying if the buffer lives on the heap. */
  private DataInputDeserializer input(ByteBuf payload) {
    int length = payload.readableBytes();
    if (payload.hasArray()) {
      decoding.setBuffer(payload.array(), payload.arrayOffset() + payload.readerIndex(), length);
    } else {
      if (copied.length < length) {
        copied = new byte[Math.max(length, Math.min(maxFrameSize, 2 * copied.length))];
      }
      payload.getBytes(payload.readerIndex(), copied, 0, length);
      decoding.setBuffer(copied, 0, length);
    }
    return decoding;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof SslHandshakeCompletionEvent completion && !completion.isSuccess()) {
      tlsFailed(completion.cause());
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
    if (root instanceof SSLException) {
      tlsFailed(root);
    } else if (root instanceof MalformedFrameException || root instanceof DecoderException) {
      reject(root.getMessage());
    } else if (root instanceof IOException) {
      if (!senders.isEmpty() || !receivers.isEmpty()) {
        LOG.warn("Data connection {} lost: {}", peer, root.toString());
      }
      close("connection lost: " + root, false);
    } else {
      reject("unexpected " + root);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (closeReason == null) {
      closeReason = ready ? "the peer closed the connection" : "the peer closed the connection before the handshake"
          + " completed (a peer with security.ssl.internal.enabled closes plain-text connections, and so does one"
          + " with another certificate or TLS version)";
      if (!senders.isEmpty() || !receivers.isEmpty()) {
        LOG.warn("Data connection {}: {}", peer, closeReason);
      }
    }
    failChannels();
    service.onConnectionClosed(this);
  }

  /** The connection could not be established. */
  void connectFailed(Throwable cause) {
    if (closeReason == null) {
      closeReason = "cannot connect to " + peer + ": " + cause;
      LOG.warn("Data connection {}: {}", peer, closeReason);
    }
    failChannels();
    service.onConnectionClosed(this);
  }

  /** TLS failed (no trusted certificate, a plain-text peer, no common TLS version): closes with the cause. */
  private void tlsFailed(Throwable cause) {
    if (closeReason != null) {
      return;
    }
    String reason = TlsFailures.describe(cause);
    LOG.warn("Closing data connection {}: {}", peer, reason);
    close(reason, false);
  }

  /** Closes the connection because the peer broke the protocol; logs why and tells the peer. */
  void reject(String reason) {
    if (closeReason != null) {
      return;
    }
    LOG.warn("Closing data connection {}: {}", peer, reason);
    close(reason, true);
  }

  /** Closes the connection (telling the peer why if {@code tellPeer} and frames can flow). */
  void close(String reason, boolean tellPeer) {
    if (closeReason != null) {
      return;
    }
    closeReason = reason;
    // New channels to this peer must get a new connection, not this one while it lingers.
    service.forgetConnection(this);
    failChannels();
    if (ctx == null) {
      service.onConnectionClosed(this); // never registered: nothing to close
      return;
    }
    if (tellPeer && ready && ctx.channel() instanceof SocketChannel socket) {
      byte[] message = truncatedUtf8(reason);
      try {
        ctx.writeAndFlush(FrameEncoder.encode(ctx.alloc(), FrameType.CONNECTION_CLOSE, null, message, 0,
            message.length, maxFrameSize));
        // Half-close and read on until the peer closes too: closing with its bytes unread would
        // reset the connection, and a reset can destroy the reason before the peer reads it.
        socket.shutdownOutput();
        ctx.executor().schedule(() -> {
          ctx.close();
        }, CLOSE_LINGER_MILLIS, TimeUnit.MILLISECONDS);
        return;
      } catch (FrameTooLargeException e) {
        // the peer learns of it by the close alone
      }
    }
    ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
  }

  /** Completes when the connection's socket is closed (at once if it never had one). */
  io.netty.util.concurrent.Future<?> closeFuture() {
    return ctx == null ? loop.newSucceededFuture(null) : ctx.channel().closeFuture();
  }

  private void failChannels() {
    String reason = "data connection " + peer + " failed: " + closeReason;
    List<RemoteReceiver> failedReceivers = new ArrayList<>(receivers.values());
    List<RemoteSender> failedSenders = new ArrayList<>();
    for (RemoteSender sender : senders.values()) {
      if (sender != null) {
        failedSenders.add(sender);
      }
    }
    receivers.clear();
    senders.clear();
    closing.clear();
    for (RemoteReceiver receiver : failedReceivers) {
      receiver.fail(reason);
    }
    for (RemoteSender sender : failedSenders) {
      sender.fail(reason, false);
    }
  }

  private static byte[] truncatedUtf8(String text) {
    String shortened = text.length() > 1000 ? text.substring(0, 1000) + "..." : text;
    return shortened.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Connection(" + peer + ")";
  }
}
