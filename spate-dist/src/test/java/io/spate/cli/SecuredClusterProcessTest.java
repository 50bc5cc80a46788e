package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.spate.cli.SpateCommands.Outcome;
import io.spate.clitest.EndlessJob;
import io.spate.runtime.rpc.remote.RpcProtocol;
import io.spate.runtime.rpc.remote.proto.ClientFrame;
import io.spate.runtime.rpc.remote.proto.Hello;
import io.spate.runtime.rpc.remote.proto.Lookup;
import io.spate.runtime.rpc.remote.proto.ServerFrame;
import io.spate.runtime.rpc.remote.proto.SpateRpcGrpc;
import io.spate.runtime.security.ClusterSecret;
import io.spate.testing.Await;
import io.spate.testing.TestJars;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster whose REST API requires a bearer token, started with {@code spate cluster start} as a user
 * does: its TaskManagers get up, its processes authenticate each other with the cluster secret the
 * command made, no secret shows on a command line, the client commands read conf/spate.yaml, and a
 * stranger (a TaskManager or a hand-made gRPC client without the secret) is refused.
 */
@Tag("fault-injection")
@Timeout(value = 300, unit = TimeUnit.SECONDS) // several JVMs start one after the other
class SecuredClusterProcessTest {

  private static final String TOKEN = "t0ken-of-the-secured-cluster";
  private static final Pattern STARTED = Pattern.compile("REST API at http://([0-9.]+:\\d+)");
  private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");

  @TempDir
  Path home;

  private Path log;
  private int restPort;

  @BeforeEach
  void writeConfig() throws IOException {
    Files.createDirectories(home.resolve("conf"));
    log = home.resolve("log");
    try (ServerSocket socket = new ServerSocket(0)) {
      restPort = socket.getLocalPort();
    }
    // The token is not in the file: it comes with -D, as a secret an operator keeps out of files.
    Files.writeString(home.resolve("conf").resolve("spate.yaml"), """
        rest.address: 127.0.0.1
        rest.port: %d
        rest.authentication.type: bearer
        jobmanager.taskexecutor.slots: 1
        cluster.stop-timeout: 20 s
        """.formatted(restPort));
  }

