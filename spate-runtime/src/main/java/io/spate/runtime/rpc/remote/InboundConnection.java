package io.spate.runtime.rpc.remote;

import io.spate.runtime.rpc.ClusterSerialization;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.spate.runtime.rpc.RpcException;
import io.spate.runtime.rpc.remote.proto.Call;
import io.spate.runtime.rpc.remote.proto.ClientFrame;
import io.spate.runtime.rpc.remote.proto.Hello;
import io.spate.runtime.rpc.remote.proto.RemoteError;
import io.spate.runtime.rpc.remote.proto.Reply;
import io.spate.runtime.rpc.remote.proto.ServerFrame;
import io.spate.runtime.rpc.remote.proto.Lookup;
import io.spate.api.configuration.SecurityOptions;
import io.spate.runtime.security.ClusterSecret;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of one connection from another process: checks its hello (and, with the cluster
 * secret, the caller's proof of it, before any call), then hands each call
 * to the {@link InboundInvoker} in arrival order and sends back the replies. A call that cannot be
 * delivered gets an error reply and a logged reason; the connection and the server stay up.
 */
final class InboundConnection implements StreamObserver<ClientFrame> {

  private static final Logger LOG = LoggerFactory.getLogger(InboundConnection.class);

  private final StreamObserver<ServerFrame> out;
  private final InboundInvoker invoker;
  private final String peer;
  private final int protocolVersion;
  private final long maxMessageSize;
  private final ClusterSecret secret; // null: callers do not authenticate
  private boolean greeted;
  // With the cluster secret: the nonces of this connection while its caller's proof is awaited.
  private byte[] callerNonce;
  private byte[] ownNonce;
  private volatile boolean closed;

  InboundConnection(StreamObserver<ServerFrame> out, InboundInvoker invoker, String peer, int protocolVersion,
      long maxMessageSize, ClusterSecret secret) {
    this.secret = secret;
    this.out = out;
    this.invoker = invoker;
    this.peer = peer;
    this.protocolVersion = protocolVersion;
    this.maxMessageSize = maxMessageSize;
  }

  @Override
  public void onNext(ClientFrame frame) {
    if (closed) {
      return;
    }
    if (!greeted) {
      greet(frame);
      return;
    }
    if (ownNonce != null) {
      authenticate(frame);
      return;
    }
    switch (frame.getFrameCase()) {
      case CALL -> call(frame.getCall());
      case LOOKUP -> lookup(frame.getLookup());
      default -> {
        LOG.warn("Closing the RPC connection from {}: it sent a {} frame after its hello", peer,
            frame.getFrameCase());
        close(Status.INVALID_ARGUMENT.withDescription("Unexpected " + frame.getFrameCase() + " frame"));
      }
    }
  }

  private void greet(ClientFrame frame) {
    if (!frame.hasHello()) {
      LOG.warn("Closing the RPC connection from {}: its first frame is a {}, not a hello", peer,
          frame.getFrameCase());
      close(Status.FAILED_PRECONDITION.withDescription("The first frame must be a hello"));
      return;
    }
    Hello hello = frame.getHello();
    if (secret != null && hello.getProtocolVersion() == protocolVersion
        && hello.getNonce().size() != ClusterSecret.NONCE_SIZE) {
      refuse("it did not authenticate: " + SecurityOptions.INTERNAL_SECRET_FILE.key() + " is not set there",
          "the cluster secret (" + SecurityOptions.INTERNAL_SECRET_FILE.key()
              + ") is required, and the caller has none");
      return;
    }
    Hello.Builder answer = RpcProtocol.hello(protocolVersion).toBuilder();
    if (secret != null && hello.getProtocolVersion() == protocolVersion) {
      callerNonce = hello.getNonce().toByteArray();
      ownNonce = ClusterSecret.nonce();
      answer.setNonce(ByteString.copyFrom(ownNonce)).setProof(ByteString.copyFrom(
          secret.proof(RpcProtocol.PLANE, RpcProtocol.ACCEPTING, callerNonce, ownNonce)));
    }
    send(ServerFrame.newBuilder().setHello(answer).build());
    if (hello.getProtocolVersion() != protocolVersion) {
      LOG.warn("Refused the RPC connection from {}: it speaks Spate RPC protocol {}, this process {} (Spate {} there,"
          + " {} here)", peer, hello.getProtocolVersion(), protocolVersion, hello.getSpateVersion(),
          io.spate.runtime.SpateVersion.get());
      closed = true;
      synchronized (out) {
        out.onCompleted();
      }
      return;
    }
    greeted = true;
  }

  /** The caller's second frame, when this process has the cluster secret: its proof. */
  private void authenticate(ClientFrame frame) {
    if (!frame.hasAuthenticate()) {
      refuse("it sent a " + frame.getFrameCase() + " frame instead of its proof of the cluster secret",
          "the caller did not prove that it knows the cluster secret");
      return;
    }
    if (!secret.verify(frame.getAuthenticate().getProof().toByteArray(), RpcProtocol.PLANE, RpcProtocol.CONNECTING,
        callerNonce, ownNonce)) {
      refuse("its proof of the cluster secret is wrong (its " + SecurityOptions.INTERNAL_SECRET_FILE.key()
          + " holds another secret)", "the caller's proof of the cluster secret is wrong (its "
          + SecurityOptions.INTERNAL_SECRET_FILE.key() + " holds another secret)");
      return;
    }
    ownNonce = null;
    callerNonce = null;
  }

  /** Refuses the connection: logs {@code logReason} and tells the caller {@code callerReason}. */
  private void refuse(String logReason, String callerReason) {
    LOG.warn("Refused the RPC connection from {}: authentication failed: {}", peer, logReason);
    close(Status.UNAUTHENTICATED.withDescription("authentication failed: " + callerReason));
  }

  private void lookup(Lookup lookup) {
    Reply.Builder reply = Reply.newBuilder().setCorrelationId(lookup.getCorrelationId());
    try {
      invoker.gateway(lookup.getEndpoint(), lookup.getGateway());
      reply.setResult(ByteString.EMPTY);
    } catch (RpcException e) {
      LOG.debug("Lookup from {} failed: {}", peer, e.getMessage());
      reply.setError(RemoteFailures.rpcFailure(e.getMessage()));
    }
    send(ServerFrame.newBuilder().setReply(reply).build());
  }

  private void call(Call call) {
    long id = call.getCorrelationId();
    try {
      invoker.invoke(call).whenComplete((result, failure) -> {
        if (failure != null) {
          replyError(id, RemoteFailures.methodFailure(failure, maxMessageSize));
        } else if (!call.getExpectsReply()) {
          replyResult(id, ByteString.EMPTY);
        } else {
          replyResult(id, call, result);
        }
      });
    } catch (RpcException e) {
      LOG.warn("Refused a call from {}: {}", peer, e.getMessage());
      replyError(id, RemoteFailures.rpcFailure(e.getMessage()));
    } catch (RuntimeException | LinkageError e) {
      LOG.error("A call from {} to {} failed before it reached the endpoint", peer, invoker.describe(call), e);
      replyError(id, RemoteFailures.rpcFailure(invoker.describe(call) + " could not be delivered: " + e));
    }
  }

  private void replyResult(long id, Call call, Object result) {
    byte[] bytes;
    try {
      bytes = ClusterSerialization.serialize(result);
    } catch (IOException | RuntimeException e) {
      LOG.error("The result of {} from {} cannot be serialized", invoker.describe(call), peer, e);
      replyError(id, RemoteFailures.rpcFailure("The result of " + invoker.describe(call)
          + " cannot be serialized: " + e));
      return;
    }
    if (bytes.length > maxMessageSize) {
      LOG.error("The result of {} for {} is {} bytes, more than rpc.max-message-size ({})", invoker.describe(call),
          peer, bytes.length, maxMessageSize);
      replyError(id, RemoteFailures.rpcFailure("The result of " + invoker.describe(call) + " is " + bytes.length
          + " bytes, more than rpc.max-message-size (" + maxMessageSize + " bytes)"));
      return;
    }
    replyResult(id, ByteString.copyFrom(bytes));
  }

  private void replyResult(long id, ByteString bytes) {
    send(ServerFrame.newBuilder().setReply(Reply.newBuilder().setCorrelationId(id).setResult(bytes)).build());
  }

  private void replyError(long id, RemoteError error) {
    send(ServerFrame.newBuilder().setReply(Reply.newBuilder().setCorrelationId(id).setError(error)).build());
  }

  // Replies come from the endpoints' main threads as well as the transport's: one at a time.
  private void send(ServerFrame frame) {
    synchronized (out) {
      if (closed && frame.hasReply()) {
        return;
      }
      try {
        out.onNext(frame);
      } catch (IllegalStateException | io.grpc.StatusRuntimeException e) {
        LOG.debug("Could not answer {}: the connection is closed", peer);
      }
    }
  }

  private void close(Status status) {
    synchronized (out) {
      closed = true;
      try {
        out.onError(status.asRuntimeException());
      } catch (IllegalStateException e) {
        LOG.debug("The connection from {} was closed already", peer);
      }
    }
  }

  @Override
  public void onError(Throwable t) {
    synchronized (out) {
      closed = true;
    }
    LOG.debug("The RPC connection from {} ended: {}", peer, Status.fromThrowable(t));
  }

  @Override
  public void onCompleted() {
    synchronized (out) {
      if (!closed) {
        closed = true;
        out.onCompleted();
      }
    }
  }
}
