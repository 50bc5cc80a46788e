package io.spate.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.api.common.JobClient;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints of a job under backpressure (a slow sink behind small channels): unaligned ones store
 * the records in flight and do not wait for them to drain; aligned ones with a short timeout turn
 * unaligned.
 */
class UnalignedCheckpointE2ETest {

  /** A sink that takes about 50 µs per record, so the channels in front of it stay full. */
  static final class SlowSink implements Sink<Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<Long> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(Long element, Context ctx) {
          LockSupport.parkNanos(50_000);
        }

        @Override
        public void flush(boolean endOfInput) {}
      };
    }
  }

  private static StreamExecutionEnvironment env(boolean unaligned, long alignedTimeoutMillis) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(30));
    conf.set(CheckpointingOptions.ENABLE_UNALIGNED, unaligned);
    conf.set(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT, Duration.ofMillis(alignedTimeoutMillis));
    conf.setString("taskmanager.network.batch-size", "16");
    conf.setString("taskmanager.network.channel-capacity", "64");
    conf.setString("taskmanager.worker-threads", "4");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    return env;
  }

  private static List<CheckpointStatistics> runUntilCompleted(StreamExecutionEnvironment env, int count)
      throws Exception {
    return runUntilCompleted(env, env.fromSequence(1, Long.MAX_VALUE).map(x -> x).rebalance().map(x -> x * 2), count);
  }

  private static List<CheckpointStatistics> runUntilCompleted(StreamExecutionEnvironment env, DataStream<Long> input,
      int count) throws Exception {
    input.keyBy(x -> x % 7).sinkTo(new SlowSink());
    JobClient client = env.executeAsync("backpressured");
    try {
      return Await.untilMatches(Duration.ofSeconds(60), count + " completed checkpoints",
              () -> client.getCheckpointStatistics().get(5, TimeUnit.SECONDS),
              stats -> stats.stream().filter(s -> s.status() == CheckpointStatistics.Status.COMPLETED).count() >= count)
          .stream().filter(s -> s.status() == CheckpointStatistics.Status.COMPLETED).toList();
    } finally {
      client.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  private static String summary(String label, List<CheckpointStatistics> completed) {
    return label + ": " + completed.size() + " completed; alignment ms " + completed.stream()
        .map(CheckpointStatistics::alignmentMillis).toList() + "; duration ms " + completed.stream()
        .map(CheckpointStatistics::durationMillis).toList() + "; in-flight bytes " + completed.stream()
        .map(CheckpointStatistics::persistedInFlightBytes).toList();
  }

  @Test
  void unalignedCheckpointsUnderBackpressureStoreInFlightRecords() throws Exception {
    List<CheckpointStatistics> unaligned = runUntilCompleted(env(true, 0), 5);
    System.out.println(summary("unaligned", unaligned));
    assertThat(unaligned).allSatisfy(s -> assertThat(s.acknowledgedSubtasks()).isEqualTo(s.totalSubtasks()));
    assertThat(unaligned).anySatisfy(s -> assertThat(s.persistedInFlightBytes()).isPositive());
    assertThat(unaligned.stream().mapToLong(CheckpointStatistics::stateSize).sum())
        .as("the in-flight records are part of the state").isPositive();

    List<CheckpointStatistics> aligned = runUntilCompleted(env(false, 0), 5);
    System.out.println(summary("aligned", aligned));
    assertThat(aligned).allSatisfy(s -> assertThat(s.persistedInFlightBytes()).isZero());
  }

  @Test
  void alignedCheckpointsWithATimeoutTurnUnalignedUnderBackpressure() throws Exception {
    // A backpressured input (its barrier waits behind a full channel in front of the slow sink) next to a
    // trickling one (its barrier arrives at once): alignment at the sink takes as long as the full channel
    // takes to drain, tens of milliseconds, far beyond the 2 ms timeout.
    StreamExecutionEnvironment env = env(true, 2);
    DataStream<Long> backpressured = env.fromSequence(1, Long.MAX_VALUE).map(x -> x);
    DataStream<Long> trickling = env.fromSequence(1, Long.MAX_VALUE).map(x -> {
      LockSupport.parkNanos(200_000);
      return x;
    });
    List<CheckpointStatistics> completed = runUntilCompleted(env, backpressured.union(trickling), 3);
    System.out.println(summary("aligned with 2 ms timeout", completed));
    assertThat(completed).anySatisfy(s -> assertThat(s.persistedInFlightBytes()).isPositive());
  }
}
