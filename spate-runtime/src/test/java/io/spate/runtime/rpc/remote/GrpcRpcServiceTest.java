package io.spate.runtime.rpc.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.JobID;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.MemorySize;
import io.spate.runtime.resourcemanager.RegisteredTaskExecutor;
import io.spate.runtime.resourcemanager.ResourceManager;
import io.spate.runtime.resourcemanager.ResourceManagerGateway;
import io.spate.runtime.resourcemanager.SlotOffer;
import io.spate.runtime.rpc.RpcException;
import io.spate.testing.Await;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GrpcRpcServiceTest {

  private static final long WAIT_SECONDS = 20;

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  static Configuration conf() {
    return new Configuration()
        .set(RpcOptions.BIND_HOST, "127.0.0.1")
        .set(RpcOptions.PORT, "0")
        .set(RpcOptions.ASK_TIMEOUT, Duration.ofSeconds(5));
  }

  private GrpcRpcService start(Configuration conf) throws IOException {
    GrpcRpcService service = GrpcRpcService.start(conf);
    toClose.add(service);
    return service;
  }

  private EchoEndpoint echo(GrpcRpcService service, String name) {
    EchoEndpoint endpoint = new EchoEndpoint(service, name);
    toClose.add(endpoint);
    return endpoint;
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** The failure of {@code future}, unwrapped from the ExecutionException. */
  private static Throwable failureOf(CompletableFuture<?> future) {
    ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> future.get(WAIT_SECONDS, TimeUnit.SECONDS));
    return e.getCause();
  }

  @Test
  void requestResponseRunsOnTheRemoteEndpointsMainThread() throws Exception {
    GrpcRpcService caller = start(conf());
    GrpcRpcService callee = start(conf());
    echo(callee, "echo");

    String address = callee.remoteAddress("echo");
    EchoGateway gateway = await(caller.connect(address, EchoGateway.class));

    assertThat(address).isEqualTo("127.0.0.1:" + callee.boundAddress().getPort() + "/echo");
    assertThat(gateway.getAddress()).isEqualTo(address);
    assertThat(await(gateway.echo("hi"))).isEqualTo("hi from echo");
    assertThat(await(gateway.allOnMainThread())).isTrue();
  }

  @Test
  void localNamesStillConnectInProcess() throws Exception {
    GrpcRpcService service = start(conf());
    EchoEndpoint endpoint = echo(service, "echo");

    EchoGateway gateway = await(service.connect("echo", EchoGateway.class));

    assertThat(gateway.getAddress()).isEqualTo("echo");
    assertThat(await(gateway.echo("local"))).isEqualTo("local from echo");
    assertThat(service.remoteAddress(endpoint)).isEqualTo(service.remoteAddress("echo"));
  }

  @Test
  void aTaskExecutorRegistersWithARealResourceManagerInAnotherProcess() throws Exception {
    GrpcRpcService taskManagerProcess = start(conf());
    GrpcRpcService jobManagerProcess = start(conf());
    ResourceManager resourceManager = new ResourceManager(jobManagerProcess, "resourcemanager");
    toClose.add(resourceManager);

    ResourceManagerGateway gateway = await(taskManagerProcess.connect(
        jobManagerProcess.remoteAddress(resourceManager), ResourceManagerGateway.class));
    String taskExecutor = taskManagerProcess.remoteAddress("taskexecutor-0");
    await(gateway.registerTaskExecutor(taskExecutor, 2));
    JobID job = JobID.generate();
    List<SlotOffer> offers = await(gateway.requestSlots(job, jobManagerProcess.remoteAddress("jobmaster-test"), 2));
    int freeWhileHeld = await(gateway.freeSlots());
    gateway.releaseSlots(job);
    int freeAfterRelease = await(gateway.freeSlots());
    List<RegisteredTaskExecutor> executors = await(gateway.requestTaskExecutors());

    assertThat(offers).containsExactly(new SlotOffer(taskExecutor, 0, null), new SlotOffer(taskExecutor, 1, null));
    assertThat(freeWhileHeld).isZero();
    // The fire-and-forget release ran before the later request/response call.
    assertThat(freeAfterRelease).isEqualTo(2);
    assertThat(executors).extracting(RegisteredTaskExecutor::address).containsExactly(taskExecutor);
  }

  @Test
  void fireAndForgetCallsRunInTheOrderTheyWereMade() throws Exception {
    GrpcRpcService caller = start(conf());
    GrpcRpcService callee = start(conf());
    echo(callee, "echo");
    EchoGateway gateway = await(caller.connect(callee.remoteAddress("echo"), EchoGateway.class));

    int calls = 3000;
    for (int i = 0; i < calls; i++) {
      gateway.record(i);
    }

    assertThat(await(gateway.recorded())).containsExactlyElementsOf(IntStream.range(0, calls).boxed().toList());
    assertThat(await(gateway.allOnMainThread())).isTrue();
  }

  @Test
  void aRemoteExceptionReachesTheCallerWithItsClassAndMessage() throws Exception {
    GrpcRpcService caller = start(conf());
    GrpcRpcService callee = start(conf());
    echo(callee, "echo");
    EchoGateway gateway = await(caller.connect(callee.remoteAddress("echo"), EchoGateway.class));

    Throwable failure = failureOf(gateway.fail("boom"));

    assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    assertThat(await(gateway.echo("still there"))).isEqualTo("still there from echo");
  }

  @Test
  void aRemoteExceptionThatCannotBeReadBackArrivesAsTextWithItsCauseChain() throws Exception {
    GrpcRpcService caller = start(conf());
    GrpcRpcService callee = start(conf());
    echo(callee, "echo");
    EchoGateway gateway = await(caller.connect(callee.remoteAddress("echo"), EchoGateway.class));

    Throwable failure = failureOf(gateway.failWithLibraryException());

    assertThat(failure).isInstanceOf(RpcException.class)
        .hasMessageContaining("echo.failWithLibraryException at " + callee.remoteAddress("echo"))
        .hasMessageContaining("java.lang.IllegalArgumentException: outer")
        .hasMessageContaining("caused by: io.grpc.StatusRuntimeException: NOT_FOUND: gone");
  }

  @Test
  void anUnknownEndpointFailsNamingTheAddress() throws Exception {
    GrpcRpcService caller = start(conf());
    GrpcRpcService callee = start(conf());
    String address = callee.remoteAddress("nobody");

    Throwable failure = failureOf(caller.connect(address, EchoGateway.class));

    assertThat(failure).isInstanceOf(RpcException.class).hasMessageContaining("No endpoint at " + address);
  }

  @Test
  void anEndpointOfAnotherGatewayTypeFailsNamingTheAddress() throws Exception {
    GrpcRpcService caller = start(conf());
    GrpcRpcService callee = start(conf());
    toClose.add(new ResourceManager(callee, "resourcemanager"));
    String address = callee.remoteAddress("resourcemanager");

    Throwable failure = failureOf(caller.connect(address, EchoGateway.class));

    assertThat(failure).isInstanceOf(RpcException.class)
        .hasMessageContaining("The endpoint at " + address + " is not a EchoGateway");
  }

  @Test
  void aMalformedAddressFailsNamingTheText() throws Exception {
    GrpcRpcService caller = start(conf());

    Throwable failure = failureOf(caller.connect("127.0.0.1:70000/echo", EchoGateway.class));

    assertThat(failure).isInstanceOf(RpcException.class).hasMessageContaining("'127.0.0.1:70000/echo'")
        .hasMessageContaining("not a port");
  }

  @Test
  void aPeerThatIsGoneFailsTheCallWithAnRpcException() throws Exception {
    GrpcRpcService caller = start(conf());
    GrpcRpcService callee = GrpcRpcService.start(conf());
    String address = callee.remoteAddress("echo");
    callee.close();

    Throwable failure = failureOf(caller.connect(address, EchoGateway.class));

    assertThat(failure).isInstanceOf(RpcException.class).hasMessageContaining(callee.hostAndPort());
  }

  @Test
  void aCallWithoutAnswerFailsAfterTheAskTimeout() throws Exception {
    GrpcRpcService caller = start(conf().set(RpcOptions.ASK_TIMEOUT, Duration.ofMillis(300)));
    GrpcRpcService callee = start(conf());
    echo(callee, "echo");
    // Connecting is a call too, bound by the same short timeout: on a loaded machine it may need a second try.
    EchoGateway gateway = Await.untilSucceeds(Duration.ofSeconds(30), "a connection within the 300 ms ask timeout",
        () -> await(caller.connect(callee.remoteAddress("echo"), EchoGateway.class)));

    Throwable failure = failureOf(gateway.never());

    assertThat(failure).isInstanceOf(RpcException.class).hasMessageContaining("echo.never")
        .hasMessageContaining(callee.remoteAddress("echo")).hasMessageContaining("rpc.ask-timeout");
  }

  @Test
  void pendingCallsFailWhenThePeerGoesAway() throws Exception {
    GrpcRpcService caller = start(conf().set(RpcOptions.ASK_TIMEOUT, Duration.ofSeconds(30)));
    GrpcRpcService callee = GrpcRpcService.start(conf());
    EchoEndpoint endpoint = new EchoEndpoint(callee, "echo");
    EchoGateway gateway = await(caller.connect(callee.remoteAddress("echo"), EchoGateway.class));
    CompletableFuture<String> pending = gateway.never();
    await(gateway.echo("delivered"));

    callee.close();
    endpoint.close();

    assertThat(failureOf(pending)).isInstanceOf(RpcException.class).hasMessageContaining(callee.hostAndPort());
  }

  @Test
  void theServiceReconnectsWhenThePeerRestartsOnTheSamePort() throws Exception {
    GrpcRpcService caller = start(conf());
    GrpcRpcService callee = GrpcRpcService.start(conf());
    EchoEndpoint endpoint = new EchoEndpoint(callee, "echo");
    int port = callee.boundAddress().getPort();
    EchoGateway gateway = await(caller.connect(callee.remoteAddress("echo"), EchoGateway.class));
    assertThat(await(gateway.echo("before"))).isEqualTo("before from echo");

    callee.close();
    endpoint.close();
    Throwable whileDown = failureOf(gateway.echo("while down"));
    GrpcRpcService restarted = start(conf().set(RpcOptions.PORT, String.valueOf(port)));
    echo(restarted, "echo");

    assertThat(whileDown).isInstanceOf(RpcException.class).hasMessageContaining("127.0.0.1:" + port);
    assertThat(await(gateway.echo("after"))).isEqualTo("after from echo");
  }

  @Test
  void processesOfDifferentProtocolVersionsRefuseEachOtherClearly() throws Exception {
    GrpcRpcService caller = start(conf());
    GrpcRpcService newer = GrpcRpcService.start(conf(), RpcProtocol.VERSION + 98);
    toClose.add(newer);
    echo(newer, "echo");

    Throwable failure = failureOf(caller.connect(newer.remoteAddress("echo"), EchoGateway.class));

    assertThat(failure).isInstanceOf(RpcException.class).hasMessageContaining("The process at "
        + newer.hostAndPort() + " speaks Spate RPC protocol " + (RpcProtocol.VERSION + 98) + ", this process "
        + RpcProtocol.VERSION);
  }

  @Test
  void anArgumentOfADisallowedClassIsRefusedAndTheServerKeepsServing() throws Exception {
    GrpcRpcService caller = start(conf());
    GrpcRpcService callee = start(conf());
    echo(callee, "echo");
    EchoGateway gateway = await(caller.connect(callee.remoteAddress("echo"), EchoGateway.class));

    Throwable failure = failureOf(gateway.describe(new File("/etc/passwd")));

    assertThat(failure).isInstanceOf(RpcException.class).hasMessageContaining("Argument 0 of echo.describe")
        .hasMessageContaining("class java.io.File is not allowed");
    assertThat(await(gateway.describe(List.of(1, 2)))).startsWith("java.util.ImmutableCollections");
  }

  @Test
  void aResultOfADisallowedClassIsRefusedByTheCaller() throws Exception {
    GrpcRpcService caller = start(conf());
    GrpcRpcService callee = start(conf());
    echo(callee, "echo");
    EchoGateway gateway = await(caller.connect(callee.remoteAddress("echo"), EchoGateway.class));

    Throwable failure = failureOf(gateway.file());

    assertThat(failure).isInstanceOf(RpcException.class).hasMessageContaining("The result of echo.file")
        .hasMessageContaining("class java.io.File is not allowed");
    assertThat(await(gateway.echo("next"))).isEqualTo("next from echo");
  }

  @Test
  void aCallLargerThanTheMessageLimitFailsAtTheCaller() throws Exception {
    GrpcRpcService caller = start(conf().set(RpcOptions.MAX_MESSAGE_SIZE, MemorySize.parse("64kb")));
    GrpcRpcService callee = start(conf());
    echo(callee, "echo");
    EchoGateway gateway = await(caller.connect(callee.remoteAddress("echo"), EchoGateway.class));

    Throwable failure = failureOf(gateway.size(new byte[100_000]));

    assertThat(failure).isInstanceOf(RpcException.class).hasMessageContaining("echo.size")
        .hasMessageContaining("rpc.max-message-size");
    assertThat(await(gateway.size(new byte[1000]))).isEqualTo(1000);
  }

  @Test
  void aMessageLargerThanTheServersLimitIsRefusedAndTheServerKeepsServing() throws Exception {
    GrpcRpcService caller = start(conf());
    GrpcRpcService callee = start(conf().set(RpcOptions.MAX_MESSAGE_SIZE, MemorySize.parse("64kb")));
    echo(callee, "echo");
    EchoGateway gateway = await(caller.connect(callee.remoteAddress("echo"), EchoGateway.class));

    Throwable failure = failureOf(gateway.size(new byte[100_000]));

    assertThat(failure).isInstanceOf(RpcException.class).hasMessageContaining("echo.size")
        .hasMessageContaining(callee.hostAndPort()).hasMessageContaining("rpc.max-message-size");
    assertThat(await(gateway.size(new byte[1000]))).isEqualTo(1000);
  }

  @Test
  void tooManyPendingCallsAreRefusedAtOnce() throws Exception {
    GrpcRpcService caller = start(conf().set(RpcOptions.MAX_PENDING_CALLS, 3));
    GrpcRpcService callee = start(conf());
    echo(callee, "echo");
    EchoGateway gateway = await(caller.connect(callee.remoteAddress("echo"), EchoGateway.class));
    for (int i = 0; i < 3; i++) {
      gateway.never();
    }

    Throwable failure = failureOf(gateway.never());

    assertThat(failure).isInstanceOf(RpcException.class).hasMessageContaining("rpc.max-pending-calls");
  }
}
