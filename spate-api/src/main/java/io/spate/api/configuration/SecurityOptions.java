package io.spate.api.configuration;

import io.spate.api.annotation.Internal;

/**
 * Options of TLS: mutual TLS on the connections between cluster processes ({@code
 * security.ssl.internal.*}) and HTTPS for the REST API ({@code security.ssl.rest.*}). Keystores
 * and truststores are files in PKCS12 or JKS format, such as the JDK's {@code keytool} writes.
 */
@Internal
public final class SecurityOptions {

  private SecurityOptions() {}

  // ---- between cluster processes ----

  /** Whether connections between processes use mutual TLS. */
  public static final ConfigOption<Boolean> INTERNAL_ENABLED = ConfigOption.key("security.ssl.internal.enabled")
      .booleanType().defaultValue(false)
      .withDescription("Whether the connections between cluster processes (the data plane between TaskManagers and"
          + " the RPC control plane between all cluster processes)"
          + " use mutual TLS: each side presents the certificate of security.ssl.internal.keystore and accepts"
          + " only a peer whose certificate security.ssl.internal.truststore trusts. Every process of a cluster"
          + " must agree; a plain-text peer is refused.");

  /** The keystore with this process's key and certificate. */
  public static final ConfigOption<String> INTERNAL_KEYSTORE = ConfigOption.key("security.ssl.internal.keystore")
      .stringType().noDefaultValue()
      .withDescription("Path of the keystore (PKCS12 or JKS) holding the private key and certificate this"
          + " process presents to its peers; required when security.ssl.internal.enabled is true.");

  /** The password of the internal keystore. */
  public static final ConfigOption<String> INTERNAL_KEYSTORE_PASSWORD =
      ConfigOption.key("security.ssl.internal.keystore-password")
          .stringType().noDefaultValue().secret()
          .withDescription("Password of security.ssl.internal.keystore.");

  /** The password of the key inside the internal keystore. */
  public static final ConfigOption<String> INTERNAL_KEY_PASSWORD = ConfigOption.key("security.ssl.internal.key-password")
      .stringType().noDefaultValue().secret()
      .withDescription("Password of the private key inside security.ssl.internal.keystore. Unset: the keystore"
          + " password (keytool's PKCS12 keystores use one password for both).");

  /** The truststore with the certificates of trusted peers. */
  public static final ConfigOption<String> INTERNAL_TRUSTSTORE = ConfigOption.key("security.ssl.internal.truststore")
      .stringType().noDefaultValue()
      .withDescription("Path of the truststore (PKCS12 or JKS) with the certificates (or their issuers) of the"
          + " peers this process accepts; required when security.ssl.internal.enabled is true.");

  /** The password of the internal truststore. */
  public static final ConfigOption<String> INTERNAL_TRUSTSTORE_PASSWORD =
      ConfigOption.key("security.ssl.internal.truststore-password")
          .stringType().noDefaultValue().secret()
          .withDescription("Password of security.ssl.internal.truststore.");

  /** The TLS versions allowed between processes. */
  public static final ConfigOption<String> INTERNAL_PROTOCOLS = ConfigOption.key("security.ssl.internal.protocols")
      .stringType().defaultValue("TLSv1.3")
      .withDescription("Comma-separated TLS versions allowed between processes, such as TLSv1.3 or"
          + " TLSv1.3,TLSv1.2; peers without a version in common are refused.");

  /** The cipher suites allowed between processes. */
  public static final ConfigOption<String> INTERNAL_CIPHER_SUITES = ConfigOption.key("security.ssl.internal.cipher-suites")
      .stringType().noDefaultValue()
      .withDescription("Comma-separated cipher suites allowed between processes, by their JDK names. Unset: the"
          + " JDK's defaults for the allowed versions.");

  // ---- authentication between cluster processes without TLS ----

  /** The file holding the cluster secret with which processes authenticate each other. */
  public static final ConfigOption<String> INTERNAL_SECRET_FILE = ConfigOption.key("security.internal.secret-file")
      .stringType().noDefaultValue()
      .withDescription("Path of a file (readable only by its owner) holding the cluster secret: every RPC and data"
          + " connection between cluster processes then starts with a mutual challenge-response over fresh nonces"
          + " (HMAC-SHA256), and a peer without the same secret is refused. It authenticates but does not encrypt:"
          + " use security.ssl.internal.* for that. Every process of a cluster must name a file with the same"
          + " content; 'spate cluster start' makes one when REST authentication is on and neither this nor"
          + " security.ssl.internal.enabled is set.");

