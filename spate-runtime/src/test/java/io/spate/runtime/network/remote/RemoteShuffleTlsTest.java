package io.spate.runtime.network.remote;

import io.spate.runtime.network.ChannelId;
import static io.spate.runtime.network.remote.Channels.TRADES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.SecurityOptions;
import io.spate.runtime.network.ChannelFailure;
import io.spate.runtime.network.LocalChannel;
import io.spate.runtime.security.TlsFixture;
import io.spate.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS on the data plane: two services with trusted certificates move every element type;
 * an untrusted certificate, a plain-text peer or a TLS version mismatch is refused with a reason
 * that fails the channels, and bad keystore settings stop the service from starting.
 */
class RemoteShuffleTlsTest {

  @TempDir
  static Path stores;

  private static TlsFixture tls;
  private final List<RemoteShuffleService> services = new ArrayList<>();
  private final Map<ChannelId, String> failures = new ConcurrentHashMap<>();

  @BeforeAll
  static void makeStores() throws Exception {
    tls = TlsFixture.create(stores);
  }

  @AfterEach
  void closeServices() {
    services.forEach(RemoteShuffleService::close);
  }

  private RemoteShuffleService service(Configuration conf) {
    RemoteShuffleService service = new RemoteShuffleService(RemoteShuffleOptions.defaults(),
        (id, outbound, cause) -> failures.put(id, cause), conf);
    services.add(service);
    service.start("127.0.0.1", 0);
    return service;
  }

  private RemoteShuffleService trusted() {
    return service(tls.internal(tls.clusterKeystore()));
  }

  /** Subscribes from {@code consumer} to {@code producer} and returns the reason the channel failed. */
  private static String refusedReason(RemoteShuffleService producer, RemoteShuffleService consumer)
      throws InterruptedException {
    ChannelId id = Channels.freshId(1, 0, 0);
    producer.outbound(id, consumer.address(), TRADES, 2);
    LocalChannel in = consumer.inbound(id, producer.address(), TRADES, 2);
    ChannelFailure failure = Channels.awaitFailure(in);
    return failure.cause();
  }

  @Test
  void everyElementTypeArrivesInOrderOverMutualTls() throws Exception {
    RemoteShuffleService producerSide = trusted();
    RemoteShuffleService consumerSide = trusted();
    assertThat(producerSide.usesTls()).isTrue();
    int channels = 4;
    List<LocalChannel> outbound = new ArrayList<>();
    List<LocalChannel> inbound = new ArrayList<>();
    List<List<Object>> sent = new ArrayList<>();
    List<List<Object>> expected = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      ChannelId id = Channels.freshId(3, c, c);
      outbound.add(producerSide.outbound(id, consumerSide.address(), TRADES, 4));
      inbound.add(consumerSide.inbound(id, producerSide.address(), TRADES, 3));
      List<Object> elements = RemoteShuffleServiceTest.elementsOfEveryType(c);
      sent.add(elements);
      expected.add(elements.stream().map(Channels::content).toList());
    }

    Thread producer = Channels.startProducer(outbound, sent);
    List<List<Object>> received = Channels.readAll(inbound);
    producer.join();

