package io.spate.runtime.security;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.SecurityOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keystores and truststores for tests, made by the JDK's own {@code keytool} in a directory: a
 * "cluster" identity that the truststore trusts and a "stranger" identity it does not, both with a
 * certificate for 127.0.0.1 and localhost.
 */
public final class TlsFixture {

  /** The password of every store and key of the fixture. */
  public static final String PASSWORD = "changeit-test";
  private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

  private final Path clusterKeystore;
  private final Path strangerKeystore;
  private final Path truststore;
  private final Path strangerTruststore;

  private TlsFixture(Path dir) {
    this.clusterKeystore = dir.resolve("cluster-keystore.p12");
    this.strangerKeystore = dir.resolve("stranger-keystore.p12");
    this.truststore = dir.resolve("truststore.p12");
    this.strangerTruststore = dir.resolve("stranger-truststore.p12");
  }

  /** Makes the stores in {@code dir}. */
  public static TlsFixture create(Path dir) throws IOException, InterruptedException {
    TlsFixture fixture = new TlsFixture(dir);
    fixture.generate("cluster", fixture.clusterKeystore);
    fixture.generate("stranger", fixture.strangerKeystore);
    Path clusterCert = dir.resolve("cluster.crt");
    Path strangerCert = dir.resolve("stranger.crt");
    keytool("-exportcert", "-alias", "cluster", "-keystore", fixture.clusterKeystore.toString(),
        "-storepass", PASSWORD, "-file", clusterCert.toString());
    keytool("-exportcert", "-alias", "stranger", "-keystore", fixture.strangerKeystore.toString(),
        "-storepass", PASSWORD, "-file", strangerCert.toString());
    fixture.trust("cluster", clusterCert, fixture.truststore);
    fixture.trust("stranger", strangerCert, fixture.strangerTruststore);
    return fixture;
  }

  private void generate(String alias, Path keystore) throws IOException, InterruptedException {
    keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + alias,
        "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
  }

  private void trust(String alias, Path certificate, Path store) throws IOException, InterruptedException {
    keytool("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(), "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", PASSWORD);
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s: " + command);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IOException("keytool failed (" + process.exitValue() + "): " + command + "\n" + output);
    }
  }

  /** The keystore of the trusted identity. */
  public Path clusterKeystore() {
    return clusterKeystore;
  }

  /** The keystore of an identity the truststore does not trust. */
  public Path strangerKeystore() {
    return strangerKeystore;
  }

  /** The truststore that trusts the cluster identity only. */
  public Path truststore() {
    return truststore;
  }

  /** A truststore that trusts the stranger only. */
  public Path strangerTruststore() {
    return strangerTruststore;
  }

  /** Mutual TLS between processes with {@code keystore} and the cluster truststore. */
  public Configuration internal(Path keystore) {
    return new Configuration()
        .set(SecurityOptions.INTERNAL_ENABLED, true)
        .set(SecurityOptions.INTERNAL_KEYSTORE, keystore.toString())
        .set(SecurityOptions.INTERNAL_KEYSTORE_PASSWORD, PASSWORD)
        .set(SecurityOptions.INTERNAL_TRUSTSTORE, truststore.toString())
        .set(SecurityOptions.INTERNAL_TRUSTSTORE_PASSWORD, PASSWORD);
  }

  /** HTTPS for the REST API with the cluster identity; clients trust the cluster truststore. */
  public Configuration rest() {
    return new Configuration()
        .set(SecurityOptions.REST_ENABLED, true)
        .set(SecurityOptions.REST_KEYSTORE, clusterKeystore.toString())
        .set(SecurityOptions.REST_KEYSTORE_PASSWORD, PASSWORD)
        .set(SecurityOptions.REST_TRUSTSTORE, truststore.toString())
        .set(SecurityOptions.REST_TRUSTSTORE_PASSWORD, PASSWORD);
  }
}
