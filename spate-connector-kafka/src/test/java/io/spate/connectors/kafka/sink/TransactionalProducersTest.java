package io.spate.connectors.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.testing.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The producers of an exactly-once writer when the writer closes while one is still being prepared. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TransactionalProducersTest {

  private static final int SUBTASK = 7;
  private static final String PREPARING_THREAD = "spate-kafka-sink-producers (subtask " + SUBTASK + ")";

  @Test
  void closeEndsAPreparationThatWaitsForTheBrokersAndClosesItsProducer() throws Exception {
    // No broker answers at this address, so initTransactions waits for one for up to max.block.ms.
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort());
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "600000");
    config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200");
    TransactionalProducers producers = new TransactionalProducers(config, new TransactionalIds("closing"), SUBTASK,
        0, null);
    String networkThread = "kafka-producer-network-thread | spate-kafka-sink-closing-" + SUBTASK + "-0";

    producers.prepareAhead();
    Await.until(Duration.ofSeconds(30), "the first producer in initTransactions", () ->
        threads(PREPARING_THREAD).stream().anyMatch(thread -> Arrays.stream(thread.getStackTrace())
            .anyMatch(frame -> frame.getMethodName().equals("initTransactions"))));
    assertThat(threads(networkThread)).as("the prepared producer's I/O thread").hasSize(1);

    producers.close();

    assertThat(threads(PREPARING_THREAD)).as("the preparing thread, once close() returned").isEmpty();
    assertThat(threads(networkThread)).as("the prepared producer's I/O thread, once close() returned").isEmpty();
    assertThat(producers.created()).as("producers created").isEqualTo(1);
  }

  private static List<Thread> threads(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && thread.getName().equals(name))
        .toList();
  }

  /** A loopback port nothing listens on. */
  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free loopback port", e);
    }
  }
}
