package io.spate.runtime.rpc.remote;

import io.spate.runtime.rpc.ClusterSerialization;
import io.spate.runtime.rpc.ClusterObjectFilter;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.spate.runtime.rpc.RpcException;
import com.google.protobuf.ByteString;
import io.spate.api.configuration.SecurityOptions;
import io.spate.runtime.rpc.RpcAuthenticationException;
import io.spate.runtime.rpc.remote.proto.Authenticate;
import io.spate.runtime.security.ClusterSecret;
import io.spate.runtime.rpc.remote.proto.Call;
import io.spate.runtime.rpc.remote.proto.ClientFrame;
import io.spate.runtime.rpc.remote.proto.Hello;
import io.spate.runtime.rpc.remote.proto.Lookup;
import io.spate.runtime.rpc.remote.proto.Reply;
import io.spate.runtime.rpc.remote.proto.ServerFrame;
import io.spate.runtime.rpc.remote.proto.SpateRpcGrpc;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection from this process to another process's RPC server: a single bidirectional gRPC
 * stream, so that the calls it carries arrive in the order they were sent. Every call waits for
 * its reply (a fire-and-forget call for its delivery) at most the ask timeout, and at most
 * {@code maxPendingCalls} calls wait at once. When the stream ends, every waiting call fails with an
 * {@link RpcException} naming the address, and the connection is dropped so that the next call
 * opens a new one.
 */
final class OutboundConnection {

  private static final Logger LOG = LoggerFactory.getLogger(OutboundConnection.class);

  private final String hostAndPort;
  private final ManagedChannel channel;
  private final ScheduledExecutorService timer;
  private final Duration askTimeout;
  private final int maxPendingCalls;
  private final long maxMessageSize;
  private final int protocolVersion;
  private final ClusterObjectFilter filter;
  private final ClassLoader loader;
  private final Consumer<OutboundConnection> onClosed;
  private final ClusterSecret secret; // null: this process does not authenticate
  private final byte[] ownNonce;

  // Guarded by this: the stream, the id counter, the waiting calls, the frames held until the server
  // proved that it knows the cluster secret, and the failure.
  private final StreamObserver<ClientFrame> requests;
  private List<ClientFrame> held;
  private final Map<Long, Pending> pending = new HashMap<>();
  private long nextId = 1;
  private RpcException failure;

  private record Pending(String call, CompletableFuture<Object> result, boolean fireAndForget,
      ScheduledFuture<?> timeout) {}

  OutboundConnection(String hostAndPort, ManagedChannel channel, ScheduledExecutorService timer, Duration askTimeout,
      int maxPendingCalls, long maxMessageSize, int protocolVersion, ClusterObjectFilter filter, ClassLoader loader,
      ClusterSecret secret, Consumer<OutboundConnection> onClosed) {
    this.secret = secret;
    this.ownNonce = secret == null ? null : ClusterSecret.nonce();
    this.hostAndPort = hostAndPort;
    this.channel = channel;
    this.timer = timer;
    this.askTimeout = askTimeout;
    this.maxPendingCalls = maxPendingCalls;
    this.maxMessageSize = maxMessageSize;
    this.protocolVersion = protocolVersion;
    this.filter = filter;
    this.loader = loader;
    this.onClosed = onClosed;
    synchronized (this) {
      this.requests = SpateRpcGrpc.newStub(channel).connect(new Responses());
      Hello.Builder hello = RpcProtocol.hello(protocolVersion).toBuilder();
      if (secret != null) {
        hello.setNonce(ByteString.copyFrom(ownNonce));
        held = new ArrayList<>(); // each held frame is a waiting call, so at most maxPendingCalls
      }
      requests.onNext(ClientFrame.newBuilder().setHello(hello).build());
    }
  }

  /** The {@code host:port} this connection goes to. */
  String hostAndPort() {
    return hostAndPort;
  }

