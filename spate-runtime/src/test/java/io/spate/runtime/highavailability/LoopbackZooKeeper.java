package io.spate.runtime.highavailability;

import io.spate.api.configuration.Configuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/** A real single ZooKeeper server for tests: a random port on the loopback interface, data under a test directory. */
final class LoopbackZooKeeper implements AutoCloseable {

  private final TestingServer server;
  // Clients of the server that a test opened, closed before it in reverse order.
  private final List<AutoCloseable> clients = new ArrayList<>();

  private LoopbackZooKeeper(TestingServer server) {
    this.server = server;
  }

  /** Starts a server keeping its data in {@code dataDir}. */
  static LoopbackZooKeeper start(Path dataDir) throws Exception {
    InstanceSpec spec = new InstanceSpec(dataDir.toFile(), -1, -1, -1, true, 1, -1, -1,
        Map.of("clientPortAddress", "127.0.0.1"), "127.0.0.1");
    return new LoopbackZooKeeper(new TestingServer(spec, true));
  }

  /** host:port of the server. */
  String connectString() {
    return server.getConnectString();
  }

  /** A configuration for a cluster using this server, with job graphs under {@code storageDir}. */
  Configuration configuration(Path storageDir) {
    Configuration configuration = new Configuration();
    configuration.set(HighAvailabilityOptions.TYPE, HighAvailabilityMode.ZOOKEEPER);
    configuration.set(HighAvailabilityOptions.ZOOKEEPER_QUORUM, connectString());
    configuration.set(HighAvailabilityOptions.STORAGE_DIR, storageDir.toString());
    configuration.set(HighAvailabilityOptions.CLUSTER_ID, "test-cluster");
    configuration.set(HighAvailabilityOptions.ZOOKEEPER_SESSION_TIMEOUT, Duration.ofSeconds(20));
    configuration.set(HighAvailabilityOptions.ZOOKEEPER_CONNECTION_TIMEOUT, Duration.ofSeconds(10));
    configuration.set(HighAvailabilityOptions.ZOOKEEPER_RETRY_WAIT, Duration.ofMillis(100));
    return configuration;
  }

  /** Closes {@code client} when this server closes, before it and before clients registered earlier. */
  <T extends AutoCloseable> T closeLater(T client) {
    clients.add(client);
    return client;
  }

  /** A connection to this server configured by {@code configuration}, closed with the server. */
  ZooKeeperConnection connect(Configuration configuration) throws Exception {
    return closeLater(ZooKeeperConnection.connect(configuration));
  }

  /**
   * A started election through {@code connection} for a JobManager at {@code rpc} (host:6123 style,
   * its REST address the same host on port 8081), telling {@code contender}; closed with the server.
   */
  LeaderElection elect(ZooKeeperConnection connection, String rpc, RecordingContender contender) throws Exception {
    LeaderElection election = closeLater(new LeaderElection(connection, rpc, "http://" + rpc.replace("6123", "8081")));
    election.start(contender);
    return election;
  }

  /** Stops the server, keeping its data, so clients lose their connection. */
  void stop() throws Exception {
    server.stop();
  }

  /** Starts a stopped server again on the same port with the same data. */
  void restart() throws Exception {
    server.restart();
  }

  @Override
  public void close() throws Exception {
    for (int i = clients.size() - 1; i >= 0; i--) {
      clients.get(i).close();
    }
    server.close();
  }
}
