package io.spate.runtime.rpc.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.Configuration;
import io.spate.runtime.rpc.RpcException;
import io.spate.runtime.security.TlsFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrpcRpcTlsTest {

  @TempDir
  static Path stores;

  private static TlsFixture fixture;

  private GrpcRpcService callee;
  private EchoEndpoint endpoint;

  @BeforeAll
  static void makeStores() throws Exception {
    fixture = TlsFixture.create(stores);
  }

  private static Configuration withRpc(Configuration conf) {
    return conf.set(RpcOptions.BIND_HOST, "127.0.0.1").set(RpcOptions.PORT, "0")
        .set(RpcOptions.ASK_TIMEOUT, Duration.ofSeconds(5));
  }

  @BeforeEach
  void startCallee() throws Exception {
    callee = GrpcRpcService.start(withRpc(fixture.internal(fixture.clusterKeystore())));
    endpoint = new EchoEndpoint(callee, "echo");
  }

  @AfterEach
  void stopCallee() {
    endpoint.close();
    callee.close();
  }

  private static Throwable failureOf(CompletableFuture<?> future) {
    ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> future.get(20, TimeUnit.SECONDS));
    return e.getCause();
  }

  @Test
  void processesWithTheClusterCertificateTalkOverMutualTls() throws Exception {
    try (GrpcRpcService caller = GrpcRpcService.start(withRpc(fixture.internal(fixture.clusterKeystore())))) {
      EchoGateway gateway = caller.connect(callee.remoteAddress("echo"), EchoGateway.class).get(20, TimeUnit.SECONDS);

      assertThat(gateway.echo("secret").get(20, TimeUnit.SECONDS)).isEqualTo("secret from echo");
    }
  }

  @Test
  void aClientWithoutATrustedCertificateCannotCallAnything() throws Exception {
    try (GrpcRpcService stranger = GrpcRpcService.start(withRpc(fixture.internal(fixture.strangerKeystore())))) {
      Throwable failure = failureOf(stranger.connect(callee.remoteAddress("echo"), EchoGateway.class));

      assertThat(failure).isInstanceOf(RpcException.class).hasMessageContaining(callee.hostAndPort());
    }
  }

  @Test
  void aPlainTextClientCannotCallAnything() throws Exception {
    try (GrpcRpcService plain = GrpcRpcService.start(withRpc(new Configuration()))) {
      Throwable failure = failureOf(plain.connect(callee.remoteAddress("echo"), EchoGateway.class));

      assertThat(failure).isInstanceOf(RpcException.class).hasMessageContaining(callee.hostAndPort());
    }
  }
}
