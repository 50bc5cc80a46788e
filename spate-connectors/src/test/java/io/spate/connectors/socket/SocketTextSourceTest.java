package io.spate.connectors.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.lib.SourceHarness;
import io.spate.api.typeinfo.Types;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SocketTextSourceTest {

  private ServerSocket server;

  @BeforeEach
  void openServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void closeServer() throws IOException {
    server.close();
  }

  /** Accepts one connection, writes {@code chunks} one by one, then closes the connection. */
  private CompletableFuture<Void> serve(String... chunks) {
    return CompletableFuture.runAsync(() -> {
      try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
        for (String chunk : chunks) {
          out.write(chunk.getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private SocketTextSource source(String delimiter) {
    return new SocketTextSource("127.0.0.1", server.getLocalPort(), delimiter);
  }

  @Test
  void emitsLinesUntilTheServerClosesIncludingTheLastUnterminatedOne() throws Exception {
    CompletableFuture<Void> served = serve("a\nb\r\n", "c");
    SocketTextSource source = source("\n");
    assertThat(source.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
    assertThat(source.getProducedType()).isEqualTo(Types.STRING);
    try (var harness = SourceHarness.start(source, 1)) {
      assertThat(harness.runToEnd()).containsExactly("a", "b", "c");
    }
    served.get(10, TimeUnit.SECONDS);
  }

  @Test
  void splitsOnAMultiCharacterDelimiterAcrossReads() throws Exception {
    CompletableFuture<Void> served = serve("x|", "|y||", "", "z||", "ü|", "|");
    try (var harness = SourceHarness.start(source("||"), 1)) {
      assertThat(harness.runToEnd()).containsExactly("x", "y", "z", "ü");
    }
    served.get(10, TimeUnit.SECONDS);
  }

  @Test
  void deliversMoreRecordsThanTheQueueHoldsInOrder() throws Exception {
    List<String> lines = IntStream.range(0, SocketTextSource.QUEUE_CAPACITY * 20).mapToObj(i -> "r" + i).toList();
    CompletableFuture<Void> served = serve(String.join("\n", lines) + "\n");
    try (var harness = SourceHarness.start(source("\n"), 1)) {
      assertThat(harness.runToEnd()).containsExactlyElementsOf(lines);
    }
    served.get(10, TimeUnit.SECONDS);
  }

  @Test
  void onlySubtaskZeroConnects() throws Exception {
    CompletableFuture<Void> served = serve("only\n");
    try (var harness = SourceHarness.start(source("\n"), 3)) {
      assertThat(harness.runToEnd()).containsExactly("only");
      assertThat(harness.records(0)).containsExactly("only");
    }
    served.get(10, TimeUnit.SECONDS);
  }

  @Test
  void aFailedConnectionNamesHostPortAndReason() throws Exception {
    int port = server.getLocalPort();
    server.close();
    try (var harness = SourceHarness.start(new SocketTextSource("127.0.0.1", port, "\n"), 1)) {
      assertThatThrownBy(harness::runToEnd)
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("Socket source: cannot connect to 127.0.0.1:" + port + ": ")
          .hasMessageContaining("refused");
    }
  }

  @Test
  void anUnknownHostIsNamed() throws Exception {
    try (var harness = SourceHarness.start(new SocketTextSource("no-such-host.invalid", 9, "\n"), 1)) {
      assertThatThrownBy(harness::runToEnd)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("no-such-host.invalid:9")
          .hasMessageContaining("unknown host");
    }
  }

  @Test
  void closeStopsTheReadingThreadWhileTheServerStaysSilent() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
      try (Socket client = server.accept()) {
        client.getOutputStream().write("first\n".getBytes(StandardCharsets.UTF_8));
        release.await(10, TimeUnit.SECONDS);
      } catch (IOException | InterruptedException e) {
        throw new RuntimeException(e);
      }
    });
    var harness = SourceHarness.start(source("\n"), 1);
    String threadName = "spate-socket-source-127.0.0.1:" + server.getLocalPort() + "-fetcher-0 (subtask 0)";
    var reader = harness.reader(0);
    reader.isAvailable().get(10, TimeUnit.SECONDS);
    while (harness.records().isEmpty()) {
      harness.runOnce();
      reader.isAvailable().get(10, TimeUnit.SECONDS);
    }
    assertThat(harness.records()).containsExactly("first");
    assertThat(reader.pollNext(new SourceHarness.RecordingOutput<>())).isEqualTo(InputStatus.NOTHING_AVAILABLE);
    assertThat(threadAlive(threadName)).isTrue();
    harness.close();
    assertThat(threadAlive(threadName)).isFalse();
    release.countDown();
    served.get(10, TimeUnit.SECONDS);
  }

  private static boolean threadAlive(String name) {
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> new SocketTextSource("h", 70000, "\n")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SocketTextSource("h", 1, "")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void serializersRoundTrip() throws IOException {
    SocketTextSource source = source("\n");
    var splitSerializer = source.getSplitSerializer();
    var split = new SocketTextSource.SocketSplit("example.org", 9999);
    assertThat(splitSerializer.deserialize(splitSerializer.getVersion(), splitSerializer.serialize(split)))
        .isEqualTo(split);
    assertThat(split.splitId()).isEqualTo("example.org:9999");
    var checkpointSerializer = source.getEnumeratorCheckpointSerializer();
    assertThat(checkpointSerializer.serialize(null)).isEmpty();
    assertThat(checkpointSerializer.deserialize(checkpointSerializer.getVersion(), new byte[0])).isNull();
    assertThatThrownBy(() -> checkpointSerializer.deserialize(1, new byte[] {1})).isInstanceOf(IOException.class);
  }

  // ---------------------------------------------------------------- reconnecting (socketTextStream's maxRetry)

  /** Accepts one connection after another, writing each one's chunks and closing it. */
  private CompletableFuture<Void> serveConnections(String[]... connections) {
    return CompletableFuture.runAsync(() -> {
      for (String[] chunks : connections) {
        try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
          for (String chunk : chunks) {
            out.write(chunk.getBytes(StandardCharsets.UTF_8));
            out.flush();
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    });
  }

  @Test
  void reconnectsUpToMaxRetryTimesAndARecordGoesOnAcrossConnections() throws Exception {
    CompletableFuture<Void> served =
        serveConnections(new String[] {"a\nb"}, new String[] {"c\nd\n"}, new String[] {"e\n"});
    SocketTextSource source =
        new SocketTextSource("127.0.0.1", server.getLocalPort(), "\n", SocketTextSource.DEFAULT_CONNECT_TIMEOUT, 2);
    try (var harness = SourceHarness.start(source, 1)) {
      assertThat(harness.runToEnd()).containsExactly("a", "bc", "d", "e");
    }
    served.get(10, TimeUnit.SECONDS);
  }

  @Test
  void withoutRetriesTheFirstConnectionsEndEndsTheStream() throws Exception {
    CompletableFuture<Void> served = serveConnections(new String[] {"a\nb"});
    SocketTextSource source =
        new SocketTextSource("127.0.0.1", server.getLocalPort(), "\n", SocketTextSource.DEFAULT_CONNECT_TIMEOUT, 0);
    try (var harness = SourceHarness.start(source, 1)) {
      assertThat(harness.runToEnd()).containsExactly("a", "b");
    }
    served.get(10, TimeUnit.SECONDS);
    assertThatThrownBy(() -> new SocketTextSource("127.0.0.1", 1, "\n", SocketTextSource.DEFAULT_CONNECT_TIMEOUT, -2))
        .hasMessageContaining("maxRetry");
  }

  @Test
  @SuppressWarnings("deprecation")
  void theEnvironmentsFlinkOverloadsReadAndReconnect() throws Exception {
    var env = io.spate.api.datastream.StreamExecutionEnvironment.createLocalEnvironment(1);
    CompletableFuture<Void> served = serveConnections(new String[] {"x;y"}, new String[] {";z"});
    List<String> lines = new java.util.ArrayList<>();
    try (var it = env.socketTextStream("127.0.0.1", server.getLocalPort(), ';', 1).executeAndCollect()) {
      it.forEachRemaining(lines::add);
    }
    assertThat(lines).containsExactly("x", "y", "z");
    served.get(10, TimeUnit.SECONDS);

    serveConnections(new String[] {"p;q"}, new String[] {"never read"});
    lines.clear();
    try (var it = env.socketTextStream("127.0.0.1", server.getLocalPort(), ';').executeAndCollect()) {
      it.forEachRemaining(lines::add);
    }
    assertThat(lines).as("no retries by default").containsExactly("p", "q");
    assertThatThrownBy(() -> env.socketTextStream("127.0.0.1", 1, "\n", -2)).hasMessageContaining("maxRetry");
  }
}
