package io.spate.connectors.base;

import io.spate.testing.Await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.connector.sink.lib.TestWriterContext;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sink writer base against a real TCP server on loopback, the writer driven as a task drives it. */
class AsyncSinkWriterBaseTest {

  private LineStoreServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = new LineStoreServer();
  }

  @AfterEach
  void stopServer() throws IOException {
    server.close();
  }

  private LineStoreSink.Writer writer(AsyncSinkWriterOptions options) {
    return new LineStoreSink.Writer(server.port(), options, 0);
  }

  private static List<String> elements(int count) {
    return IntStream.range(0, count).mapToObj(i -> "e" + i).toList();
  }

  @Test
  void keepsAtMostNRequestsInFlightAndPausesTheTaskWhenTheBufferIsFull() throws Exception {
    AsyncSinkWriterOptions options = AsyncSinkWriterOptions.DEFAULTS
        .withMaxBatchSize(10).withMaxInFlightRequests(3).withMaxBufferedElements(40);
    server.hold();
    List<String> written = elements(1000);
    try (LineStoreSink.Writer writer = writer(options)) {
      int next = 0;
      // Write as a task does: only while the writer says it takes records.
      while (writer.isAvailable().isDone()) {
        assertThat(next).as("records taken while the server answers nothing").isLessThan(written.size());
        writer.write(written.get(next++), TestWriterContext.NO_TIME);
      }
      CompletableFuture<Void> available = writer.isAvailable();
      assertThat(writer.inFlight()).isEqualTo(3);
      assertThat(writer.buffered()).isEqualTo(40);
      assertThat(next).isEqualTo(1 + 2 * 10 + 40); // a first request of one, two full batches, a full buffer
      Await.until(Duration.ofSeconds(20), "the server serves the requests in flight", () -> server.serving() == 3);
      assertThat(available).isNotDone();
      server.release();
      available.get(10, TimeUnit.SECONDS);
      for (int round = 0; next < written.size(); round++) {
        assertThat(round).isLessThan(1_000_000);
        if (writer.isAvailable().isDone()) {
          writer.write(written.get(next++), TestWriterContext.NO_TIME);
        } else {
          writer.isAvailable().get(10, TimeUnit.SECONDS);
        }
      }
      writer.flush(true);
      assertThat(writer.inFlight()).isZero();
    }
    assertThat(server.maxServing()).isEqualTo(3);
    assertThat(server.stored()).containsExactlyInAnyOrderElementsOf(written);
  }

  @Test
  void flushWaitsUntilEveryRequestInFlightIsWritten() throws Exception {
    server.hold();
    List<String> written = elements(25);
    try (LineStoreSink.Writer writer = writer(AsyncSinkWriterOptions.DEFAULTS.withMaxBatchSize(10))) {
      for (String element : written) {
        writer.write(element, TestWriterContext.NO_TIME);
      }
      CompletableFuture<Void> flushed = CompletableFuture.runAsync(() -> {
        try {
          writer.flush(false);
        } catch (IOException | InterruptedException e) {
          throw new RuntimeException(e);
        }
      });
      Await.until(Duration.ofSeconds(20), "every element reaches the server", () -> server.serving() >= 3);
      assertThat(flushed).as("a flush while the server has not answered").isNotDone();
      assertThat(server.stored()).isEmpty();
      server.release();
      flushed.get(10, TimeUnit.SECONDS);
      assertThat(server.stored()).containsExactlyInAnyOrderElementsOf(written);
    }
  }

  @Test
  void retriesAFailedRequestAndWritesEachElementOnce() throws Exception {
    server.failNext(2);
    List<String> written = elements(5);
    AsyncSinkWriterOptions options = AsyncSinkWriterOptions.DEFAULTS.withRetries(3, Duration.ofMillis(1));
    try (LineStoreSink.Writer writer = writer(options)) {
      for (String element : written) {
        writer.write(element, TestWriterContext.NO_TIME);
      }
      writer.flush(true);
    }
    assertThat(server.stored()).containsExactlyInAnyOrderElementsOf(written);
    assertThat(server.requests()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aRequestThatKeepsFailingFailsTheFlushNamingTheSink() throws Exception {
    server.failNext(1_000);
    AsyncSinkWriterOptions options = AsyncSinkWriterOptions.DEFAULTS.withRetries(3, Duration.ofMillis(1));
    try (LineStoreSink.Writer writer = writer(options)) {
      writer.write("lost?", TestWriterContext.NO_TIME);
      assertThatThrownBy(() -> writer.flush(false))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("Sink line-store: a request of 1 elements failed 3 times")
          .hasMessageContaining("the server answered FAIL disk full");
      assertThatThrownBy(() -> writer.write("next", TestWriterContext.NO_TIME))
          .as("a writer that failed takes nothing more").isInstanceOf(IOException.class);
    }
    assertThat(server.requests()).isEqualTo(3);
    assertThat(server.stored()).isEmpty();
  }

  @Test
  void aFlushThatTheClientDoesNotAnswerTimesOut() throws Exception {
    server.hold();
    AsyncSinkWriterOptions options = AsyncSinkWriterOptions.DEFAULTS.withFlushTimeout(Duration.ofMillis(200));
    try (LineStoreSink.Writer writer = writer(options)) {
      writer.write("slow", TestWriterContext.NO_TIME);
      assertThatThrownBy(() -> writer.flush(false))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("Sink line-store: flush timed out")
          .hasMessageContaining("1 requests in flight");
      server.release();
    }
  }

  @Test
  void rejectsInvalidLimits() {
    assertThatThrownBy(() -> AsyncSinkWriterOptions.DEFAULTS.withMaxInFlightRequests(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxInFlightRequests (0)");
    assertThatThrownBy(() -> AsyncSinkWriterOptions.DEFAULTS.withMaxBufferedElements(1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBufferedElements (1)");
  }
}
