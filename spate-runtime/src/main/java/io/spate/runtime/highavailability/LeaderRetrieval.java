package io.spate.runtime.highavailability;

import java.util.Objects;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorWatcher;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the leader node that {@link LeaderElection} writes and tells its listener the leading
 * JobManager's addresses whenever they change, for TaskManagers and clients that must find the leader.
 */
public final class LeaderRetrieval implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LeaderRetrieval.class);
  private static final long CLOSE_TIMEOUT_MILLIS = 10_000;

  private final CuratorFramework curator;
  private final SerialReconciler reconciler;
  private final ConnectionStateListener connectionListener;
  private final CuratorWatcher nodeWatcher;
  private volatile LeaderRetrievalListener listener;
  private volatile boolean closed;
  // Written only on the reconciler's thread.
  private volatile Optional<LeaderAddresses> notified = Optional.empty();
  private boolean notifiedOnce;

  /** A retrieval of this cluster's JobManager leader; it watches once {@link #start started}. */
  public LeaderRetrieval(ZooKeeperConnection connection) {
    this.curator = connection.curator();
    this.reconciler = new SerialReconciler("spate-leader-retrieval", this::reconcile);
    this.connectionListener = (client, state) -> reconciler.request();
    this.nodeWatcher = event -> reconciler.request();
  }

  /** Starts watching; {@code listener} hears the current leader (or that there is none) first, then each change. */
  public void start(LeaderRetrievalListener listener) {
    if (this.listener != null) {
      throw new IllegalStateException("The leader retrieval was started already");
    }
    this.listener = Objects.requireNonNull(listener, "listener");
    curator.getConnectionStateListenable().addListener(connectionListener);
    reconciler.request();
  }

  /** The leader as last told to the listener; empty when there is none or it is unknown. */
  public Optional<LeaderAddresses> currentLeader() {
    return notified;
  }

  private void reconcile() {
    LeaderRetrievalListener target = listener;
    if (closed || target == null) {
      return;
    }
    Optional<LeaderAddresses> now = readLeader();
    if (closed) {
      return;
    }
    if (!notifiedOnce || !now.equals(notified)) {
      notifiedOnce = true;
      notified = now;
      target.leaderChanged(now);
    }
  }

  /**
   * Reads the leader node from ZooKeeper itself, leaving a one-time watch that asks for the next read.
   * Reading the truth on every change, rather than keeping a cache, means no change is missed across
   * a lost connection: the reconnection asks for a read as well.
   */
  private Optional<LeaderAddresses> readLeader() {
    if (!curator.getZookeeperClient().isConnected()) {
      // Without ZooKeeper the last known leader may be stale: another JobManager may have taken over meanwhile.
      return Optional.empty();
    }
    try {
      Stat stat = curator.checkExists().usingWatcher(nodeWatcher).forPath(LeaderElection.LEADER_PATH);
      if (stat == null) {
        return Optional.empty();
      }
      byte[] data = curator.getData().usingWatcher(nodeWatcher).forPath(LeaderElection.LEADER_PATH);
      return Optional.of(LeaderAddresses.decode(data));
    } catch (KeeperException.NoNodeException e) {
      // Deleted between the two reads; the watch left by the first asks for another read.
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      LOG.warn("Ignoring the leader node {}: {}", LeaderElection.LEADER_PATH, e.getMessage());
      return Optional.empty();
    } catch (Exception e) {
      // The connection went while reading; its return asks for another read.
      LOG.debug("Cannot read the leader node", e);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return Optional.empty();
    }
  }

  /** Stops watching; the listener hears nothing more. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    curator.getConnectionStateListenable().removeListener(connectionListener);
    reconciler.shutdown(CLOSE_TIMEOUT_MILLIS);
  }
}