  @AfterEach
  void stopLeftoverProcesses() throws Exception {
    // Only the processes this test's pid files name: never anything found by name.
    if (!Files.isDirectory(log)) {
      return;
    }
    try (Stream<Path> files = Files.list(log)) {
      for (Path pidFile : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
        Optional<Long> pid = ClusterFiles.pidIn(pidFile);
        Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of);
        if (process.isPresent()) {
          process.get().destroyForcibly();
          process.get().onExit().get(10, TimeUnit.SECONDS);
        }
      }
    }
  }

  @Test
  void aClusterWithBearerAuthenticationStartsRunsAJobAndRefusesStrangers() throws Exception {
    Outcome start = spate(120, "cluster", "start", "--taskmanagers", "2", "-D", "rest.authentication.token=" + TOKEN);
    assertThat(start.exitCode()).as(start.all()).isZero();
    assertThat(start.out()).contains("Started 2 TaskManager(s)").contains("Made the cluster secret");
    Matcher started = STARTED.matcher(start.out());
    assertThat(started.find()).as(start.out()).isTrue();
    String address = started.group(1);
    assertThat(address).isEqualTo("127.0.0.1:" + restPort);

    // The secret the command made is the user's alone, and neither it nor the token is on a command line.
    Path secretFile = log.resolve("spate-cluster.secret");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile))).isEqualTo("rw-------");
    String secret = Files.readString(secretFile).strip();
    List<Long> pids = new ArrayList<>(List.of(pid("spate-jobmanager.pid"), pid("spate-taskmanager-0.pid"),
        pid("spate-taskmanager-1.pid")));
    for (long pid : pids) {
      String commandLine = commandLine(pid);
      assertThat(commandLine).as("command line of %d", pid).contains("io.spate.cli.SpateCli")
          .doesNotContain(TOKEN).doesNotContain(secret);
    }
    try (Stream<Path> files = Files.list(log)) {
      assertThat(files.map(f -> f.getFileName().toString())).as("options files left behind")
          .noneMatch(name -> name.startsWith(SpateProcesses.OPTIONS_FILE_PREFIX));
    }

    // The client commands find the cluster through conf/spate.yaml's rest.port (no -m).
    Outcome list = spate(60, "list", "--token", TOKEN);
    assertThat(list.exitCode()).as(list.all()).isZero();
    assertThat(list.out()).contains("No jobs.");
    Outcome status = spate(60, "cluster", "status", "-D", "rest.authentication.token=" + TOKEN);
    assertThat(status.out()).as(status.all()).contains("TaskManagers: 2");

    // A job over both TaskManagers: its keyed exchange crosses the authenticated data plane, and its
    // checkpoints complete only if every channel carries the barriers.
    Path jar = TestJars.jar(home.resolve("endless.jar"), EndlessJob.class.getName(), EndlessJob.class);
    Outcome run = spate(120, "run", "-m", address, "--token", TOKEN, "-p", "2", jar.toString(), "secured-endless");
    assertThat(run.exitCode()).as(run.all()).isZero();
    Matcher job = JOB_ID.matcher(run.out());
    assertThat(job.find()).as(run.out()).isTrue();
    awaitCompletedCheckpoint(address, job.group(1));

    // A stranger's TaskManager: refused at its start while REST authentication is on and nothing else...
    String rpcAddress = Files.readString(log.resolve("spate-jobmanager.rpc")).strip();
    Outcome open = spate(60, "taskmanager", "--jobmanager", rpcAddress, "--slots", "1",
        "-D", "rest.authentication.token=x");
    assertThat(open.exitCode()).as(open.all()).isEqualTo(1);
    assertThat(open.err()).contains("security.internal.secret-file").contains("security.ssl.internal.enabled")
        .contains("security.internal.allow-unauthenticated");
    // ... and, told to run unprotected or given another secret, refused by the JobManager.
    Path otherSecret = home.resolve("other.secret");
    ClusterSecret.writeNew(otherSecret);
    for (String option : List.of("security.internal.allow-unauthenticated=true",
        "security.internal.secret-file=" + otherSecret)) {
      Outcome stranger = spate(90, "taskmanager", "--jobmanager", rpcAddress, "--slots", "1",
          "-D", "rest.authentication.token=x", "-D", option);
      assertThat(stranger.exitCode()).as(stranger.all()).isEqualTo(1);
      assertThat(stranger.err()).as(option).contains("cannot join the JobManager at " + rpcAddress)
          .containsIgnoringCase("authentication failed");
    }
    assertThat(Files.readString(log.resolve("spate-jobmanager.log")))
        .contains("Refused the RPC connection from").contains("authentication failed");
    Outcome taskManagers = spate(60, "taskmanagers", "--token", TOKEN);
    assertThat(taskManagers.out().lines().filter(line -> line.contains("slots"))).as(taskManagers.all()).hasSize(2);

    // A hand-made gRPC client without the secret gets no answer from the JobManager's RPC server.
    assertThat(rawGrpcClientStatus(rpcAddress).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);

    Outcome stop = spate(120, "cluster", "stop");
    assertThat(stop.exitCode()).as(stop.all()).isZero();
  }

  @Test
  void aJobManagerWithRestAuthenticationAndOpenInternalConnectionsRefusesToStart() throws Exception {
    Outcome jobManager = spate(60, "jobmanager", "-D", "rest.authentication.token=" + TOKEN);

    assertThat(jobManager.exitCode()).isEqualTo(1);
    assertThat(jobManager.err()).contains("REST API requires authentication")
        .contains("security.internal.secret-file").contains("security.ssl.internal.enabled")
        .contains("security.internal.allow-unauthenticated");
  }

  private void awaitCompletedCheckpoint(String address, String jobId) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address + "/jobs/" + jobId + "/checkpoints"))
        .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(10)).build();
    Await.untilMatches(Duration.ofSeconds(90), "a completed checkpoint of job " + jobId, () -> {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() + " " + response.body();
    }, answer -> answer.startsWith("200 ") && answer.contains("\"COMPLETED\""));
  }

  /** How the RPC server at {@code hostAndPort} ends a stream from a plain gRPC client that knows no secret. */
  private static Status rawGrpcClientStatus(String hostAndPort) throws Exception {
    int colon = hostAndPort.lastIndexOf(':');
    ManagedChannel channel = NettyChannelBuilder.forAddress(hostAndPort.substring(0, colon),
        Integer.parseInt(hostAndPort.substring(colon + 1))).usePlaintext().build();
    try {
      BlockingQueue<ServerFrame> frames = new LinkedBlockingQueue<>();
      CompletableFuture<Status> closed = new CompletableFuture<>();
      StreamObserver<ClientFrame> requests = SpateRpcGrpc.newStub(channel).connect(new StreamObserver<>() {
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
      requests.onNext(ClientFrame.newBuilder().setHello(Hello.newBuilder().setProtocolVersion(RpcProtocol.VERSION)
          .setSpateVersion("stranger")).build());
      requests.onNext(ClientFrame.newBuilder().setLookup(Lookup.newBuilder().setCorrelationId(1)
          .setEndpoint("dispatcher").setGateway("io.spate.runtime.dispatcher.DispatcherGateway")).build());
      Status status = closed.get(30, TimeUnit.SECONDS);
      assertThat(frames).as("frames the stranger got").isEmpty();
      return status;
    } finally {
      channel.shutdownNow();
    }
  }

  private long pid(String pidFile) {
    return ClusterFiles.pidIn(log.resolve(pidFile)).orElseThrow(() -> new AssertionError("no pid in " + pidFile));
  }

  private static String commandLine(long pid) throws IOException {
    return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")), StandardCharsets.UTF_8)
        .replace('\0', ' ');
  }

  private Outcome spate(long timeoutSeconds, String... args) throws IOException, InterruptedException {
    return SpateCommands.run(home, timeoutSeconds, args);
  }
}
