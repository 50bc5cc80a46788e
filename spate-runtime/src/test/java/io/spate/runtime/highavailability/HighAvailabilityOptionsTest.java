package io.spate.runtime.highavailability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.runtime.config.ConfigurationDocs;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** High-availability options: defaults, and precise errors for what is missing or bad. */
class HighAvailabilityOptionsTest {

  private static Configuration zooKeeper(Map<String, String> more) {
    Configuration configuration = Configuration.fromMap(Map.of(
        "high-availability.type", "zookeeper",
        "high-availability.zookeeper.quorum", "127.0.0.1:2181,127.0.0.2:2181",
        "high-availability.storageDir", "/tmp/spate-ha"));
    more.forEach(configuration::setString);
    return configuration;
  }

  @Test
  void noneNeedsNothing() {
    Configuration empty = new Configuration();
    assertThat(empty.get(HighAvailabilityOptions.TYPE)).isEqualTo(HighAvailabilityMode.NONE);
    assertThat(HighAvailabilityOptions.isZooKeeper(empty)).isFalse();
    assertThatCode(() -> HighAvailabilityOptions.validate(empty)).doesNotThrowAnyException();
  }

  @Test
  void aCompleteZooKeeperConfigurationIsValidAndScopedToItsCluster() {
    Configuration configuration = zooKeeper(Map.of("high-availability.cluster-id", "prod"));
    assertThatCode(() -> HighAvailabilityOptions.validate(configuration)).doesNotThrowAnyException();
    assertThat(HighAvailabilityOptions.namespace(configuration)).isEqualTo("spate/prod");
  }

  @Test
  void anUnknownTypeNamesTheOptionAndTheChoices() {
    Configuration configuration = Configuration.fromMap(Map.of("high-availability.type", "kubernetes"));
    assertThatThrownBy(() -> HighAvailabilityOptions.validate(configuration))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("high-availability.type")
        .hasMessageContaining("none, zookeeper");
  }

  @Test
  void zooKeeperWithoutAStorageDirectoryNamesTheMissingOption() {
    Configuration configuration = Configuration.fromMap(Map.of(
        "high-availability.type", "zookeeper", "high-availability.zookeeper.quorum", "127.0.0.1:2181"));
    assertThatThrownBy(() -> HighAvailabilityOptions.validate(configuration))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("'high-availability.storageDir' is required");
    // TaskManagers and clients only reach ZooKeeper: they need no storage directory.
    HighAvailabilityOptions.validateConnection(configuration);
  }

  @Test
  void zooKeeperWithoutAQuorumNamesTheMissingOption() {
    Configuration configuration = Configuration.fromMap(Map.of(
        "high-availability.type", "zookeeper", "high-availability.storageDir", "/tmp/ha"));
    assertThatThrownBy(() -> HighAvailabilityOptions.validate(configuration))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("'high-availability.zookeeper.quorum' is required");
  }

  @Test
  void badValuesNameTheirOption() {
    assertThatThrownBy(() -> HighAvailabilityOptions.validate(
        zooKeeper(Map.of("high-availability.zookeeper.quorum", "127.0.0.1:2181,zk2"))))
        .hasMessageContaining("high-availability.zookeeper.quorum").hasMessageContaining("'zk2' is not host:port");
    assertThatThrownBy(() -> HighAvailabilityOptions.validate(
        zooKeeper(Map.of("high-availability.zookeeper.path.root", "spate"))))
        .hasMessageContaining("high-availability.zookeeper.path.root");
    assertThatThrownBy(() -> HighAvailabilityOptions.validate(
        zooKeeper(Map.of("high-availability.cluster-id", "a/b"))))
        .hasMessageContaining("high-availability.cluster-id");
    assertThatThrownBy(() -> HighAvailabilityOptions.validate(
        zooKeeper(Map.of("high-availability.zookeeper.client.session-timeout", "0 ms"))))
        .hasMessageContaining("high-availability.zookeeper.client.session-timeout");
    assertThatThrownBy(() -> HighAvailabilityOptions.validate(
        zooKeeper(Map.of("high-availability.zookeeper.client.connection-timeout", "soon"))))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("high-availability.zookeeper.client.connection-timeout");
  }

  @Test
  void connectingFailsWithinTheTimeoutWhenNoServerListens(@TempDir Path dir) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Configuration configuration = zooKeeper(Map.of(
        "high-availability.zookeeper.quorum", "127.0.0.1:" + port,
        "high-availability.storageDir", dir.toString(),
        "high-availability.zookeeper.client.connection-timeout", "300 ms"));
    assertThatThrownBy(() -> ZooKeeperConnection.connect(configuration))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("127.0.0.1:" + port)
        .hasMessageContaining("high-availability.zookeeper.quorum");
  }

  @Test
  void theOptionsAreDocumented() {
    assertThat(ConfigurationDocs.OPTION_CLASSES).contains(HighAvailabilityOptions.class);
    assertThat(ConfigurationDocs.markdown()).contains("high-availability.storageDir", "high-availability.zookeeper.quorum");
  }
}
