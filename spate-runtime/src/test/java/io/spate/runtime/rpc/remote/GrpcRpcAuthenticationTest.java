package io.spate.runtime.rpc.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.SecurityOptions;
import io.spate.runtime.rpc.ClusterSerialization;
import io.spate.runtime.rpc.RpcAuthenticationException;
import io.spate.runtime.rpc.remote.proto.Authenticate;
import io.spate.runtime.rpc.remote.proto.Call;
import io.spate.runtime.rpc.remote.proto.ClientFrame;
import io.spate.runtime.rpc.remote.proto.Lookup;
import io.spate.runtime.rpc.remote.proto.ServerFrame;
import io.spate.runtime.rpc.remote.proto.SpateRpcGrpc;
import io.spate.runtime.security.ClusterSecret;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster secret on the control plane: processes with the same secret call each other; a process
 * without it, or with another one, and a hand-made gRPC client that does not prove it, are refused
 * before any call reaches an endpoint, with an authentication failure at the caller.
 */
class GrpcRpcAuthenticationTest {

  @TempDir
  static Path dir;

  private static Path clusterSecret;
  private static Path otherSecret;

  private GrpcRpcService callee;
  private EchoEndpoint endpoint;

  @BeforeAll
  static void makeSecrets() throws Exception {
    clusterSecret = dir.resolve("cluster.secret");
    otherSecret = dir.resolve("other.secret");
    ClusterSecret.writeNew(clusterSecret);
    ClusterSecret.writeNew(otherSecret);
  }

  private static Configuration withSecret(Path file) {
    return GrpcRpcServiceTest.conf().set(SecurityOptions.INTERNAL_SECRET_FILE, file.toString());
  }

