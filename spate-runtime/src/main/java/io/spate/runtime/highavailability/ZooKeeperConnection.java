package io.spate.runtime.highavailability;

import io.spate.api.configuration.Configuration;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.KeeperException;

/**
 * One process's session with ZooKeeper, scoped to this cluster's nodes
 * ({@code path.root/cluster-id}); leader election, leader retrieval and the job graph store share it.
 */
public final class ZooKeeperConnection implements AutoCloseable {

  private final CuratorFramework curator;

  private ZooKeeperConnection(CuratorFramework curator) {
    this.curator = curator;
  }

  /**
   * Connects to the quorum of {@code configuration} and waits for the first connection.
   *
   * @throws io.spate.api.configuration.IllegalConfigurationException if the high-availability options are bad
   * @throws IOException if ZooKeeper cannot be reached within the connection timeout
   */
  public static ZooKeeperConnection connect(Configuration configuration) throws IOException {
    HighAvailabilityOptions.validateConnection(configuration);
    if (!HighAvailabilityOptions.isZooKeeper(configuration)) {
      throw new IllegalArgumentException("'" + HighAvailabilityOptions.TYPE.key() + "' is not zookeeper");
    }
    String quorum = configuration.get(HighAvailabilityOptions.ZOOKEEPER_QUORUM).trim();
    int connectionTimeout = (int) configuration.get(HighAvailabilityOptions.ZOOKEEPER_CONNECTION_TIMEOUT).toMillis();
    CuratorFramework curator = CuratorFrameworkFactory.builder()
        .connectString(quorum)
        .namespace(HighAvailabilityOptions.namespace(configuration))
        .sessionTimeoutMs((int) configuration.get(HighAvailabilityOptions.ZOOKEEPER_SESSION_TIMEOUT).toMillis())
        .connectionTimeoutMs(connectionTimeout)
        .retryPolicy(new ExponentialBackoffRetry(
            (int) configuration.get(HighAvailabilityOptions.ZOOKEEPER_RETRY_WAIT).toMillis(),
            configuration.get(HighAvailabilityOptions.ZOOKEEPER_MAX_RETRY_ATTEMPTS)))
        .build();
    curator.start();
    boolean connected;
    try {
      connected = curator.blockUntilConnected(connectionTimeout, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      curator.close();
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while connecting to ZooKeeper at " + quorum, e);
    }
    if (!connected) {
      curator.close();
      throw new IOException("Cannot connect to ZooKeeper at " + quorum + " ('"
          + HighAvailabilityOptions.ZOOKEEPER_QUORUM.key() + "') within " + connectionTimeout + " ms");
    }
    return new ZooKeeperConnection(curator);
  }

  /** Creates the persistent node {@code path} of {@code curator}, and its parents, where missing. */
  static void ensurePath(CuratorFramework curator, String path) throws Exception {
    if (curator.checkExists().forPath(path) == null) {
      try {
        curator.create().creatingParentsIfNeeded().forPath(path);
      } catch (KeeperException.NodeExistsException e) {
        // another process created it meanwhile
      }
    }
  }

  /** The Curator client, whose paths are relative to this cluster's node. */
  public CuratorFramework curator() {
    return curator;
  }

  /** Ends the session: ephemeral nodes (a leader's latch and address) disappear at once. */
  @Override
  public void close() {
    curator.close();
  }
}
