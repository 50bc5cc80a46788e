package io.spate.runtime.network.remote;

import static io.spate.runtime.network.remote.Channels.TRADES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.SecurityOptions;
import io.spate.runtime.network.ChannelId;
import io.spate.runtime.network.LocalChannel;
import io.spate.runtime.security.ClusterSecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster secret on the data plane: services with the same secret move records; a raw peer or a
 * service without the secret, or with another one, is refused on both sides with "authentication
 * failed", and the refusing service goes on serving its cluster.
 */
class RemoteShuffleAuthenticationTest {

  @TempDir
  Path dir;

  private final List<RemoteShuffleService> services = new ArrayList<>();

  @AfterEach
  void closeServices() {
    services.forEach(RemoteShuffleService::close);
  }

  private Configuration withSecret(String name, String secret) throws IOException {
    Path file = dir.resolve(name);
    if (!Files.exists(file)) {
      Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }
    return new Configuration().set(SecurityOptions.INTERNAL_SECRET_FILE, file.toString());
  }

  private RemoteShuffleService service(Configuration conf) {
    RemoteShuffleService service = new RemoteShuffleService(RemoteShuffleOptions.defaults(), (id, out, cause) -> {},
        conf);
    services.add(service);
    service.start("127.0.0.1", 0);
    return service;
  }

  private RemoteShuffleService cluster() throws IOException {
    return service(withSecret("cluster.secret", "the-secret-of-this-cluster"));
  }

  private static String refusedReason(RemoteShuffleService producer, RemoteShuffleService consumer)
      throws InterruptedException {
    ChannelId id = Channels.freshId(1, 0, 0);
    producer.outbound(id, consumer.address(), TRADES, 2);
    LocalChannel in = consumer.inbound(id, producer.address(), TRADES, 2);
    return Channels.awaitFailure(in).cause();
  }

  @Test
  void servicesWithTheSameSecretExchangeRecords() throws Exception {
    Channels.assertTransferWorks(cluster(), cluster());
  }

  @Test
  void aConsumerWithoutTheSecretIsRefusedAndTheProducerGoesOn() throws Exception {
    RemoteShuffleService producer = cluster();
    RemoteShuffleService stranger = service(new Configuration());

    assertThat(refusedReason(producer, stranger)).contains("authentication failed")
        .contains("security.internal.secret-file");
    Channels.assertTransferWorks(producer, cluster());
  }

  @Test
  void aConsumerWithAnotherSecretIsRefusedSayingSo() throws Exception {
    RemoteShuffleService producer = cluster();
    RemoteShuffleService stranger = service(withSecret("other.secret", "another-secret-of-a-stranger"));

    assertThat(refusedReason(producer, stranger)).contains("authentication failed").contains("another secret");
    Channels.assertTransferWorks(producer, cluster());
  }

  @Test
  void aProducerWithoutTheSecretIsRefusedByAnAuthenticatingConsumer() throws Exception {
    RemoteShuffleService producer = service(new Configuration());
    RemoteShuffleService consumer = cluster();

    assertThat(refusedReason(producer, consumer)).contains("authentication failed")
        .contains("does not authenticate");
  }

  @Test
  void aRawConnectionWithoutTheSecretGetsNoFrameAndIsClosed() throws Exception {
    RemoteShuffleService producer = cluster();
    ChannelId id = Channels.freshId(2, 0, 0);
    producer.outbound(id, producer.address(), TRADES, 2); // a channel a stranger would like to read
    try (RawPeer peer = RawPeer.connect(producer.address())) {
      peer.hello();
      assertThat(peer.readHello()).containsExactly(Handshake.MAGIC, Handshake.PROTOCOL_VERSION);
      peer.sendInt(FrameType.SUBSCRIBE, id, 10);

      assertThat(peer.closedWithin(64)).isTrue();
    }
  }

  @Test
  void aRawConnectionThatClaimsTheSecretButSendsAWrongProofIsRefused() throws Exception {
    RemoteShuffleService producer = cluster();
    try (RawPeer peer = RawPeer.connect(producer.address())) {
      peer.hello(Handshake.MAGIC, Handshake.PROTOCOL_VERSION);
      peer.offer(Handshake.CLUSTER_SECRET);
      assertThat(peer.readHello()).containsExactly(Handshake.MAGIC, Handshake.PROTOCOL_VERSION);
      peer.sendRaw(new byte[ClusterSecret.PROOF_SIZE]);
      byte[] proofAndVerdict = peer.readBytes(ClusterSecret.PROOF_SIZE + 1);

      assertThat(proofAndVerdict[ClusterSecret.PROOF_SIZE]).isEqualTo(Handshake.REFUSED);
      assertThat(peer.closedWithin(0)).isTrue();
    }
  }

  @Test
  void aSecretFileThatCannotBeReadOrIsTooShortStopsTheStartNamingTheOptionAndTheFile() throws Exception {
    Path missing = dir.resolve("missing.secret");
    assertThatThrownBy(() -> service(new Configuration().set(SecurityOptions.INTERNAL_SECRET_FILE, missing.toString())))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("security.internal.secret-file").hasMessageContaining(missing.toString());
    assertThatThrownBy(() -> service(withSecret("short.secret", "short")))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("security.internal.secret-file").hasMessageContaining("at least 16");
  }
}
