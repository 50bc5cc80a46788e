package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestOptions;
import io.spate.cli.SpateCliTest.Result;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.rest.RestServer;
import io.spate.runtime.security.TlsFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI against a cluster that serves its REST API over HTTPS: a trusted certificate works, others are explained. */
class HttpsClusterCommandsTest {

  @TempDir
  static Path stores;

  private static TlsFixture tls;
  private MiniCluster cluster;
  private String address;

  @BeforeAll
  static void makeStores() throws Exception {
    tls = TlsFixture.create(stores);
  }

  @BeforeEach
  void start() throws Exception {
    cluster = new MiniCluster(new MiniClusterConfiguration(1, 2, 1, 16, 64));
    cluster.start();
    Configuration conf = tls.rest().set(RestOptions.BIND_PORT, "0");
    RestServer server = cluster.startRestServer(conf);
    address = "127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void theCliTalksHttpsWithTheTruststoreOfTheOptions() {
    Result listed = SpateCliTest.spate("list", "-m", address, "-D", "security.ssl.rest.enabled=true",
        "-D", "security.ssl.rest.truststore=" + tls.truststore(),
        "-D", "security.ssl.rest.truststore-password=" + TlsFixture.PASSWORD);

    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(listed.out()).contains("No jobs.");
  }

  @Test
  void anUntrustedCertificateGetsAClearMessage() {
    Result refused = SpateCliTest.spate("list", "-m", address, "-D", "security.ssl.rest.enabled=true",
        "-D", "security.ssl.rest.truststore=" + tls.strangerTruststore(),
        "-D", "security.ssl.rest.truststore-password=" + TlsFixture.PASSWORD);

    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err()).contains("The certificate of https://" + address + " is not trusted",
        "Set security.ssl.rest.truststore");
  }

  @Test
  void plainHttpAgainstTheHttpsPortFailsAndSuggestsTls() {
    Result refused = SpateCliTest.spate("list", "-m", address);

    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err()).contains("security.ssl.rest.enabled").doesNotContain("No jobs.");
  }

  @Test
  void aMissingTruststoreFileIsAUsageErrorNamingTheOption() {
    Result refused = SpateCliTest.spate("list", "-m", address, "-D", "security.ssl.rest.enabled=true",
        "-D", "security.ssl.rest.truststore=" + stores.resolve("absent.p12"));

    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err()).contains("security.ssl.rest.truststore", "absent.p12", "does not exist");
  }
}
