package io.spate.runtime.rpc.remote;

import io.spate.runtime.rpc.ClusterSerialization;
import io.spate.runtime.rpc.ClusterObjectFilter;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.spate.runtime.rpc.RpcException;
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

/**
 * One connection from this process to another process's RPC server: a single bidirectional gRPC
 * stream, so that the calls it carries arrive in the order they were sent. Every call waits for
 * its reply (a fire-and-forget call for its delivery) at most the ask timeout, and at most
 * {@code maxPendingCalls} calls wait at once. When the stream ends, every waiting call fails with an
 * {@link RpcException} naming the address, and the connection is dropped so that the next call
 * opens a new one.
 */
final class OutboundConnection {

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

  // Guarded by this: the stream, the id counter, the waiting calls and the failure.
  private final StreamObserver<ClientFrame> requests;
  private final Map<Long, Pending> pending = new HashMap<>();
  private long nextId = 1;
  private RpcException failure;

  private record Pending(String call, CompletableFuture<Object> result, boolean fireAndForget,
      ScheduledFuture<?> timeout) {}

  OutboundConnection(String hostAndPort, ManagedChannel channel, ScheduledExecutorService timer, Duration askTimeout,
      int maxPendingCalls, long maxMessageSize, int protocolVersion, ClusterObjectFilter filter, ClassLoader loader,
      Consumer<OutboundConnection> onClosed) {
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
      requests.onNext(ClientFrame.newBuilder().setHello(RpcProtocol.hello(protocolVersion)).build());
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
      requests.onNext(frame);
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
    List<Pending> failed;
    RpcException cause;
    synchronized (this) {
      if (failure != null) {
        return;
      }
      failure = new RpcException(reason);
      cause = failure;
      failed = new ArrayList<>(pending.values());
      pending.clear();
      try {
        requests.onError(Status.CANCELLED.withDescription(reason).asRuntimeException());
      } catch (IllegalStateException e) {
        // The stream is over already.
      }
    }
    for (Pending call : failed) {
      call.timeout.cancel(false);
      call.result.completeExceptionally(new RpcException(call.call + " failed: " + reason, cause));
    }
    channel.shutdownNow();
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
        return;
      }
      if (frame.hasReply()) {
        answer(frame.getReply());
      }
    }

    @Override
    public void onError(Throwable t) {
      Status status = Status.fromThrowable(t);
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