  /** Asks whether endpoint {@code name} exists there and implements {@code gatewayType}. */
  CompletableFuture<Object> lookup(String name, String gatewayType) {
    String call = "connect to " + hostAndPort + "/" + name;
    return send(call, false, id -> ClientFrame.newBuilder().setLookup(
        Lookup.newBuilder().setCorrelationId(id).setEndpoint(name).setGateway(gatewayType)).build());
  }

  /**
   * Sends {@code call} (without its correlation id, which this assigns) and completes with its
   * result, or with null once a fire-and-forget call is delivered.
   */
  CompletableFuture<Object> call(String description, Call.Builder call) {
    return send(description, !call.getExpectsReply(),
        id -> ClientFrame.newBuilder().setCall(call.setCorrelationId(id)).build());
  }

  private CompletableFuture<Object> send(String call, boolean fireAndForget,
      java.util.function.LongFunction<ClientFrame> frameWithId) {
    CompletableFuture<Object> result = new CompletableFuture<>();
    synchronized (this) {
      if (failure != null) {
        result.completeExceptionally(new RpcException(call + " failed: " + failure.getMessage(), failure));
        return result;
      }
      if (pending.size() >= maxPendingCalls) {
        result.completeExceptionally(new RpcException(call + " failed: " + pending.size()
            + " calls to " + hostAndPort + " already await their answer (rpc.max-pending-calls)"));
        return result;
      }
      long id = nextId++;
      ClientFrame frame = frameWithId.apply(id);
      int size = frame.getSerializedSize();
      if (size > maxMessageSize) {
        result.completeExceptionally(new RpcException(call + " failed: the call is " + size
            + " bytes, more than rpc.max-message-size (" + maxMessageSize + " bytes)"));
        return result;
      }
      ScheduledFuture<?> timeout = timer.schedule(() -> timeOut(id), askTimeout.toMillis(), TimeUnit.MILLISECONDS);
      pending.put(id, new Pending(call, result, fireAndForget, timeout));
      if (held != null) {
        held.add(frame);
      } else {
        requests.onNext(frame);
      }
    }
    return result;
  }

  private void timeOut(long id) {
    Pending call;
    synchronized (this) {
      call = pending.remove(id);
    }
    if (call != null) {
      call.result.completeExceptionally(new RpcException(call.call + " got no answer within "
          + askTimeout.toMillis() + " ms (rpc.ask-timeout)"));
    }
  }

  private void answer(Reply reply) {
    Pending call;
    synchronized (this) {
      call = pending.remove(reply.getCorrelationId());
    }
    if (call == null) {
      return; // timed out already
    }
    call.timeout.cancel(false);
    if (reply.hasError()) {
      call.result.completeExceptionally(RemoteFailures.reproduce(reply.getError(), call.call, loader, filter));
    } else if (call.fireAndForget || reply.getResult().isEmpty()) {
      call.result.complete(null);
    } else {
      try {
        call.result.complete(ClusterSerialization.deserialize(reply.getResult().toByteArray(), loader, filter));
      } catch (IOException | ClassNotFoundException e) {
        call.result.completeExceptionally(new RpcException("The result of " + call.call + " was refused: "
            + e.getMessage()));
      }
    }
  }

  /** Fails every waiting call and every later one with {@code reason}; closes the stream. */
  void fail(String reason) {
    fail(new RpcException(reason));
  }

  private void fail(RpcException cause) {
    fail(cause, false);
  }

