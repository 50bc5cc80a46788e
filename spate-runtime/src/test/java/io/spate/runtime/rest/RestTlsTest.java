package io.spate.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.RestOptions;
import io.spate.api.configuration.SecurityOptions;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.rest.HttpJson.Response;
import io.spate.runtime.security.TlsFixture;
import io.spate.runtime.security.TlsSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API over HTTPS on loopback: trusted clients get answers, others get none that looks like one. */
class RestTlsTest {

  @TempDir
  static Path stores;

  private static TlsFixture tls;
  private MiniCluster cluster;

  @BeforeAll
  static void makeStores() throws Exception {
    tls = TlsFixture.create(stores);
  }

  @BeforeEach
  void startCluster() throws Exception {
    cluster = new MiniCluster(new MiniClusterConfiguration(1, 2, 1, 16, 64));
    cluster.start();
  }

  @AfterEach
  void stopCluster() {
    cluster.close();
  }

  private RestServer start(Configuration conf) throws Exception {
    conf.set(RestOptions.BIND_PORT, "0");
    return cluster.startRestServer(conf);
  }

  /** A client whose SSL context comes from {@code conf}'s security.ssl.rest.* options, as the CLI's does. */
  private static HttpClient client(Configuration conf) {
    SSLContext ssl = TlsSettings.restClient(conf).orElseThrow().sslContext();
    return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Test
  void theEndpointsAnswerOverHttpsForAClientThatTrustsTheCertificate() throws Exception {
    RestServer server = start(tls.rest());
    assertThat(server.url()).startsWith("https://127.0.0.1:");
    HttpJson http = new HttpJson(server.url(), client(tls.rest()));

    assertThat(http.get("/health").status()).isEqualTo(200);
    Response jobs = http.get("/jobs/overview");
    assertThat(jobs.status()).isEqualTo(200);
    assertThat(jobs.body().get("jobs").isArray()).isTrue();
    assertThat(http.get("/taskmanagers").status()).isEqualTo(200);
    assertThat(http.get("/openapi").status()).isEqualTo(200);
    String config = http.get("/config").body().toString();
    assertThat(config).contains("security.ssl.rest.keystore-password").doesNotContain(TlsFixture.PASSWORD);
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateIsRefused() throws Exception {
    RestServer server = start(tls.rest());
    Configuration untrusting = tls.rest().set(SecurityOptions.REST_TRUSTSTORE, tls.strangerTruststore().toString());
    HttpJson http = new HttpJson(server.url(), client(untrusting));

    assertThatThrownBy(() -> http.get("/health"))
        .isInstanceOf(SSLException.class)
        .hasMessageContaining("PKIX");
  }

  @Test
  void plainHttpToTheHttpsPortGetsNoAnswerThatLooksLikeSuccess() throws Exception {
    RestServer server = start(tls.rest());

    String answer = rawHttpGet(server.port(), "/health");

    assertThat(answer).doesNotStartWith("HTTP/1.1 2").doesNotContain("\"ok\"");
    assertThatThrownBy(() -> new HttpJson("http://127.0.0.1:" + server.port()).get("/health"))
        .isInstanceOf(IOException.class);
  }

  @Test
  void bearerAuthenticationStillRefusesRequestsWithoutTheTokenOverHttps() throws Exception {
    Configuration conf = tls.rest()
        .set(RestOptions.AUTHENTICATION_TYPE, "bearer")
        .set(RestOptions.AUTHENTICATION_TOKEN, "tls-and-a-token");
    RestServer server = start(conf);
    HttpJson http = new HttpJson(server.url(), client(conf));

    Response refused = http.get("/jobs/overview");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.challenge()).startsWith("Bearer");
    assertThat(http.send("GET", "/jobs/overview", null, "Bearer tls-and-a-token").status()).isEqualTo(200);
  }

  @Test
  void requiredClientCertificatesRefuseAClientWithoutOne() throws Exception {
    Configuration conf = tls.rest().set(SecurityOptions.REST_AUTHENTICATION_ENABLED, true);
    RestServer server = start(conf);

    HttpJson anonymous = new HttpJson(server.url(), client(trustOnly()));
    assertThatThrownBy(() -> anonymous.get("/health")).isInstanceOf(IOException.class);

    HttpJson withCertificate = new HttpJson(server.url(), client(conf));
    assertThat(withCertificate.get("/health").status()).isEqualTo(200);
  }

  @Test
  void aWrongKeystorePasswordStopsTheServerNamingTheOption() {
    Configuration conf = tls.rest().set(SecurityOptions.REST_KEYSTORE_PASSWORD, "wrong");

    assertThatThrownBy(() -> start(conf))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining(SecurityOptions.REST_KEYSTORE_PASSWORD.key())
        .hasMessageContaining(tls.clusterKeystore().toString());
  }

  private static Configuration trustOnly() {
    return new Configuration()
        .set(SecurityOptions.REST_ENABLED, true)
        .set(SecurityOptions.REST_TRUSTSTORE, tls.truststore().toString())
        .set(SecurityOptions.REST_TRUSTSTORE_PASSWORD, TlsFixture.PASSWORD);
  }

  /** Sends a plain-text GET and returns whatever comes back before the server closes or 5 s pass. */
  private static String rawHttpGet(int port, String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[1024];
      try {
        for (int n; (n = in.read(buffer)) >= 0 && answer.size() < 64 * 1024; ) {
          answer.write(buffer, 0, n);
        }
      } catch (SocketTimeoutException | java.net.SocketException e) {
        // no answer, or the connection was reset: either is fine
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
