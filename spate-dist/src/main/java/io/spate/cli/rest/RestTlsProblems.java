package io.spate.cli.rest;

import java.util.Locale;
import javax.net.ssl.SSLException;

/** Explains a failed TLS connection to the REST API in the terms of the options that fix it. */
final class RestTlsProblems {

  private RestTlsProblems() {}

  /** What went wrong with TLS when {@code e} reached {@code base}, or null if {@code e} is no TLS problem. */
  static String explain(String base, Throwable e) {
    SSLException tls = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLException ssl) {
        tls = ssl;
        break;
      }
    }
    if (tls == null) {
      return null;
    }
    String detail = tls.getMessage() == null ? tls.getClass().getSimpleName() : tls.getMessage();
    String lower = detail.toLowerCase(Locale.ROOT);
    if (lower.contains("pkix") || lower.contains("certification path") || lower.contains("certificate_unknown")) {
      return "The certificate of " + base + " is not trusted: " + detail + ". Set security.ssl.rest.truststore (and"
          + " security.ssl.rest.truststore-password) to a truststore holding the cluster's certificate, such as"
          + " -D security.ssl.rest.truststore=/path/to/truststore.p12.";
    }
    if (lower.contains("subject alternative name") || lower.contains("no name matching")) {
      return "The certificate of " + base + " does not name the host this command connects to: " + detail
          + ". Connect with a host name the certificate names (-m <host:port>), or make the certificate with"
          + " keytool -ext san=dns:<host>,ip:<address>.";
    }
    if (lower.contains("bad_certificate") || lower.contains("certificate_required")) {
      return "The REST API at " + base + " requires a client certificate it trusts: " + detail + ". Set"
          + " security.ssl.rest.keystore and security.ssl.rest.keystore-password to a keystore with such a"
          + " certificate.";
    }
    if (lower.contains("unrecognized ssl message") || lower.contains("plaintext")) {
      return "The REST API at " + base + " does not speak TLS: " + detail + ". Leave security.ssl.rest.enabled"
          + " unset for this cluster, or check the port.";
    }
    return "TLS with the REST API at " + base + " failed: " + detail + ". Check the security.ssl.rest.* options.";
  }
}