  /** Whether a process with REST authentication may run with open internal planes. */
  public static final ConfigOption<Boolean> INTERNAL_ALLOW_UNAUTHENTICATED =
      ConfigOption.key("security.internal.allow-unauthenticated")
          .booleanType().defaultValue(false)
          .withDescription("Dangerous: lets a JobManager or TaskManager whose REST API requires authentication start"
              + " although neither security.internal.secret-file nor security.ssl.internal.enabled protects its RPC"
              + " and data connections, so that anyone who reaches their ports can list and cancel jobs or join"
              + " as a TaskManager. Without it such a process refuses to start.");

  // ---- REST API ----

  /** Whether the REST API is served over HTTPS. */
  public static final ConfigOption<Boolean> REST_ENABLED = ConfigOption.key("security.ssl.rest.enabled")
      .booleanType().defaultValue(false)
      .withDescription("Whether the REST API is served over HTTPS only (with the certificate of"
          + " security.ssl.rest.keystore); the CLI then connects with https and checks that certificate against"
          + " security.ssl.rest.truststore (or the JVM's default truststore, -Djavax.net.ssl.trustStore).");

  /** Whether the REST server requires client certificates. */
  public static final ConfigOption<Boolean> REST_AUTHENTICATION_ENABLED =
      ConfigOption.key("security.ssl.rest.authentication-enabled")
          .booleanType().defaultValue(false)
          .withDescription("Whether the REST server requires a client certificate that security.ssl.rest.truststore"
              + " trusts (mutual TLS); clients then present the certificate of security.ssl.rest.keystore.");

  /** The keystore of the REST server (or of a client presenting a certificate). */
  public static final ConfigOption<String> REST_KEYSTORE = ConfigOption.key("security.ssl.rest.keystore")
      .stringType().noDefaultValue()
      .withDescription("Path of the keystore (PKCS12 or JKS) with the REST server's private key and certificate;"
          + " for the CLI, the client certificate it presents when the server requires one.");

  /** The password of the REST keystore. */
  public static final ConfigOption<String> REST_KEYSTORE_PASSWORD = ConfigOption.key("security.ssl.rest.keystore-password")
      .stringType().noDefaultValue().secret()
      .withDescription("Password of security.ssl.rest.keystore.");

  /** The password of the key inside the REST keystore. */
  public static final ConfigOption<String> REST_KEY_PASSWORD = ConfigOption.key("security.ssl.rest.key-password")
      .stringType().noDefaultValue().secret()
      .withDescription("Password of the private key inside security.ssl.rest.keystore. Unset: the keystore password.");

  /** The truststore of REST clients (or of a server checking client certificates). */
  public static final ConfigOption<String> REST_TRUSTSTORE = ConfigOption.key("security.ssl.rest.truststore")
      .stringType().noDefaultValue()
      .withDescription("Path of the truststore (PKCS12 or JKS) the CLI checks the REST server's certificate"
          + " against, and the server checks client certificates against when"
          + " security.ssl.rest.authentication-enabled is true.");

  /** The password of the REST truststore. */
  public static final ConfigOption<String> REST_TRUSTSTORE_PASSWORD =
      ConfigOption.key("security.ssl.rest.truststore-password")
          .stringType().noDefaultValue().secret()
          .withDescription("Password of security.ssl.rest.truststore.");

  /** The TLS versions the REST API allows. */
  public static final ConfigOption<String> REST_PROTOCOLS = ConfigOption.key("security.ssl.rest.protocols")
      .stringType().defaultValue("TLSv1.3,TLSv1.2")
      .withDescription("Comma-separated TLS versions the REST API allows.");

  /** The cipher suites the REST API allows. */
  public static final ConfigOption<String> REST_CIPHER_SUITES = ConfigOption.key("security.ssl.rest.cipher-suites")
      .stringType().noDefaultValue()
      .withDescription("Comma-separated cipher suites the REST API allows, by their JDK names. Unset: the JDK's"
          + " defaults.");
}
