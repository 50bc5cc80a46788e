package io.spate.runtime.security;

import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.SecurityOptions;

/** Where TLS is used, each with its own set of {@code security.ssl.*} options. */
public enum TlsScope {
  /** The connections between cluster processes. */
  INTERNAL(SecurityOptions.INTERNAL_ENABLED, SecurityOptions.INTERNAL_KEYSTORE,
      SecurityOptions.INTERNAL_KEYSTORE_PASSWORD, SecurityOptions.INTERNAL_KEY_PASSWORD,
      SecurityOptions.INTERNAL_TRUSTSTORE, SecurityOptions.INTERNAL_TRUSTSTORE_PASSWORD,
      SecurityOptions.INTERNAL_PROTOCOLS, SecurityOptions.INTERNAL_CIPHER_SUITES),
  /** The REST API and its clients. */
  REST(SecurityOptions.REST_ENABLED, SecurityOptions.REST_KEYSTORE, SecurityOptions.REST_KEYSTORE_PASSWORD,
      SecurityOptions.REST_KEY_PASSWORD, SecurityOptions.REST_TRUSTSTORE, SecurityOptions.REST_TRUSTSTORE_PASSWORD,
      SecurityOptions.REST_PROTOCOLS, SecurityOptions.REST_CIPHER_SUITES);

  final ConfigOption<Boolean> enabled;
  final ConfigOption<String> keystore;
  final ConfigOption<String> keystorePassword;
  final ConfigOption<String> keyPassword;
  final ConfigOption<String> truststore;
  final ConfigOption<String> truststorePassword;
  final ConfigOption<String> protocols;
  final ConfigOption<String> cipherSuites;

  TlsScope(ConfigOption<Boolean> enabled, ConfigOption<String> keystore, ConfigOption<String> keystorePassword,
      ConfigOption<String> keyPassword, ConfigOption<String> truststore, ConfigOption<String> truststorePassword,
      ConfigOption<String> protocols, ConfigOption<String> cipherSuites) {
    this.enabled = enabled;
    this.keystore = keystore;
    this.keystorePassword = keystorePassword;
    this.keyPassword = keyPassword;
    this.truststore = truststore;
    this.truststorePassword = truststorePassword;
    this.protocols = protocols;
    this.cipherSuites = cipherSuites;
  }

  /** The option that turns TLS on in this scope. */
  public ConfigOption<Boolean> enabledOption() {
    return enabled;
  }

  /** The option naming the truststore of this scope. */
  public ConfigOption<String> truststoreOption() {
    return truststore;
  }
}
