package io.spate.runtime.rest;

import io.javalin.config.JavalinConfig;
import io.spate.runtime.security.TlsSettings;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Serves the REST API over HTTPS only: one Jetty connector with the SSL context of {@code
 * security.ssl.rest.*}, optionally requiring a client certificate the truststore trusts.
 */
final class RestTls {

  private RestTls() {}

  /** Replaces Javalin's plain HTTP connector by an HTTPS one on {@code host}:{@code port}. */
  static void install(JavalinConfig config, TlsSettings tls, boolean requireClientCertificate, String host,
      int port) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setSslContext(tls.sslContext());
    ssl.setIncludeProtocols(tls.protocols().toArray(String[]::new));
    if (!tls.cipherSuites().isEmpty()) {
      ssl.setIncludeCipherSuites(tls.cipherSuites().toArray(String[]::new));
    }
    ssl.setNeedClientAuth(requireClientCertificate);
    // Javalin adds its plain connector only when none is configured.
    config.jetty.addConnector((server, http) -> {
      HttpConfiguration https = new HttpConfiguration(http);
      // Which host names the certificate covers is the client's concern, not the server's.
      https.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
      ServerConnector connector = new ServerConnector(server,
          new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
      connector.setHost(host);
      connector.setPort(port);
      return connector;
    });
  }
}
