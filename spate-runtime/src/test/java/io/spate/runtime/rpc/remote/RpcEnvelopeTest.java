package io.spate.runtime.rpc.remote;

import io.spate.runtime.rpc.ClusterSerialization;
import io.spate.runtime.rpc.ClusterObjectFilter;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.spate.runtime.rpc.remote.proto.Call;
import io.spate.runtime.rpc.remote.proto.ClientFrame;
import io.spate.runtime.rpc.remote.proto.Reply;
import io.spate.runtime.rpc.remote.proto.ServerFrame;
import io.spate.runtime.rpc.remote.proto.SpateRpcGrpc;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hand-made envelopes against a real server: what a broken or hostile peer could send. */
class RpcEnvelopeTest {

  private GrpcRpcService callee;
  private EchoEndpoint endpoint;
  private ManagedChannel channel;
  private final BlockingQueue<ServerFrame> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Status> closed = new CompletableFuture<>();
  private StreamObserver<ClientFrame> requests;

  @BeforeEach
  void connect() throws Exception {
    callee = GrpcRpcService.start(GrpcRpcServiceTest.conf());
    endpoint = new EchoEndpoint(callee, "echo");
    channel = NettyChannelBuilder.forAddress("127.0.0.1", callee.boundAddress().getPort()).usePlaintext().build();
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

  @AfterEach
  void close() {
    channel.shutdownNow();
    endpoint.close();
    callee.close();
  }

  private ServerFrame next() throws InterruptedException {
    ServerFrame frame = frames.poll(20, TimeUnit.SECONDS);
    assertThat(frame).as("a frame from the server").isNotNull();
    return frame;
  }

  private void hello() throws InterruptedException {
    requests.onNext(ClientFrame.newBuilder().setHello(RpcProtocol.hello(RpcProtocol.VERSION)).build());
    assertThat(next().getHello().getProtocolVersion()).isEqualTo(RpcProtocol.VERSION);
  }

  private static Call.Builder echoCall(long id, ByteString argument) {
    return Call.newBuilder().setCorrelationId(id).setEndpoint("echo").setGateway(EchoGateway.class.getName())
        .setMethod("echo").addParameterTypes(String.class.getName()).addArguments(argument).setExpectsReply(true);
  }

  private Reply call(Call.Builder call) throws InterruptedException {
    requests.onNext(ClientFrame.newBuilder().setCall(call).build());
    return next().getReply();
  }

  @Test
  void malformedArgumentBytesFailTheCallAndTheConnectionServesTheNext() throws Exception {
    hello();

    Reply refused = call(echoCall(1, ByteString.copyFromUtf8("not a serialized value")));
    Reply answered = call(echoCall(2, ByteString.copyFrom(ClusterSerialization.serialize("x"))));

    assertThat(refused.getCorrelationId()).isEqualTo(1);
    assertThat(refused.getError().getRpcFailure()).isTrue();
    assertThat(refused.getError().getMessage()).contains("Argument 0 of echo.echo").contains("was refused");
    assertThat(answered.getCorrelationId()).isEqualTo(2);
    assertThat(ClusterSerialization.deserialize(answered.getResult().toByteArray(), getClass().getClassLoader(),
        ClusterObjectFilter.ofMaxBytes(1 << 20))).isEqualTo("x from echo");
  }

  @Test
  void anUnknownMethodOrGatewayIsRefusedByName() throws Exception {
    hello();

    Reply noMethod = call(echoCall(1, ByteString.EMPTY).setMethod("launchMissiles"));
    Reply noGateway = call(echoCall(2, ByteString.EMPTY).setGateway("java.lang.Runnable"));
    Reply wrongArguments = call(echoCall(3, ByteString.EMPTY).addArguments(ByteString.EMPTY));

    assertThat(noMethod.getError().getMessage()).contains("echo.launchMissiles").contains("has no such method");
    assertThat(noGateway.getError().getMessage()).contains("java.lang.Runnable is not a gateway interface");
    assertThat(wrongArguments.getError().getMessage()).contains("carries 2 arguments for 1 parameters");
  }

  @Test
  void aCallBeforeTheHelloClosesTheConnection() throws Exception {
    requests.onNext(ClientFrame.newBuilder().setCall(echoCall(1, ByteString.EMPTY)).build());

    Status status = closed.get(20, TimeUnit.SECONDS);

    assertThat(status.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(status.getDescription()).contains("hello");
  }
}
