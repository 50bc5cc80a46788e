package io.spate.cli.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the CLI says when the connection to a REST API ends without an answer, against loopback servers. */
class RestClusterClientConnectionTest {

  @Test
  void aServerThatGoesAwayMidRequestIsNotReachable() throws Exception {
    ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    int port = server.getLocalPort();
    // Like a JobManager process that ends while it handles the request: the port closes, then the connection.
    CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
      try (ServerSocket listening = server; Socket connection = listening.accept()) {
        connection.getInputStream().read();
        listening.close();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    RestClusterClient client = new RestClusterClient("127.0.0.1", port);
    assertThatThrownBy(() -> client.runJar("some-jar", Map.of()))
        .isInstanceOf(RestClientException.class)
        .hasMessageStartingWith("The cluster at 127.0.0.1:" + port + " is not reachable")
        .hasMessageContaining("POST /jars/some-jar/run")
        .hasMessageNotContaining("HTTPS");
    served.get(30, TimeUnit.SECONDS);
  }

  @Test
  void aServerThatKeepsListeningButClosesTheConnectionMayServeHttps() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = server.getLocalPort();
      // Like an HTTPS server reading a plain HTTP request: it hangs up, and goes on listening.
      CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
        try (Socket connection = server.accept()) {
          connection.getInputStream().read();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      RestClusterClient client = new RestClusterClient("127.0.0.1", port);
      assertThatThrownBy(() -> client.runJar("some-jar", Map.of()))
          .isInstanceOf(RestClientException.class)
          .hasMessageStartingWith("The REST API at http://127.0.0.1:" + port + " closed the connection")
          .hasMessageContaining("if the cluster serves HTTPS, add -D security.ssl.rest.enabled=true");
      served.get(30, TimeUnit.SECONDS);
    }
  }
}
