package io.spate.runtime.network.remote;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.spate.api.configuration.SecurityOptions;
import io.spate.runtime.security.ClusterSecret;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The first bytes of a data connection, before any frame. Each side sends a hello (magic number and
 * protocol version), the connecting side first and the accepting side in answer (also when the
 * versions differ, so that both sides can say which versions met), followed by its authentication
 * offer: whether it authenticates with the cluster secret, and a fresh nonce. When both do, each then
 * sends its proof of the secret over both nonces ({@link ClusterSecret}), and the accepting side ends
 * with its verdict on the connecting side's proof, so that a refused process learns why. Once all
 * checks out, this handler replaces itself with the {@link FrameDecoder}.
 */
final class Handshake extends ByteToMessageDecoder {

  /** "SPDP": Spate data protocol. */
  static final int MAGIC = 0x53504450;
  /** The version of the handshake, frame layout and element encoding; bump it on any change. */
  static final int PROTOCOL_VERSION = 3;
  static final int HELLO_SIZE = 8;
  /** The authentication offer: a mode byte and a nonce. */
  static final int OFFER_SIZE = 1 + ClusterSecret.NONCE_SIZE;
  static final byte NO_AUTHENTICATION = 0;
  static final byte CLUSTER_SECRET = 1;
  static final byte ACCEPTED = 1;
  static final byte REFUSED = 0;
  static final String PLANE = "spate-data-v3";
  static final String CONNECTING = "connecting";
  static final String ACCEPTING = "accepting";
  /** The first byte of a TLS handshake record, the first bytes a TLS client sends. */
  private static final int TLS_HANDSHAKE_RECORD = 0x16;

  private enum Stage { HELLO, OFFER, PROOF, VERDICT, DONE }

  private final boolean connecting;
  private final Connection connection;
  private final int maxFrameSize;
  private final long timeoutMillis;
  private final ClusterSecret secret;
  private final byte[] ownNonce = ClusterSecret.nonce();
  private byte[] peerNonce;
  private Stage stage = Stage.HELLO;
  private ScheduledFuture<?> timeout;
  private boolean rejected;

  /** A handshake that authenticates with {@code secret}, or does not when it is null. */
  Handshake(boolean connecting, Connection connection, int maxFrameSize, long timeoutMillis, ClusterSecret secret) {
    this.connecting = connecting;
    this.connection = connection;
    this.maxFrameSize = maxFrameSize;
    this.timeoutMillis = timeoutMillis;
    this.secret = secret;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (connecting) {
      sendHelloAndOffer(ctx);
    }
    timeout = ctx.executor().schedule(
        () -> connection.reject("no handshake within " + timeoutMillis + " ms"), timeoutMillis, TimeUnit.MILLISECONDS);
    super.channelActive(ctx);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (!rejected && stage != Stage.DONE) {
      boolean progressed = switch (stage) {
        case HELLO -> in.readableBytes() >= HELLO_SIZE && hello(ctx, in);
        case OFFER -> in.readableBytes() >= OFFER_SIZE && offer(ctx, in);
        case PROOF -> in.readableBytes() >= ClusterSecret.PROOF_SIZE && proof(ctx, in);
        case VERDICT -> in.readableBytes() >= 1 && verdict(ctx, in);
        case DONE -> false;
      };
      if (!progressed) {
        break;
      }
    }
    if (rejected) {
      in.skipBytes(in.readableBytes());
    }
  }

  private boolean hello(ChannelHandlerContext ctx, ByteBuf in) {
    int magic = in.readInt();
    int version = in.readInt();
    if (magic != MAGIC) {
      reject(String.format("not a Spate data connection (magic number 0x%08x, expected 0x%08x)%s", magic,
          MAGIC, (magic >>> 24) == TLS_HANDSHAKE_RECORD
              ? "; the peer speaks TLS: set security.ssl.internal.enabled on this process as well" : ""));
      return false;
    }
    if (!connecting) {
      sendHelloAndOffer(ctx);
    }
    if (version != PROTOCOL_VERSION) {
      reject("peer speaks protocol version " + version + ", this process " + PROTOCOL_VERSION);
      return false;
    }
    stage = Stage.OFFER;
    return true;
  }

  private boolean offer(ChannelHandlerContext ctx, ByteBuf in) {
    byte mode = in.readByte();
    byte[] nonce = new byte[ClusterSecret.NONCE_SIZE];
    in.readBytes(nonce);
    String option = SecurityOptions.INTERNAL_SECRET_FILE.key();
    if (mode == CLUSTER_SECRET && secret == null) {
      reject("authentication failed: the peer authenticates with the cluster secret, and this process has none"
          + " (set " + option + " here as well)");
      return false;
    }
    if (mode != CLUSTER_SECRET && secret != null) {
      reject("authentication failed: the peer does not authenticate with the cluster secret (" + option
          + " is not set there), and this process requires it");
      return false;
    }
    if (secret == null) {
      done(ctx);
      return true;
    }
    peerNonce = nonce;
    ByteBuf proof = ctx.alloc().buffer(ClusterSecret.PROOF_SIZE);
    proof.writeBytes(secret.proof(PLANE, connecting ? CONNECTING : ACCEPTING, connectingNonce(), acceptingNonce()));
    ctx.writeAndFlush(proof);
    stage = Stage.PROOF;
    return true;
  }

  private boolean proof(ChannelHandlerContext ctx, ByteBuf in) {
    byte[] proof = new byte[ClusterSecret.PROOF_SIZE];
    in.readBytes(proof);
    boolean valid = secret.verify(proof, PLANE, connecting ? ACCEPTING : CONNECTING, connectingNonce(),
        acceptingNonce());
    if (!connecting) {
      ByteBuf verdict = ctx.alloc().buffer(1);
      verdict.writeByte(valid ? ACCEPTED : REFUSED);
      ctx.writeAndFlush(verdict);
    }
    if (!valid) {
      reject("authentication failed: the peer's proof of the cluster secret is wrong (its "
          + SecurityOptions.INTERNAL_SECRET_FILE.key() + " holds another secret)");
      return false;
    }
    if (connecting) {
      stage = Stage.VERDICT;
    } else {
      done(ctx);
    }
    return true;
  }

  private boolean verdict(ChannelHandlerContext ctx, ByteBuf in) {
    if (in.readByte() != ACCEPTED) {
      reject("authentication failed: the peer refused this process's proof of the cluster secret (its "
          + SecurityOptions.INTERNAL_SECRET_FILE.key() + " holds another secret)");
      return false;
    }
    done(ctx);
    return true;
  }

  private byte[] connectingNonce() {
    return connecting ? ownNonce : peerNonce;
  }

  private byte[] acceptingNonce() {
    return connecting ? peerNonce : ownNonce;
  }

  private void reject(String reason) {
    timeout.cancel(false);
    rejected = true;
    connection.reject(reason);
  }

  private void done(ChannelHandlerContext ctx) {
    timeout.cancel(false);
    stage = Stage.DONE;
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

  private void sendHelloAndOffer(ChannelHandlerContext ctx) {
    ByteBuf hello = ctx.alloc().buffer(HELLO_SIZE + OFFER_SIZE);
    hello.writeInt(MAGIC);
    hello.writeInt(PROTOCOL_VERSION);
    hello.writeByte(secret == null ? NO_AUTHENTICATION : CLUSTER_SECRET);
    hello.writeBytes(ownNonce);
    ctx.writeAndFlush(hello);
  }
}
