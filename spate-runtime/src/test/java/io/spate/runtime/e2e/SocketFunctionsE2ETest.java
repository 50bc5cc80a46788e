package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.sink.SocketClientSink;
import io.spate.api.functions.source.SocketTextStreamFunction;
import io.spate.api.serialization.schema.SimpleStringSchema;
import io.spate.api.typeinfo.Types;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Flink's socket source and sink functions in jobs, against a server on the loopback interface. */
class SocketFunctionsE2ETest {

  private final ExecutorService server = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopServer() {
    server.shutdownNow();
  }

  private static ServerSocket loopbackServer() throws Exception {
    ServerSocket socket = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
    socket.setSoTimeout(20_000); // a test whose job never connects fails instead of hanging
    return socket;
  }

  /** Serves one connection per text, in order, each closed after its text is sent. */
  private CompletableFuture<Void> serve(ServerSocket socket, String... texts) {
    return CompletableFuture.runAsync(() -> {
      try (socket) {
        for (String text : texts) {
          try (Socket connection = socket.accept(); OutputStream out = connection.getOutputStream()) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
          }
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, server);
  }

  @Test
  void theSourceCutsTheTextAtTheDelimiterAndEmitsTheRestAtTheEnd() throws Exception {
    ServerSocket socket = loopbackServer();
    CompletableFuture<Void> served = serve(socket, "alpha\nbeta\r\ngam", "ma");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    // two connections: the first ends, the second is the last allowed
    List<String> lines = E2eSupport.collect(env.addSource(
        new SocketTextStreamFunction("127.0.0.1", socket.getLocalPort(), "\n", 2, 0), Types.STRING));
    served.get(20, TimeUnit.SECONDS);
    assertThat(lines).containsExactly("alpha", "beta", "gamma");
  }

  @Test
  void aDelimiterOfSeveralCharactersKeepsCarriageReturns() throws Exception {
    ServerSocket socket = loopbackServer();
    CompletableFuture<Void> served = serve(socket, "a\r||b||");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<String> lines = E2eSupport.collect(env.addSource(
        new SocketTextStreamFunction("127.0.0.1", socket.getLocalPort(), "||", 0), Types.STRING));
    served.get(20, TimeUnit.SECONDS);
    assertThat(lines).containsExactly("a\r", "b");
  }

  @Test
  void theSinkWritesEverySerializedRecordToTheServer() throws Exception {
    ServerSocket socket = loopbackServer();
    CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
      try (socket; Socket connection = socket.accept(); InputStream in = connection.getInputStream()) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes); // until the sink closes the connection
        return bytes.toString(StandardCharsets.UTF_8);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, server);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromData(List.of("x;", "y;", "z;"), Types.STRING)
        .addSink(new SocketClientSink<>("127.0.0.1", socket.getLocalPort(), new SimpleStringSchema(), 0, true));
    E2eSupport.run(env, "socket sink");
    assertThat(received.get(20, TimeUnit.SECONDS)).isEqualTo("x;y;z;");
  }

  @Test
  void writeToSocketSendsEveryRecordThroughOneConnection() throws Exception {
    ServerSocket socket = loopbackServer();
    CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
      // One accept only: a second parallel instance would find no one listening and fail the job.
      try (socket; Socket connection = socket.accept(); InputStream in = connection.getInputStream()) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, server);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 50).map(n -> n + ";").returns(Types.STRING)
        .writeToSocket("127.0.0.1", socket.getLocalPort(), new SimpleStringSchema());
    E2eSupport.run(env, "write to socket");
    List<String> records = List.of(received.get(20, TimeUnit.SECONDS).split(";"));
    assertThat(records).containsExactlyInAnyOrderElementsOf(
        java.util.stream.LongStream.rangeClosed(1, 50).mapToObj(Long::toString).toList());
  }

  @Test
  void aSinkWithoutServerFailsTheJobNamingTheAddress() throws Exception {
    int freePort;
    try (ServerSocket probe = loopbackServer()) {
      freePort = probe.getLocalPort();
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromData(List.of("x"), Types.STRING)
        .addSink(new SocketClientSink<>("127.0.0.1", freePort, new SimpleStringSchema()));
    assertThatThrownBy(() -> E2eSupport.run(env, "socket sink without server"))
        .hasStackTraceContaining("cannot connect to the socket server at 127.0.0.1:" + freePort);
  }

  @Test
  void badSettingsAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> new SocketTextStreamFunction("localhost", 70_000, "\n", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port 70000");
    assertThatThrownBy(() -> new SocketTextStreamFunction("localhost", 9000, "\n", -2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxNumRetries is -2");
    assertThatThrownBy(() -> new SocketTextStreamFunction("localhost", 9000, "\n", 0, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delayBetweenRetries is -1");
    assertThatThrownBy(() -> new SocketClientSink<>("localhost", 0, new SimpleStringSchema()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port 0");
    assertThatThrownBy(() -> new SocketClientSink<>("localhost", 9000, new SimpleStringSchema(), -3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxNumRetries is -3");
  }
}
