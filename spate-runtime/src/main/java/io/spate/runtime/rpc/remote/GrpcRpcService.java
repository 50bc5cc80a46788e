package io.spate.runtime.rpc.remote;

import io.spate.runtime.rpc.ClusterObjectFilter;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerStreamTracer;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.stub.StreamObserver;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.runtime.BindPorts;
import io.spate.runtime.rpc.LocalRpcService;
import io.spate.runtime.rpc.RpcEndpoint;
import io.spate.runtime.rpc.RpcException;
import io.spate.runtime.rpc.RpcGateway;
import io.spate.runtime.rpc.RpcService;
import io.spate.runtime.rpc.remote.proto.Call;
import io.spate.runtime.rpc.remote.proto.ClientFrame;
import io.spate.runtime.rpc.remote.proto.ServerFrame;
import io.spate.runtime.rpc.remote.proto.SpateRpcGrpc;
import io.spate.runtime.security.ClusterSecret;
import io.spate.runtime.security.TlsSettings;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The networked {@link RpcService}: hosts this process's endpoints exactly as
 * {@link LocalRpcService} does (a plain name connects in-process) and serves them to other processes
 * on a gRPC server. An endpoint in another process is addressed {@code host:port/name} (see
 * {@link RemoteAddress}); {@link #remoteAddress(RpcEndpoint)} gives the address under which other
 * processes reach an endpoint of this one.
 *
 * <p>All calls to one process travel on one bidirectional stream, so they run on the target
 * endpoint's main thread in the order they were made. Values cross as Java-serialized bytes read
 * only through {@link ClusterObjectFilter}; with {@code security.ssl.internal.enabled} both the
 * server and the connections use mutual TLS, and with {@code security.internal.secret-file} both sides
 * of every connection prove that they know the cluster secret before any call.
 */
public final class GrpcRpcService implements RpcService {

  private static final Logger LOG = LoggerFactory.getLogger(GrpcRpcService.class);
  private static final int MAX_CONNECTIONS = 1024;
  private static final int RPC_THREADS = 2;
  private static final int MAX_STREAMS_PER_CONNECTION = 4;
  private static final Context.Key<String> PEER = Context.key("spate-rpc-peer");

  private final LocalRpcService local = new LocalRpcService();
  private final Map<String, OutboundConnection> connections = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor rpcThreads;
  private final ScheduledThreadPoolExecutor timer;
  private final Server server;
  private final String advertisedHost;
  private final InetSocketAddress boundAddress;
  private final Duration askTimeout;
  private final long maxMessageSize;
  private final int maxPendingCalls;
  private final int protocolVersion;
  private final ClusterObjectFilter filter;
  private final ClassLoader loader = GrpcRpcService.class.getClassLoader();
  private final Optional<RpcTls> tls;
  private final ClusterSecret secret; // null: connections do not authenticate
  private volatile boolean closed;

  private GrpcRpcService(Configuration conf, int protocolVersion) throws IOException {
    this.protocolVersion = protocolVersion;
    this.askTimeout = conf.get(RpcOptions.ASK_TIMEOUT);
    this.maxMessageSize = conf.get(RpcOptions.MAX_MESSAGE_SIZE).bytes();
    this.maxPendingCalls = conf.get(RpcOptions.MAX_PENDING_CALLS);
    if (askTimeout.isNegative() || askTimeout.isZero()) {
      throw new IllegalConfigurationException(RpcOptions.ASK_TIMEOUT.key() + " must be positive: " + askTimeout);
    }
    if (maxMessageSize < 1024 || maxMessageSize > Integer.MAX_VALUE) {
      throw new IllegalConfigurationException(RpcOptions.MAX_MESSAGE_SIZE.key() + " must be between 1 kb and 2 gb: "
          + conf.get(RpcOptions.MAX_MESSAGE_SIZE));
    }
    if (maxPendingCalls < 1) {
      throw new IllegalConfigurationException(RpcOptions.MAX_PENDING_CALLS.key() + " must be positive: "
          + maxPendingCalls);
    }
    this.filter = ClusterObjectFilter.ofMaxBytes(maxMessageSize);
    this.tls = TlsSettings.internal(conf).map(RpcTls::of);
    this.secret = ClusterSecret.from(conf).orElse(null);
    // gRPC hands each stream's work to this pool one task at a time, so the queue holds at most one
    // task per open stream.
    this.rpcThreads = new ThreadPoolExecutor(RPC_THREADS, RPC_THREADS, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(4 * MAX_CONNECTIONS), daemon("spate-rpc"));
    this.timer = new ScheduledThreadPoolExecutor(1, daemon("spate-rpc-timeouts"));
    timer.setRemoveOnCancelPolicy(true);
    String bindHost = conf.get(RpcOptions.BIND_HOST);
    try {
      this.server = bind(bindHost, conf.get(RpcOptions.PORT));
    } catch (IOException | RuntimeException e) {
      rpcThreads.shutdownNow();
      timer.shutdownNow();
      throw e;
    }
    this.boundAddress = listenAddress(server);
    this.advertisedHost = conf.getOptional(RpcOptions.ADDRESS).orElseGet(() -> advertised(bindHost));
    LOG.info("RPC server listening on {}:{} ({}, {}), reachable as {}", bindHost, boundAddress.getPort(),
        tls.isPresent() ? "mutual TLS" : "plain text",
        secret != null ? "authenticating with the cluster secret" : "without the cluster secret", hostAndPort());
  }

  /**
   * Starts the service and its server on {@code rpc.bind-host} and the first free port of
   * {@code rpc.port}.
   *
   * @throws IllegalConfigurationException if an option is malformed
   * @throws IOException if none of the ports can be bound
   */
  public static GrpcRpcService start(Configuration conf) throws IOException {
    return new GrpcRpcService(conf, RpcProtocol.VERSION);
  }

  /** Like {@link #start(Configuration)}, speaking {@code protocolVersion}: for tests of a mismatch. */
  static GrpcRpcService start(Configuration conf, int protocolVersion) throws IOException {
    return new GrpcRpcService(conf, protocolVersion);
  }

  private Server bind(String host, String portSpec) throws IOException {
    List<Integer> ports = BindPorts.parse(RpcOptions.PORT.key(), portSpec);
    IOException last = null;
    for (int port : ports) {
      NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
          .withOption(ChannelOption.SO_REUSEADDR, true)
          .executor(rpcThreads)
          .maxInboundMessageSize((int) maxMessageSize)
          // A Spate peer opens one stream per connection; a few more only while reconnecting.
          .maxConcurrentCallsPerConnection(MAX_STREAMS_PER_CONNECTION)
          .addStreamTracerFactory(new RejectionLog())
          .addService(ServerInterceptors.intercept(new Service(), new PeerInterceptor()));
      tls.ifPresent(t -> builder.sslContext(t.server()));
      try {
        return builder.build().start();
      } catch (IOException e) {
        LOG.debug("RPC port {} on {} is taken: {}", port, host, e.getMessage());
        last = e;
      }
    }
    throw new IOException("The RPC server could not listen on " + host + ": every port of " + RpcOptions.PORT.key()
        + " ('" + portSpec + "') is taken or not allowed", last);
  }

  private static String advertised(String bindHost) {
    try {
      InetAddress address = InetAddress.getByName(bindHost);
      return address.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostName() : bindHost;
    } catch (UnknownHostException e) {
      return bindHost;
    }
  }

  /** The socket address the server is bound to (with the actual port when {@code rpc.port} is 0). */
  public InetSocketAddress boundAddress() {
    return boundAddress;
  }

  private static InetSocketAddress listenAddress(Server server) {
    for (SocketAddress address : server.getListenSockets()) {
      if (address instanceof InetSocketAddress inet) {
        return inet;
      }
    }
    throw new IllegalStateException("The RPC server has no listening socket");
  }

  /** {@code host:port} under which other processes reach this one. */
  public String hostAndPort() {
    return new RemoteAddress(advertisedHost, boundAddress.getPort(), "x").hostAndPort();
  }

  /** The address ({@code host:port/name}) under which other processes reach {@code endpoint}. */
  public String remoteAddress(RpcEndpoint endpoint) {
    return remoteAddress(endpoint.getAddress());
  }

  /** The address ({@code host:port/name}) under which other processes reach the endpoint named {@code name}. */
  public String remoteAddress(String name) {
    return new RemoteAddress(advertisedHost, boundAddress.getPort(), name).toString();
  }

  @Override
  public String externalAddress(RpcEndpoint endpoint) {
    return remoteAddress(endpoint);
  }

  @Override
  public void register(RpcEndpoint endpoint) {
    local.register(endpoint);
  }

  @Override
  public void unregister(RpcEndpoint endpoint) {
    local.unregister(endpoint);
  }

  /**
   * A gateway to the endpoint at {@code address}: a plain name is an endpoint of this process, and
   * {@code host:port/name} one of the process at {@code host:port}. The future fails with an
   * {@link RpcException} naming the address when there is no such endpoint, it is not a
   * {@code gatewayType}, or the process cannot be reached within the ask timeout.
   */
  @Override
  public <G extends RpcGateway> CompletableFuture<G> connect(String address, Class<G> gatewayType) {
    if (!RemoteAddress.isRemote(address)) {
      return local.connect(address, gatewayType);
    }
    RemoteAddress remote;
    try {
      remote = RemoteAddress.parse(address);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new RpcException(e.getMessage()));
    }
    if (remote.hostAndPort().equals(hostAndPort())) {
      return local.connect(remote.name(), gatewayType); // an endpoint of this process
    }
    OutboundConnection connection;
    try {
      connection = connection(remote);
    } catch (RpcException e) {
      return CompletableFuture.failedFuture(e);
    }
    return connection.lookup(remote.name(), gatewayType.getName()).thenApply(ignored -> gatewayType.cast(
        Proxy.newProxyInstance(gatewayType.getClassLoader(), new Class<?>[] {gatewayType},
            new RemoteInvoker(this, remote, gatewayType))));
  }

  /** Sends {@code call} to the process of {@code address}; used by the remote gateway proxies. */
  CompletableFuture<Object> send(RemoteAddress address, String description, Call.Builder call) {
    try {
      return connection(address).call(description, call);
    } catch (RpcException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private OutboundConnection connection(RemoteAddress address) {
    if (closed) {
      throw new RpcException("The RPC service is closed; cannot reach " + address);
    }
    String key = address.hostAndPort();
    OutboundConnection existing = connections.get(key);
    if (existing != null && !existing.isFailed()) {
      return existing;
    }
    if (existing == null && connections.size() >= MAX_CONNECTIONS) {
      throw new RpcException("Cannot connect to " + address + ": this process already has " + MAX_CONNECTIONS
          + " RPC connections open");
    }
    return connections.compute(key, (k, current) ->
        current != null && !current.isFailed() ? current : open(address));
  }

  private OutboundConnection open(RemoteAddress address) {
    NettyChannelBuilder builder = NettyChannelBuilder.forAddress(address.host(), address.port())
        .executor(rpcThreads)
        .maxInboundMessageSize((int) maxMessageSize)
        .disableRetry();
    if (tls.isPresent()) {
      builder.sslContext(tls.get().client());
    } else {
      builder.usePlaintext();
    }
    ManagedChannel channel = builder.build();
    return new OutboundConnection(address.hostAndPort(), channel, timer, askTimeout, maxPendingCalls,
        maxMessageSize, protocolVersion, filter, loader, secret, this::forget);
  }

  private void forget(OutboundConnection connection) {
    connections.remove(connection.hostAndPort(), connection);
  }

  @Override
  public void schedule(Runnable action, long delayMillis) {
    local.schedule(action, delayMillis);
  }

  /** Stops the server and every connection; waiting calls fail with an {@link RpcException}. */
  @Override
  public void close() {
    closed = true;
    server.shutdownNow();
    for (OutboundConnection connection : connections.values()) {
      connection.fail("The RPC service of this process was closed");
    }
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    local.close();
    timer.shutdownNow();
    rpcThreads.shutdown();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** The gRPC service: one {@link InboundConnection} per stream. */
  private final class Service extends SpateRpcGrpc.SpateRpcImplBase {
    @Override
    public StreamObserver<ClientFrame> connect(StreamObserver<ServerFrame> responses) {
      String peer = Optional.ofNullable(PEER.get()).orElse("an unknown peer");
      InboundInvoker invoker = new InboundInvoker(local, loader, filter, hostAndPort());
      return new InboundConnection(responses, invoker, peer, protocolVersion, maxMessageSize, secret);
    }
  }

  /** Makes the caller's socket address known to the stream's handler, for log messages. */
  private static final class PeerInterceptor implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
        ServerCallHandler<Q, R> next) {
      SocketAddress peer = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
      return Contexts.interceptCall(Context.current().withValue(PEER, String.valueOf(peer)), call, headers, next);
    }
  }

  /** Logs why gRPC itself refused a stream (an oversized or unparsable message), which no handler sees. */
  private static final class RejectionLog extends ServerStreamTracer.Factory {
    @Override
    public ServerStreamTracer newServerStreamTracer(String fullMethodName, Metadata headers) {
      return new ServerStreamTracer() {
        private volatile String peer = "an unknown peer";

        @Override
        public void serverCallStarted(ServerCallInfo<?, ?> info) {
          peer = String.valueOf(info.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
        }

        @Override
        public void streamClosed(Status status) {
          Status.Code code = status.getCode();
          if (code == Status.Code.RESOURCE_EXHAUSTED || code == Status.Code.INTERNAL
              || code == Status.Code.INVALID_ARGUMENT) {
            LOG.warn("Refused a message from {} and closed its RPC connection: {} {}", peer, code,
                status.getDescription());
          }
        }
      };
    }
  }
}
