package io.spate.runtime.security;

import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.SecurityOptions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.UnrecoverableKeyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * The checked key and trust material of one {@link TlsScope}, loaded from its {@code security.ssl.*}
 * options: what this process presents, what it trusts, and the allowed TLS versions and cipher
 * suites. Loading fails with a message that names the option (and the file) at fault.
 */
public final class TlsSettings {

  private final TlsScope scope;
  private final KeyManagerFactory keyManagers;
  private final TrustManagerFactory trustManagers;
  private final List<String> protocols;
  private final List<String> cipherSuites;

  private TlsSettings(TlsScope scope, KeyManagerFactory keyManagers, TrustManagerFactory trustManagers,
      List<String> protocols, List<String> cipherSuites) {
    this.scope = scope;
    this.keyManagers = keyManagers;
    this.trustManagers = trustManagers;
    this.protocols = protocols;
    this.cipherSuites = cipherSuites;
  }

  /**
   * The material of mutual TLS between processes, or empty when {@code security.ssl.internal.enabled}
   * is false; both a keystore and a truststore are required.
   */
  public static Optional<TlsSettings> internal(Configuration conf) {
    if (!conf.get(SecurityOptions.INTERNAL_ENABLED)) {
      return Optional.empty();
    }
    return Optional.of(load(conf, TlsScope.INTERNAL, true, true));
  }

  /**
   * The material of the REST server, or empty when {@code security.ssl.rest.enabled} is false: a
   * keystore, and a truststore when client certificates are required.
   */
  public static Optional<TlsSettings> restServer(Configuration conf) {
    if (!conf.get(SecurityOptions.REST_ENABLED)) {
      return Optional.empty();
    }
    return Optional.of(load(conf, TlsScope.REST, true, conf.get(SecurityOptions.REST_AUTHENTICATION_ENABLED)));
  }

  /**
   * The material of a REST client, or empty when {@code security.ssl.rest.enabled} is false. Without
   * {@code security.ssl.rest.truststore} the JVM's default truststore decides; the keystore is only
   * needed by a server that requires client certificates.
   */
  public static Optional<TlsSettings> restClient(Configuration conf) {
    if (!conf.get(SecurityOptions.REST_ENABLED)) {
      return Optional.empty();
    }
    boolean keystore = conf.getOptional(SecurityOptions.REST_KEYSTORE).isPresent()
        || conf.get(SecurityOptions.REST_AUTHENTICATION_ENABLED);
    boolean truststore = conf.getOptional(SecurityOptions.REST_TRUSTSTORE).isPresent();
    return Optional.of(load(conf, TlsScope.REST, keystore, truststore));
  }

  private static TlsSettings load(Configuration conf, TlsScope scope, boolean withKeys, boolean withTrust) {
    try {
      KeyManagerFactory keyManagers = withKeys ? keyManagers(conf, scope) : null;
      TrustManagerFactory trustManagers = withTrust ? trustManagers(conf, scope) : null;
      List<String> protocols = checkedList(conf, scope.protocols, supported().getProtocols());
      List<String> cipherSuites = checkedList(conf, scope.cipherSuites, supported().getCipherSuites());
      if (protocols.isEmpty()) {
        throw new IllegalConfigurationException(scope.protocols.key() + " names no TLS version.");
      }
      return new TlsSettings(scope, keyManagers, trustManagers, protocols, cipherSuites);
    } catch (IllegalConfigurationException e) {
      throw new IllegalConfigurationException(scope.enabled.key() + " is true, but " + e.getMessage());
    }
  }

  private static KeyManagerFactory keyManagers(Configuration conf, TlsScope scope) {
    KeyStore store = KeyStores.load(conf, scope.keystore, scope.keystorePassword, true);
    String file = conf.get(scope.keystore);
    String keyPassword = conf.getOptional(scope.keyPassword).orElse(conf.get(scope.keystorePassword));
    ConfigOption<String> keyPasswordOption =
        conf.getOptional(scope.keyPassword).isPresent() ? scope.keyPassword : scope.keystorePassword;
    try {
      if (!KeyStores.hasPrivateKey(store)) {
        throw new IllegalConfigurationException(scope.keystore.key() + " (" + file + ") holds no private key;"
            + " make one with keytool -genkeypair.");
      }
      KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, keyPassword.toCharArray());
      return factory;
    } catch (UnrecoverableKeyException e) {
      throw new IllegalConfigurationException(keyPasswordOption.key() + " does not unlock the private key in "
          + scope.keystore.key() + " (" + file + "): " + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new IllegalConfigurationException(scope.keystore.key() + " (" + file + ") cannot be used: " + e);
    }
  }

  private static TrustManagerFactory trustManagers(Configuration conf, TlsScope scope) {
    KeyStore store = KeyStores.load(conf, scope.truststore, scope.truststorePassword, false);
    String file = conf.get(scope.truststore);
    try {
      if (!KeyStores.hasCertificate(store)) {
        throw new IllegalConfigurationException(scope.truststore.key() + " (" + file + ") holds no certificate;"
            + " add the trusted ones with keytool -importcert.");
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory;
    } catch (GeneralSecurityException e) {
      throw new IllegalConfigurationException(scope.truststore.key() + " (" + file + ") cannot be used: " + e);
    }
  }

  private static SSLParameters supported() {
    try {
      return SSLContext.getDefault().getSupportedSSLParameters();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JVM has no TLS implementation", e);
    }
  }

  /** The comma-separated values of {@code option}, each checked against what the JDK supports. */
  private static List<String> checkedList(Configuration conf, ConfigOption<String> option, String[] supported) {
    String value = conf.get(option);
    List<String> values = new ArrayList<>();
    if (value == null) {
      return values;
    }
    Set<String> known = Set.of(supported);
    for (String part : value.split(",")) {
      String name = part.trim();
      if (name.isEmpty()) {
        continue;
      }
      if (!known.contains(name)) {
        throw new IllegalConfigurationException(option.key() + " names '" + name + "', which this JVM does not"
            + " support; it supports " + String.join(", ", Arrays.stream(supported).limit(40).toList())
            + (supported.length > 40 ? ", ..." : "") + ".");
      }
      values.add(name);
    }
    return values;
  }

  /** The scope these settings belong to. */
  public TlsScope scope() {
    return scope;
  }

  /** What this process presents, or null when it presents no certificate. */
  public KeyManagerFactory keyManagers() {
    return keyManagers;
  }

  /** What this process trusts, or null for the JVM's default truststore. */
  public TrustManagerFactory trustManagers() {
    return trustManagers;
  }

  /** The allowed TLS versions, never empty. */
  public List<String> protocols() {
    return protocols;
  }

  /** The allowed cipher suites; empty for the JDK's defaults. */
  public List<String> cipherSuites() {
    return cipherSuites;
  }

  /** A JDK SSL context with this material (for HTTPS servers and clients). */
  public SSLContext sslContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers == null ? null : keyManagers.getKeyManagers(),
          trustManagers == null ? null : trustManagers.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot create the TLS context of " + scope.enabled.key() + ": " + e, e);
    }
  }
}
