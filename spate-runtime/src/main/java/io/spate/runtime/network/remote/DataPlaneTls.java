package io.spate.runtime.network.remote;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.runtime.security.TlsSettings;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLException;

/**
 * Mutual TLS for data connections (JDK provider): both sides present the certificate of their
 * keystore and accept only a peer whose certificate their truststore trusts. Trust rests on the
 * truststore alone; host names are not checked, as processes are often addressed by IP.
 */
final class DataPlaneTls {

  private final SslContext server;
  private final SslContext client;
  private final long handshakeTimeoutMillis;

  private DataPlaneTls(SslContext server, SslContext client, long handshakeTimeoutMillis) {
    this.server = server;
    this.client = client;
    this.handshakeTimeoutMillis = handshakeTimeoutMillis;
  }

  /** The contexts of {@code settings}, which must have both a keystore and a truststore. */
  static DataPlaneTls of(TlsSettings settings, long handshakeTimeoutMillis) {
    String[] protocols = settings.protocols().toArray(String[]::new);
    Iterable<String> ciphers = settings.cipherSuites().isEmpty() ? null : settings.cipherSuites();
    try {
      SslContext server = SslContextBuilder.forServer(settings.keyManagers())
          .trustManager(settings.trustManagers())
          .clientAuth(ClientAuth.REQUIRE)
          .sslProvider(SslProvider.JDK)
          .protocols(protocols)
          .ciphers(ciphers)
          .build();
      SslContext client = SslContextBuilder.forClient()
          .keyManager(settings.keyManagers())
          .trustManager(settings.trustManagers())
          .sslProvider(SslProvider.JDK)
          .protocols(protocols)
          .ciphers(ciphers)
          .build();
      return new DataPlaneTls(server, client, handshakeTimeoutMillis);
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalConfigurationException("The TLS settings of " + settings.scope().enabledOption().key()
          + " cannot be used for data connections: " + e.getMessage());
    }
  }

  /** The first handler of an accepted connection. */
  SslHandler serverHandler(ByteBufAllocator alloc) {
    SslHandler handler = server.newHandler(alloc);
    handler.setHandshakeTimeoutMillis(handshakeTimeoutMillis);
    return handler;
  }

  /** The first handler of a connection to {@code peer}. */
  SslHandler clientHandler(ByteBufAllocator alloc, InetSocketAddress peer) {
    SslHandler handler = client.newHandler(alloc, peer.getHostString(), peer.getPort());
    handler.setHandshakeTimeoutMillis(handshakeTimeoutMillis);
    return handler;
  }
}