  @BeforeEach
  void startCallee() throws Exception {
    callee = GrpcRpcService.start(withSecret(clusterSecret));
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
  void processesWithTheSecretCallEachOtherInOrder() throws Exception {
    try (GrpcRpcService caller = GrpcRpcService.start(withSecret(clusterSecret))) {
      EchoGateway gateway = caller.connect(callee.remoteAddress("echo"), EchoGateway.class).get(20, TimeUnit.SECONDS);
      IntStream.range(0, 50).forEach(gateway::record);
      assertThat(recordedByTheEndpoint()).isNotNull(); // the local gateway answers as well

      assertThat(gateway.echo("hi").get(20, TimeUnit.SECONDS)).isEqualTo("hi from echo");
      assertThat(gateway.recorded().get(20, TimeUnit.SECONDS)).isEqualTo(IntStream.range(0, 50).boxed().toList());
    }
  }

  @Test
  void aProcessWithoutTheSecretIsRefusedWithAnAuthenticationFailure() throws Exception {
    try (GrpcRpcService stranger = GrpcRpcService.start(GrpcRpcServiceTest.conf())) {
      Throwable failure = failureOf(stranger.connect(callee.remoteAddress("echo"), EchoGateway.class));

      assertThat(RpcAuthenticationException.isCauseOf(failure)).as("%s", failure).isTrue();
      assertThat(failure).hasMessageContaining(callee.hostAndPort()).hasMessageContaining("authentication failed")
          .hasMessageContaining("security.internal.secret-file");
    }
  }

  @Test
  void aProcessWithAnotherSecretIsRefusedWithAnAuthenticationFailure() throws Exception {
    try (GrpcRpcService stranger = GrpcRpcService.start(withSecret(otherSecret))) {
      Throwable failure = failureOf(stranger.connect(callee.remoteAddress("echo"), EchoGateway.class));

      assertThat(RpcAuthenticationException.isCauseOf(failure)).as("%s", failure).isTrue();
      assertThat(failure.getMessage()).containsIgnoringCase("authentication")
          .contains("holds another secret");
    }
  }

  @Test
  void aProcessWithTheSecretRefusesAServerWithoutIt() throws Exception {
    try (GrpcRpcService open = GrpcRpcService.start(GrpcRpcServiceTest.conf());
        GrpcRpcService caller = GrpcRpcService.start(withSecret(clusterSecret))) {
      EchoEndpoint unprotected = new EchoEndpoint(open, "echo");
      Throwable failure = failureOf(caller.connect(open.remoteAddress("echo"), EchoGateway.class));
      unprotected.close();

      assertThat(RpcAuthenticationException.isCauseOf(failure)).as("%s", failure).isTrue();
      assertThat(failure).hasMessageContaining("does not authenticate with the cluster secret");
    }
  }

  @Test
  void aHandMadeClientWithoutTheSecretGetsNoAnswerToAnyCall() throws Exception {
    try (RawClient raw = new RawClient(callee.boundAddress().getPort())) {
      raw.send(ClientFrame.newBuilder().setHello(RpcProtocol.hello(RpcProtocol.VERSION)).build());
      raw.send(ClientFrame.newBuilder().setLookup(Lookup.newBuilder().setCorrelationId(1).setEndpoint("echo")
          .setGateway(EchoGateway.class.getName())).build());
      raw.send(ClientFrame.newBuilder().setCall(echoCall()).build());

      Status status = raw.closed.get(20, TimeUnit.SECONDS);

      assertThat(status.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(status.getDescription()).contains("authentication failed");
      assertThat(raw.frames).isEmpty();
      assertThat(recordedByTheEndpoint()).isEmpty();
    }
  }

  @Test
  void aHandMadeClientThatSkipsOrFakesItsProofGetsNoAnswer() throws Exception {
    for (List<ClientFrame> afterHello : List.of(
        List.of(ClientFrame.newBuilder().setCall(echoCall()).build()),
        List.of(ClientFrame.newBuilder().setAuthenticate(Authenticate.newBuilder()
            .setProof(ByteString.copyFrom(new byte[ClusterSecret.PROOF_SIZE]))).build(),
            ClientFrame.newBuilder().setCall(echoCall()).build()))) {
      try (RawClient raw = new RawClient(callee.boundAddress().getPort())) {
        raw.send(ClientFrame.newBuilder().setHello(RpcProtocol.hello(RpcProtocol.VERSION).toBuilder()
            .setNonce(ByteString.copyFrom(ClusterSecret.nonce()))).build());
        afterHello.forEach(raw::send);

        Status status = raw.closed.get(20, TimeUnit.SECONDS);

        assertThat(status.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        // Only the server's hello, with its nonce and proof; no reply.
        assertThat(raw.frames).hasSize(1).allSatisfy(frame -> assertThat(frame.hasHello()).isTrue());
        assertThat(recordedByTheEndpoint()).isEmpty();
      }
    }
  }

  /** A well-formed call of {@code record(7)}. */
  private static Call echoCall() {
    try {
      return Call.newBuilder().setCorrelationId(2).setEndpoint("echo").setGateway(EchoGateway.class.getName())
          .setMethod("record").addParameterTypes("int")
          .addArguments(ByteString.copyFrom(ClusterSerialization.serialize(7))).build();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<Integer> recordedByTheEndpoint() throws Exception {
    return callee.connect("echo", EchoGateway.class).get(20, TimeUnit.SECONDS).recorded().get(20, TimeUnit.SECONDS);
  }

  /** A gRPC client of the RPC service that sends frames by hand, as a stranger's program would. */
  private static final class RawClient implements AutoCloseable {
    final BlockingQueue<ServerFrame> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Status> closed = new CompletableFuture<>();
    private final ManagedChannel channel;
    private final StreamObserver<ClientFrame> requests;

    RawClient(int port) {
      channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
      requests = SpateRpcGrpc.newStub(channel).connect(new StreamObserver<>() {
        @Override
        public void onNext(ServerFrame frame) {
          frames.add(frame);
        }

        @Override
        public void onError(Throwable t) {
          closed.complete(Status.fromThrowable(t));
        }

        @Override
        public void onCompleted() {
          closed.complete(Status.OK);
        }
      });
    }

    void send(ClientFrame frame) {
      requests.onNext(frame);
    }

    @Override
    public void close() {
      channel.shutdownNow();
    }
  }
}
