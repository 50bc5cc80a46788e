package io.spate.runtime.network.remote;

import io.netty.handler.ssl.NotSslRecordException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/** Turns the exceptions of a failed TLS connection into a reason an operator can act on. */
final class TlsFailures {

  private static final int MAX_MESSAGE = 300;

  private TlsFailures() {}

  /** Why TLS failed, with a hint at the option to check. */
  static String describe(Throwable cause) {
    if (cause instanceof NotSslRecordException) {
      return "TLS failed: the peer does not speak TLS (set security.ssl.internal.enabled on every process)";
    }
    if (cause instanceof ClosedChannelException) {
      return "TLS failed: the peer closed the connection during the TLS handshake (does it use TLS, and does it"
          + " trust this process's certificate? see security.ssl.internal.*)";
    }
    String message = messageOf(cause);
    String lower = message.toLowerCase(Locale.ROOT);
    String hint;
    if (lower.contains("pkix") || lower.contains("certification path") || lower.contains("certificate_unknown")
        || lower.contains("bad_certificate") || lower.contains("empty client certificate") || lower.contains("unknown_ca") || lower.contains("certificate_required")) {
      hint = "a certificate is not trusted (check security.ssl.internal.keystore and"
          + " security.ssl.internal.truststore on both processes)";
    } else if (lower.contains("protocol") || lower.contains("handshake_failure")) {
      hint = "no TLS version or cipher suite in common (check security.ssl.internal.protocols and"
          + " security.ssl.internal.cipher-suites on both processes)";
    } else {
      hint = "see security.ssl.internal.*";
    }
    return "TLS failed: " + message + " (" + hint + ")";
  }

  private static String messageOf(Throwable cause) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = cause; t != null && sb.length() < MAX_MESSAGE; t = t.getCause()) {
      String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (sb.indexOf(message) < 0) {
        sb.append(sb.length() == 0 ? "" : ": ").append(message);
      }
    }
    return sb.length() > MAX_MESSAGE ? sb.substring(0, MAX_MESSAGE) + "..." : sb.toString();
  }
}
