package io.spate.runtime.operators.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiterStrategy;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.runtime.testing.KeyedSumsJob;
import io.spate.runtime.testing.RecordedOutput;
import io.spate.runtime.testing.RecoveryAssertions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An operator defined in test code on the operator SPI alone ({@link WindowSumOperator}: keyed value
 * state and event-time timers), added with {@code transform} on a keyed stream, keeps its state and
 * timers across a failure: the run that fails after a completed checkpoint and restores it emits the
 * same records as a failure-free run, each as often.
 */
class TransformedOperatorRecoveryTest {

  static final long RECORDS = 30_000;
  private static final int KEYS = 7;
  static final long WINDOW = 1_000;
  private static final Map<String, List<String>> RESULTS = new ConcurrentHashMap<>();
  // Run ids are global to the JVM: FailAfterCheckpoint fails each run id once, whichever test runs it.
  private static final String CLEAN = "transformed-operator-clean";
  private static final String FAULTY = "transformed-operator-faulty";

  /** Keeps every record of its run. */
  static final class RecordingSink implements Sink<String> {
    private static final long serialVersionUID = 1L;
    private final String runId;

    RecordingSink(String runId) {
      this.runId = runId;
    }

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(String element, Context ctx) {
          RESULTS.computeIfAbsent(runId, k -> Collections.synchronizedList(new ArrayList<>())).add(element);
        }

        @Override
        public void flush(boolean endOfInput) {}
      };
    }
  }

  /** What the sink of run {@code runId} received so far. */
  static List<String> results(String runId) {
    return RESULTS.getOrDefault(runId, List.of());
  }

  private static ClusterJobClient run(String runId, boolean fail) throws Exception {
    return run(runId, fail, "window sums", new WindowSumOperator(WINDOW));
  }

  /**
   * Runs {@code operator} on paced numbers keyed by {@code x % KEYS}, with event time {@code x}, into
   * the recording sink of {@code runId}; when {@code fail}, the job fails once after a checkpoint.
   */
  static ClusterJobClient run(String runId, boolean fail, String name, OneInputStreamOperator<Long, String> operator)
      throws Exception {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(30));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofMillis(20)));
    // Paced (3 s of input) so that checkpoints complete while the input lasts.
    env.fromSource(new DataGeneratorSource<>(index -> index, RECORDS, RateLimiterStrategy.perSecond(10_000),
            Types.LONG), WatermarkStrategy.noWatermarks(), "numbers").uid("numbers")
        .map(new KeyedSumsJob.FailAfterCheckpoint(runId, fail)).uid("fail")
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
            .withTimestampAssigner((x, previous) -> x))
        .rebalance()
        .keyBy(x -> x % KEYS, Types.LONG)
        .transform(name, Types.STRING, operator).uid("sums")
        .sinkTo(new RecordingSink(runId)).uid("results");
    JobClient client = env.executeAsync(runId);
    client.getJobExecutionResult().get(120, TimeUnit.SECONDS);
    return (ClusterJobClient) client;
  }

  /** One "key@end=sum" per key and window, sorted. */
  static List<String> expected() {
    Map<String, Long> sums = new TreeMap<>();
    for (long x = 0; x < RECORDS; x++) {
      long end = x - x % WINDOW + WINDOW - 1;
      sums.merge((x % KEYS) + "@" + end, x, Long::sum);
    }
    List<String> records = new ArrayList<>();
    sums.forEach((window, sum) -> records.add(window + "=" + sum));
    records.sort(null);
    return records;
  }

  @Test
  void aTransformedKeyedOperatorRestoresItsStateAndTimersFromTheCheckpoint() throws Exception {
    run(CLEAN, false);
    ClusterJobClient faulty = run(FAULTY, true);
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(
        faulty.getJobExecutionResult().get().counters().get(JobResult.RESTARTS),
        faulty.getLatestRestore().get(10, TimeUnit.SECONDS), KeyedSumsJob.checkpointBeforeFailure(FAULTY));
    List<String> clean = RecordedOutput.sorted(RESULTS.getOrDefault(CLEAN, List.of()));
    assertThat(clean).isEqualTo(expected());
    assertThat(RecordedOutput.sorted(RESULTS.getOrDefault(FAULTY, List.of()))).isEqualTo(clean);
  }
}