    assertThat(received).isEqualTo(expected);
    assertThat(failures).isEmpty();
  }

  @Test
  void theReasonOfAClosingProcessTravelsOverTls() throws Exception {
    RemoteShuffleService producer = trusted();
    RemoteShuffleService consumer = trusted();
    Channels.assertTransferWorks(producer, consumer); // the connection is up
    ChannelId id = Channels.freshId(4, 0, 0);
    LocalChannel in = consumer.inbound(id, producer.address(), TRADES, 2);
    producer.close();

    assertThat(Channels.awaitFailure(in).cause()).contains("shut down");
  }

  @Test
  void aPeerWithAnUntrustedCertificateIsRefusedAndItsChannelsFailWithTheReason() throws Exception {
    RemoteShuffleService producer = trusted();
    RemoteShuffleService stranger = service(tls.internal(tls.strangerKeystore()));

    String reason = refusedReason(producer, stranger);

    assertThat(reason).contains("TLS");
    // The listener hears of the failure just after the channel's reader does.
    Await.until(Duration.ofSeconds(Channels.TIMEOUT_SECONDS), "the listener to hear of the failure",
        () -> !failures.isEmpty());
    assertThat(failures.values()).anySatisfy(cause -> assertThat(cause).contains("TLS"));
    // The refusing process goes on serving trusted peers.
    Channels.assertTransferWorks(producer, trusted());
  }

  @Test
  void aServiceThatDoesNotTrustTheProducerRefusesIt() throws Exception {
    RemoteShuffleService producer = trusted();
    Configuration trustsOnlyStrangers = tls.internal(tls.clusterKeystore())
        .set(SecurityOptions.INTERNAL_TRUSTSTORE, tls.strangerTruststore().toString());
    RemoteShuffleService consumer = service(trustsOnlyStrangers);

    assertThat(refusedReason(producer, consumer)).contains("TLS failed").contains("not trusted");
  }

  @Test
  void aPlainTextConsumerIsRefusedByATlsProducer() throws Exception {
    RemoteShuffleService producer = trusted();
    RemoteShuffleService plain = service(new Configuration());

    assertThat(refusedReason(producer, plain)).contains("before the handshake completed");
    Channels.assertTransferWorks(producer, trusted());
  }

  @Test
  void aTlsConsumerIsRefusedByAPlainTextProducer() throws Exception {
    RemoteShuffleService plain = service(new Configuration());
    RemoteShuffleService consumer = trusted();

    assertThat(refusedReason(plain, consumer)).contains("TLS");
  }

  @Test
  void peersWithoutACommonTlsVersionAreRefused() throws Exception {
    RemoteShuffleService producer = service(tls.internal(tls.clusterKeystore())
        .set(SecurityOptions.INTERNAL_PROTOCOLS, "TLSv1.2"));
    RemoteShuffleService consumer = trusted(); // TLSv1.3 only

    assertThat(refusedReason(producer, consumer)).contains("TLS");
  }

  @Test
  void aWrongKeystorePasswordStopsTheStartNamingTheOptionAndTheFile() {
    Configuration conf = tls.internal(tls.clusterKeystore())
        .set(SecurityOptions.INTERNAL_KEYSTORE_PASSWORD, "not-the-password");

    assertThatThrownBy(() -> service(conf))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining(SecurityOptions.INTERNAL_KEYSTORE_PASSWORD.key())
        .hasMessageContaining(tls.clusterKeystore().getFileName().toString());
  }

  @Test
  void aMissingTruststoreStopsTheStartNamingTheOptionAndTheFile() {
    Path missing = stores.resolve("no-such-truststore.p12");
    Configuration conf = tls.internal(tls.clusterKeystore())
        .set(SecurityOptions.INTERNAL_TRUSTSTORE, missing.toString());

    assertThatThrownBy(() -> service(conf))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining(SecurityOptions.INTERNAL_TRUSTSTORE.key())
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void aFileThatIsNotAKeystoreStopsTheStart() throws Exception {
    Path garbage = Files.writeString(stores.resolve("garbage.p12"), "not a keystore");
    Configuration conf = tls.internal(garbage);

    assertThatThrownBy(() -> service(conf))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining(SecurityOptions.INTERNAL_KEYSTORE.key())
        .hasMessageContaining(garbage.toString());
  }

  @Test
  void anUnknownTlsVersionIsNamed() {
    Configuration conf = tls.internal(tls.clusterKeystore()).set(SecurityOptions.INTERNAL_PROTOCOLS, "TLSv9");

    assertThatThrownBy(() -> service(conf))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining(SecurityOptions.INTERNAL_PROTOCOLS.key())
        .hasMessageContaining("TLSv9");
  }
}
