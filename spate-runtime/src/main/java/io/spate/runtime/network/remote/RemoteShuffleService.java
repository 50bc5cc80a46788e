package io.spate.runtime.network.remote;

import io.spate.runtime.network.ChannelId;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.spate.api.configuration.Configuration;
import io.spate.api.serialization.TypeSerializer;
import io.spate.runtime.network.LocalChannel;
import io.spate.runtime.security.ClusterSecret;
import io.spate.runtime.security.TlsSettings;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process's end of the network data plane: channels between tasks in different processes, on
 * Netty, with credit-based flow control. A producing task writes into the {@link LocalChannel}
 * {@link #outbound} returns and a consuming task reads the one {@link #inbound} returns, exactly as
 * if they were in one process. The consumer's process connects to the producer's and subscribes;
 * one connection per pair of processes carries all channels between them in that direction. With
 * {@code security.ssl.internal.enabled}, every connection is mutual TLS before anything else.
 */
public final class RemoteShuffleService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteShuffleService.class);

  private record PendingSubscription(Connection connection, int credit) {}

  private final RemoteShuffleOptions options;
  private final ChannelFailureListener failureListener;
  private final EventLoopGroup group;
  private final DataPlaneTls tls;
  private final ClusterSecret secret; // null: connections do not authenticate
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private final Map<InetSocketAddress, Connection> connectionsByProducer = new HashMap<>();
  private final Map<ChannelId, RemoteReceiver> receivers = new ConcurrentHashMap<>();
  // Guarded by "this": senders from deployment until done, subscriptions that came before their sender.
  private final Map<ChannelId, RemoteSender> senders = new HashMap<>();
  private final Map<ChannelId, PendingSubscription> pendingSubscriptions = new HashMap<>();
  private final Object lifecycle = new Object();
  private volatile Channel serverChannel;
  private volatile boolean closed;

  /** Creates a service with default limits that ignores channel failures beyond failing the inbound channels. */
  public RemoteShuffleService() {
    this(RemoteShuffleOptions.defaults(), (id, outbound, cause) -> {});
  }

  /** Creates a service with {@code options}, telling {@code failureListener} of every failed channel. */
  public RemoteShuffleService(RemoteShuffleOptions options, ChannelFailureListener failureListener) {
    this(options, failureListener, (DataPlaneTls) null, null);
  }

  /**
   * Creates a service with {@code options} whose connections use mutual TLS when {@code conf} turns
   * on {@code security.ssl.internal.enabled}, and authenticate with the cluster secret when it sets
   * {@code security.internal.secret-file}.
   *
   * @throws io.spate.api.configuration.IllegalConfigurationException if the keystore or truststore
   *     is missing, unreadable or locked with another password, or the secret file cannot be read;
   *     the message names the option and file
   */
  public RemoteShuffleService(RemoteShuffleOptions options, ChannelFailureListener failureListener,
      Configuration conf) {
    this(options, failureListener, TlsSettings.internal(conf)
        .map(settings -> DataPlaneTls.of(settings, options.handshakeTimeout().toMillis()))
        .orElse(null), ClusterSecret.from(conf).orElse(null));
  }

  private RemoteShuffleService(RemoteShuffleOptions options, ChannelFailureListener failureListener,
      DataPlaneTls tls, ClusterSecret secret) {
    this.options = options;
    this.failureListener = failureListener;
    this.tls = tls;
    this.secret = secret;
    this.group = new MultiThreadIoEventLoopGroup(
        options.ioThreads(), new DefaultThreadFactory("spate-data", true), NioIoHandler.newFactory());
  }

  /** Listens on {@code bindHost}:{@code port} (0 picks a free port) for connections from consumers. */
  public void start(String bindHost, int port) {
    // Not under the registry lock: event loops take that one, and binding waits for an event loop.
    synchronized (lifecycle) {
      startServer(bindHost, port);
    }
  }

  private void startServer(String bindHost, int port) {
    if (closed) {
      throw new IllegalStateException("the data service is closed");
    }
    if (serverChannel != null) {
      throw new IllegalStateException("the data service already listens on " + serverChannel.localAddress());
    }
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            if (connections.size() >= options.maxConnections()) {
              LOG.warn("Refusing data connection from {}: {} connections are open already", ch.remoteAddress(),
                  options.maxConnections());
              ch.close();
              return;
            }
            Connection connection = new Connection(
                RemoteShuffleService.this, ch.eventLoop(), "from " + ch.remoteAddress(), options.maxFrameSize());
            connections.add(connection);
            if (tls != null) {
              ch.pipeline().addLast("tls", tls.serverHandler(ch.alloc()));
            }
            ch.pipeline().addLast(handshake(false, connection), connection);
          }
        });
    ChannelFuture bound = bootstrap.bind(bindHost, port).syncUninterruptibly();
    serverChannel = bound.channel();
  }

  /** The address this service listens on; {@link #start} first. */
  public InetSocketAddress address() {
    Channel server = serverChannel;
    if (server == null) {
      throw new IllegalStateException("the data service is not started");
    }
    return (InetSocketAddress) server.localAddress();
  }

  /**
   * The channel a producing subtask writes the elements of channel {@code id} into, holding up to
   * {@code capacity} elements not yet sent; they go to the consumer at {@code consumerAddress} once
   * it subscribes, records serialized with {@code serializer}.
   */
  public LocalChannel outbound(ChannelId id, InetSocketAddress consumerAddress, TypeSerializer<?> serializer,
      int capacity) {
    checkOpen();
    LocalChannel channel = new LocalChannel("remote " + id + " to " + consumerAddress, capacity);
    RemoteSender sender = new RemoteSender(id, channel, new BatchCodec(serializer, options.maxFrameSize()), this);
    PendingSubscription pending;
    synchronized (this) {
      if (senders.containsKey(id)) {
        throw new IllegalArgumentException("channel " + id + " already has a producer in this process");
      }
      senders.put(id, sender);
      pending = pendingSubscriptions.remove(id);
      if (pending != null) {
        sender.claimSubscription();
      }
    }
    if (pending != null) {
      pending.connection.execute(() -> pending.connection.bindSender(sender, pending.credit));
    }
    return channel;
  }

  /**
   * The channel a consuming subtask reads the elements of channel {@code id} from, produced in the
   * process at {@code producerAddress}; the producer may send up to {@code capacity} elements ahead
   * of the consumer. Records are deserialized with {@code serializer}.
   */
  public LocalChannel inbound(ChannelId id, InetSocketAddress producerAddress, TypeSerializer<?> serializer,
      int capacity) {
    checkOpen();
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    // One slot more than the credit: room for the failure marker whatever has arrived.
    LocalChannel channel = new LocalChannel("remote " + id + " from " + producerAddress, capacity + 1);
    Connection connection = connectionTo(producerAddress);
    RemoteReceiver receiver = new RemoteReceiver(
        id, channel, capacity, new BatchCodec(serializer, options.maxFrameSize()), connection, this);
    if (receivers.putIfAbsent(id, receiver) != null) {
      throw new IllegalArgumentException("channel " + id + " already has a consumer in this process");
    }
    connection.execute(() -> connection.addReceiver(receiver));
    return channel;
  }

  /**
   * Stops the consumer side of channel {@code id} (its task is gone) and tells the producer to stop
   * sending; does nothing for a channel that ended or failed.
   */
  public void releaseInbound(ChannelId id) {
    RemoteReceiver receiver = receivers.get(id);
    if (receiver != null) {
      receiver.releaseLater();
    }
  }

  /**
   * The producing task of channel {@code id} ended without finishing it (cancelled or failed): the
   * consumer's side fails and what was not sent is dropped; does nothing for a channel that is done.
   */
  public void abandonOutbound(ChannelId id) {
    RemoteSender sender;
    synchronized (this) {
      sender = senders.get(id);
    }
    if (sender != null) {
      sender.abandon();
    }
  }

  /** The counters of a live channel of this process (the producer's side if it has both), or null. */
  public ChannelCounters counters(ChannelId id) {
    synchronized (this) {
      RemoteSender sender = senders.get(id);
      if (sender != null) {
        return sender.counters();
      }
    }
    RemoteReceiver receiver = receivers.get(id);
    return receiver == null ? null : receiver.counters();
  }

  /** Credit the consumer of inbound channel {@code id} took but has not returned yet (returned in bunches); 0 if gone. */
  int creditHeldBack(ChannelId id) {
    RemoteReceiver receiver = receivers.get(id);
    return receiver == null ? 0 : receiver.creditHeldBack();
  }

  /** Whether connections of this service use mutual TLS. */
  public boolean usesTls() {
    return tls != null;
  }

  /** The number of open connections, in both directions. */
  public int numberOfConnections() {
    return connections.size();
  }

  /** Closes every connection, failing the channels on them, and stops the event loops. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    String reason = "the data service of " + describeSelf() + " shut down";
    Channel server = serverChannel;
    if (server != null) {
      server.close().awaitUninterruptibly();
    }
    // Closed one by one before the event loops stop: a stopping loop closes its channels without a word.
    List<Future<?>> closing = new ArrayList<>();
    for (Connection connection : connections) {
      try {
        closing.add(connection.eventLoop().submit(
            () -> connection.close(reason, true)));
      } catch (RejectedExecutionException e) {
        // its loop is already stopping
      }
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2 * Connection.CLOSE_LINGER_MILLIS);
    for (Future<?> future : closing) {
      future.awaitUninterruptibly(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
    for (Connection connection : connections) {
      connection.closeFuture().awaitUninterruptibly(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
    group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
  }

  // ---- called by connections, senders and receivers on event loops ----

  void onSubscribe(Connection connection, ChannelId id, int credit) throws MalformedFrameException {
    RemoteSender sender;
    synchronized (this) {
      sender = senders.get(id);
      if (sender == null) {
        if (pendingSubscriptions.containsKey(id)) {
          throw new MalformedFrameException("channel " + id + " subscribed twice");
        }
        if (pendingSubscriptions.size() >= options.maxPendingSubscriptions()) {
          throw new MalformedFrameException("more than " + options.maxPendingSubscriptions()
              + " subscriptions wait for producers not deployed here; refusing " + id);
        }
        pendingSubscriptions.put(id, new PendingSubscription(connection, credit));
        return;
      }
      if (!sender.claimSubscription()) {
        throw new MalformedFrameException("channel " + id + " subscribed twice");
      }
    }
    connection.bindSender(sender, credit);
  }

  synchronized void cancelPendingSubscription(Connection connection, ChannelId id) {
    PendingSubscription pending = pendingSubscriptions.get(id);
    if (pending != null && pending.connection == connection) {
      pendingSubscriptions.remove(id);
    }
  }

  /** A closing connection no longer takes new channels; it is dropped fully once its socket closes. */
  synchronized void forgetConnection(Connection connection) {
    connectionsByProducer.values().remove(connection);
  }

  void onConnectionClosed(Connection connection) {
    connections.remove(connection);
    synchronized (this) {
      pendingSubscriptions.values().removeIf(p -> p.connection == connection);
      connectionsByProducer.values().remove(connection);
    }
  }

  synchronized void senderDone(RemoteSender sender) {
    senders.remove(sender.id(), sender);
  }

  void senderFailed(RemoteSender sender, String cause) {
    senderDone(sender);
    notifyFailure(sender.id(), true, cause);
  }

  void receiverDone(RemoteReceiver receiver) {
    receivers.remove(receiver.id(), receiver);
  }

  void receiverFailed(RemoteReceiver receiver, String cause) {
    receiverDone(receiver);
    notifyFailure(receiver.id(), false, cause);
  }

  private void notifyFailure(ChannelId id, boolean outbound, String cause) {
    try {
      failureListener.onChannelFailed(id, outbound, cause);
    } catch (RuntimeException e) {
      LOG.error("The channel failure listener failed for channel {}", id, e);
    }
  }

  // ---- internals ----

  private Handshake handshake(boolean connecting, Connection connection) {
    return new Handshake(connecting, connection, options.maxFrameSize(), options.handshakeTimeout().toMillis(),
        secret);
  }

  private Connection connectionTo(InetSocketAddress producer) {
    synchronized (this) {
      Connection existing = connectionsByProducer.get(producer);
      if (existing != null) {
        return existing;
      }
      if (connections.size() >= options.maxConnections()) {
        throw new IllegalStateException(
            "cannot connect to " + producer + ": " + options.maxConnections() + " data connections are open already");
      }
      EventLoop loop = group.next();
      Connection connection = new Connection(this, loop, "to " + producer, options.maxFrameSize());
      connectionsByProducer.put(producer, connection);
      connections.add(connection);
      new Bootstrap()
          .group(loop)
          .channel(NioSocketChannel.class)
          .option(ChannelOption.TCP_NODELAY, true)
          .handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              if (tls != null) {
                ch.pipeline().addLast("tls", tls.clientHandler(ch.alloc(), producer));
              }
              ch.pipeline().addLast(handshake(true, connection), connection);
            }
          })
          .connect(producer)
          .addListener(future -> {
            if (!future.isSuccess()) {
              connection.connectFailed(future.cause());
            }
          });
      return connection;
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the data service is closed");
    }
  }

  private String describeSelf() {
    Channel server = serverChannel;
    return server == null ? "a process" : String.valueOf(server.localAddress());
  }
}
