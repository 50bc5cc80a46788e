package io.spate.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.SecurityOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading TLS settings: what is required in which scope, and messages that name the option at fault. */
class TlsSettingsTest {

  @TempDir
  static Path stores;

  private static TlsFixture tls;

  @BeforeAll
  static void makeStores() throws Exception {
    tls = TlsFixture.create(stores);
  }

  @Test
  void offUnlessEnabled() {
    assertThat(TlsSettings.internal(new Configuration())).isEmpty();
    assertThat(TlsSettings.restServer(new Configuration())).isEmpty();
    assertThat(TlsSettings.restClient(new Configuration())).isEmpty();
  }

  @Test
  void internalTlsLoadsBothStoresWithDefaultVersions() {
    TlsSettings settings = TlsSettings.internal(tls.internal(tls.clusterKeystore())).orElseThrow();

    assertThat(settings.keyManagers()).isNotNull();
    assertThat(settings.trustManagers()).isNotNull();
    assertThat(settings.protocols()).containsExactly("TLSv1.3");
    assertThat(settings.cipherSuites()).isEmpty();
  }

  @Test
  void internalTlsWithoutAKeystoreNamesTheOption() {
    Configuration conf = new Configuration().set(SecurityOptions.INTERNAL_ENABLED, true);

    assertThatThrownBy(() -> TlsSettings.internal(conf))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessage("security.ssl.internal.enabled is true, but security.ssl.internal.keystore is not set.");
  }

  @Test
  void aWrongKeyPasswordNamesThatOption() {
    Configuration conf = tls.internal(tls.clusterKeystore()).set(SecurityOptions.INTERNAL_KEY_PASSWORD, "wrong");

    assertThatThrownBy(() -> TlsSettings.internal(conf))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("security.ssl.internal.key-password does not unlock the private key")
        .hasMessageContaining(tls.clusterKeystore().toString());
  }

  @Test
  void aTruststoreWithoutAPrivateKeyIsNoKeystore() {
    Configuration conf = tls.internal(tls.truststore());

    assertThatThrownBy(() -> TlsSettings.internal(conf))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("security.ssl.internal.keystore (" + tls.truststore() + ") holds no private key");
  }

  @Test
  void anUnknownCipherSuiteIsNamed() {
    Configuration conf = tls.internal(tls.clusterKeystore())
        .set(SecurityOptions.INTERNAL_CIPHER_SUITES, "TLS_AES_128_GCM_SHA256, TLS_NO_SUCH_SUITE");

    assertThatThrownBy(() -> TlsSettings.internal(conf))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("security.ssl.internal.cipher-suites names 'TLS_NO_SUCH_SUITE'");
  }

  @Test
  void aRestClientNeedsNoStoresAndFallsBackToTheJvmTruststore() {
    Configuration conf = new Configuration().set(SecurityOptions.REST_ENABLED, true);

    TlsSettings settings = TlsSettings.restClient(conf).orElseThrow();

    assertThat(settings.trustManagers()).isNull();
    assertThat(settings.keyManagers()).isNull();
    assertThat(settings.sslContext()).isNotNull();
  }

  @Test
  void aRestServerRequiringClientCertificatesNeedsATruststore() {
    Configuration conf = tls.rest().set(SecurityOptions.REST_AUTHENTICATION_ENABLED, true);
    conf.setString(SecurityOptions.REST_TRUSTSTORE.key(), "");

    assertThatThrownBy(() -> TlsSettings.restServer(conf))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("security.ssl.rest.truststore is not set");
  }
}
