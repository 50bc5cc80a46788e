package io.spate.runtime.rpc.remote;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.runtime.security.TlsSettings;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Mutual TLS for the control plane, from the same {@code security.ssl.internal.*} material as the
 * data plane: both sides present their keystore's certificate and accept only a peer that the
 * truststore trusts. As on the data plane, trust rests on the truststore alone; host names are not
 * checked, because processes are often addressed by IP.
 *
 * @param server the context of the RPC server
 * @param client the context of connections to other processes
 */
record RpcTls(SslContext server, SslContext client) {

  /** The contexts of {@code settings}, which hold both a keystore and a truststore. */
  static RpcTls of(TlsSettings settings) {
    String[] protocols = settings.protocols().toArray(String[]::new);
    Iterable<String> ciphers = settings.cipherSuites().isEmpty() ? null : settings.cipherSuites();
    TrustManager trust = new TruststoreOnly(trustManager(settings));
    try {
      SslContextBuilder server = GrpcSslContexts.configure(SslContextBuilder.forServer(settings.keyManagers()),
          SslProvider.JDK);
      SslContextBuilder client = GrpcSslContexts.configure(SslContextBuilder.forClient(), SslProvider.JDK);
      return new RpcTls(
          server.trustManager(trust).clientAuth(ClientAuth.REQUIRE).protocols(protocols).ciphers(ciphers).build(),
          client.keyManager(settings.keyManagers()).trustManager(trust).protocols(protocols).ciphers(ciphers)
              .build());
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalConfigurationException("The TLS settings of " + settings.scope().enabledOption().key()
          + " cannot be used for RPC connections: " + e.getMessage());
    }
  }

  private static X509TrustManager trustManager(TlsSettings settings) {
    for (TrustManager manager : settings.trustManagers().getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new IllegalConfigurationException(settings.scope().enabledOption().key()
        + " is true, but its truststore offers no X.509 trust manager");
  }

  /** Checks a peer's chain against the truststore and nothing else (no host name identification). */
  private static final class TruststoreOnly extends X509ExtendedTrustManager {
    private final X509TrustManager delegate;

    TruststoreOnly(X509TrustManager delegate) {
      this.delegate = delegate;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate.getAcceptedIssuers();
    }
  }
}
