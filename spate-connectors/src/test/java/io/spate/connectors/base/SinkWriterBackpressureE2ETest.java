package io.spate.connectors.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.spate.api.checkpoint.CheckpointedFunction;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.checkpoint.FunctionSnapshotContext;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.MapFunction;
import io.spate.api.state.CheckpointListener;
import io.spate.api.typeinfo.Types;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * A job writing to a slow client through the sink writer base: the full buffer holds the input
 * back without blocking the worker, so checkpoints keep completing; each checkpoint's flush leaves
 * every record before its barrier written; nothing is lost.
 */
class SinkWriterBackpressureE2ETest {

  private static final long RECORDS = 5_000;
  /** Records one poll of the sequence source emits at most: what may arrive after the writer asked to pause. */
  private static final int SOURCE_BATCH = 1024;
  private static final Map<Integer, LineStoreServer> SERVERS = new ConcurrentHashMap<>();
  private static final AtomicLong COMPLETED_CHECKPOINTS = new AtomicLong();
  private static final List<String> UNFLUSHED_AT_SNAPSHOT = new CopyOnWriteArrayList<>();

  /** Counts records on their way to the sink; at each snapshot, the server must have them all. */
  static final class CountAndCheckFlushed implements MapFunction<Long, String>, CheckpointedFunction,
      CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final int port;
    private transient long passed;

    CountAndCheckFlushed(int port) {
      this.port = port;
    }

    @Override
    public String map(Long value) {
      passed++;
      return Long.toString(value);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
      // The sink downstream in this chain flushed before any operator of it snapshots.
      int stored = SERVERS.get(port).storedCount();
      if (stored < passed) {
        UNFLUSHED_AT_SNAPSHOT.add("checkpoint " + context.getCheckpointId() + ": " + passed + " passed, "
            + stored + " stored");
      }
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {}

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      COMPLETED_CHECKPOINTS.incrementAndGet();
    }
  }

  @Test
  void aSlowClientHoldsTheInputBackWhileCheckpointsComplete() throws Exception {
    try (LineStoreServer server = new LineStoreServer()) {
      SERVERS.put(server.port(), server);
      server.delayAnswers(10); // 5,000 records in batches of 10, two at a time: about 2.5 seconds
      LineStoreSink.MAX_BUFFERED.set(0);
      Configuration conf = new Configuration();
      conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(50));
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
      env.setParallelism(1);
      AsyncSinkWriterOptions options = AsyncSinkWriterOptions.DEFAULTS
          .withMaxBatchSize(10).withMaxInFlightRequests(2).withMaxBufferedElements(30);
      env.fromSequence(0, RECORDS - 1)
          .map(new CountAndCheckFlushed(server.port())).returns(Types.STRING)
          .sinkTo(new LineStoreSink(server.port(), options));
      env.execute("slow client");

      assertThat(COMPLETED_CHECKPOINTS.get()).as("checkpoints completed while the client was slow")
          .isGreaterThanOrEqualTo(3);
      assertThat(UNFLUSHED_AT_SNAPSHOT).isEmpty();
      assertThat(server.maxServing()).isLessThanOrEqualTo(2);
      // Without the pause the buffer would take in the whole input; with it, the limit plus what
      // polls in flight when the writer turned unavailable emitted (one, rarely two: a request may
      // complete between the writer's answer and the task reading it).
      assertThat(LineStoreSink.MAX_BUFFERED.get()).as("elements buffered: the task paused its input")
          .isLessThanOrEqualTo(30 + 2 * SOURCE_BATCH);
      assertThat(server.stored()).containsExactlyInAnyOrderElementsOf(
          LongStream.range(0, RECORDS).mapToObj(Long::toString).toList());
    }
  }

  @Test
  void aRequestThatKeepsFailingFailsTheJobNamingTheSink() throws Exception {
    try (LineStoreServer server = new LineStoreServer()) {
      server.failNext(Integer.MAX_VALUE);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      env.setRestartStrategy(RestartStrategies.noRestart());
      AsyncSinkWriterOptions options = AsyncSinkWriterOptions.DEFAULTS.withRetries(2, Duration.ofMillis(1));
      env.fromSequence(0, 9).map(String::valueOf).returns(Types.STRING)
          .sinkTo(new LineStoreSink(server.port(), options));
      Throwable failure = catchThrowable(() -> env.execute("failing client"));
      assertThat(failure).isNotNull();
      Throwable root = failure;
      StringBuilder messages = new StringBuilder();
      for (int depth = 0; root != null && depth < 20; depth++, root = root.getCause()) {
        messages.append(root.getMessage()).append('\n');
      }
      assertThat(messages.toString()).contains("Sink line-store: a request of").contains("failed 2 times")
          .contains("FAIL disk full");
      assertThat(server.stored()).isEmpty();
    }
  }
}