  /**
   * Fails the connection with {@code cause}; {@code letSentFramesArrive} half-closes the stream instead
   * of cancelling it, so that what was sent still reaches the server, and ends it after the ask timeout.
   */
  private void fail(RpcException cause, boolean letSentFramesArrive) {
    String reason = cause.getMessage();
    if (cause instanceof RpcAuthenticationException && !isFailed()) {
      LOG.warn("Closing the RPC connection to {}: {}", hostAndPort, reason);
    }
    List<Pending> failed;
    synchronized (this) {
      if (failure != null) {
        return;
      }
      failure = cause;
      held = null;
      failed = new ArrayList<>(pending.values());
      pending.clear();
      try {
        if (letSentFramesArrive) {
          requests.onCompleted();
        } else {
          requests.onError(Status.CANCELLED.withDescription(reason).asRuntimeException());
        }
      } catch (IllegalStateException e) {
        // The stream is over already.
      }
    }
    for (Pending call : failed) {
      call.timeout.cancel(false);
      call.result.completeExceptionally(new RpcException(call.call + " failed: " + reason, cause));
    }
    if (letSentFramesArrive) {
      channel.shutdown();
      timer.schedule(channel::shutdownNow, askTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } else {
      channel.shutdownNow();
    }
    onClosed.accept(this);
  }

  /** Whether the connection has failed and no longer carries calls. */
  synchronized boolean isFailed() {
    return failure != null;
  }

  /** Receives the server's frames; gRPC delivers them one at a time, in order. */
  private final class Responses implements StreamObserver<ServerFrame> {
    private boolean greeted;

    @Override
    public void onNext(ServerFrame frame) {
      if (!greeted) {
        if (!frame.hasHello()) {
          fail("The process at " + hostAndPort + " did not say hello; is it a Spate RPC server?");
          return;
        }
        Hello hello = frame.getHello();
        if (hello.getProtocolVersion() != protocolVersion) {
          fail(RpcProtocol.mismatch(hostAndPort, hello, protocolVersion));
          return;
        }
        greeted = true;
        if (secret != null) {
          authenticate(hello);
        }
        return;
      }
      if (frame.hasReply()) {
        answer(frame.getReply());
      }
    }

    /** Checks the server's proof of the cluster secret, sends this process's and releases the held calls. */
    private void authenticate(Hello hello) {
      String option = SecurityOptions.INTERNAL_SECRET_FILE.key();
      if (hello.getNonce().size() != ClusterSecret.NONCE_SIZE) {
        fail(new RpcAuthenticationException("Authentication failed with the process at " + hostAndPort + ": it does"
            + " not authenticate with the cluster secret (" + option + " is not set there), and this process"
            + " requires it"));
        return;
      }
      byte[] serverNonce = hello.getNonce().toByteArray();
      ClientFrame proof = ClientFrame.newBuilder().setAuthenticate(Authenticate.newBuilder().setProof(
          ByteString.copyFrom(secret.proof(RpcProtocol.PLANE, RpcProtocol.CONNECTING, ownNonce, serverNonce)))).build();
      if (!secret.verify(hello.getProof().toByteArray(), RpcProtocol.PLANE, RpcProtocol.ACCEPTING, ownNonce,
          serverNonce)) {
        // The proof still goes out, so that a server with another secret logs the refusal too; bound to
        // this connection's nonces, it is worth nothing elsewhere.
        synchronized (OutboundConnection.this) {
          if (failure == null) {
            requests.onNext(proof);
          }
        }
        fail(new RpcAuthenticationException("Authentication failed with the process at " + hostAndPort + ": its"
            + " proof of the cluster secret is wrong (its " + option + " holds another secret than this process's)"),
            true);
        return;
      }
      synchronized (OutboundConnection.this) {
        if (failure != null) {
          return;
        }
        requests.onNext(proof);
        for (ClientFrame frame : held) {
          requests.onNext(frame);
        }
        held = null;
      }
    }

    @Override
    public void onError(Throwable t) {
      Status status = Status.fromThrowable(t);
      if (status.getCode() == Status.Code.UNAUTHENTICATED) {
        fail(new RpcAuthenticationException("The process at " + hostAndPort + " refused this process: "
            + status.getDescription()));
        return;
      }
      // A server resets the stream without a reason when gRPC itself refuses a message; say the likely one.
      String hint = status.getCode() == Status.Code.CANCELLED
          ? "; the process may have refused a message larger than its rpc.max-message-size (see its log)" : "";
      fail("The connection to the process at " + hostAndPort + " failed: " + status.getCode()
          + (status.getDescription() == null ? "" : " (" + status.getDescription() + ")")
          + (status.getCause() == null ? "" : ": " + status.getCause()) + hint);
    }

    @Override
    public void onCompleted() {
      fail("The process at " + hostAndPort + " closed the connection");
    }
  }
}
