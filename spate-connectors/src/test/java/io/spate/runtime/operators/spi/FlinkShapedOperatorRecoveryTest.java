package io.spate.runtime.operators.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiterStrategy;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.runtime.operators.spi.TransformedOperatorRecoveryTest.RecordingSink;
import io.spate.runtime.testing.KeyedSumsJob;
import io.spate.runtime.testing.RecordedOutput;
import io.spate.runtime.testing.RecoveryAssertions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An operator written in the shape of Flink's operator API ({@link WindowTotalsOperator}: keyed state
 * and event-time timers with namespaces, operator state through initializeState and snapshotState,
 * records as StreamRecords), added with {@code transform} on a keyed stream, keeps its state and
 * timers across a failure: the run that fails after a completed checkpoint and restores it emits the
 * same records as a failure-free run, each as often.
 */
class FlinkShapedOperatorRecoveryTest {

  private static final long RECORDS = 30_000;
  private static final int KEYS = 7;
  private static final long WINDOW = 1_000;
  // Run ids are global to the JVM: FailAfterCheckpoint fails each run id once, whichever test runs it.
  private static final String CLEAN = "flink-shaped-operator-clean";
  private static final String FAULTY = "flink-shaped-operator-faulty";

  private static ClusterJobClient run(String runId, boolean fail) throws Exception {
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
        .transform("window totals", Types.STRING, new WindowTotalsOperator(WINDOW)).uid("totals")
        .sinkTo(new RecordingSink(runId)).uid("results");
    JobClient client = env.executeAsync(runId);
    client.getJobExecutionResult().get(120, TimeUnit.SECONDS);
    return (ClusterJobClient) client;
  }

  /** One "key@end=sum" per key and window, sorted. */
  private static List<String> expectedWindows() {
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

  private static List<String> windows(List<String> output) {
    return output.stream().filter(line -> line.contains("@")).sorted().toList();
  }

  private static long seen(List<String> output) {
    return output.stream().filter(line -> line.startsWith("seen=")).mapToLong(line -> Long.parseLong(line.substring(5)))
        .sum();
  }

  @Test
  void aFlinkShapedKeyedOperatorRestoresItsStateTimersAndOperatorStateFromTheCheckpoint() throws Exception {
    run(CLEAN, false);
    ClusterJobClient faulty = run(FAULTY, true);
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(
        faulty.getJobExecutionResult().get().counters().get(JobResult.RESTARTS),
        faulty.getLatestRestore().get(10, TimeUnit.SECONDS), KeyedSumsJob.checkpointBeforeFailure(FAULTY));
    List<String> clean = RecordedOutput.sorted(TransformedOperatorRecoveryTest.results(CLEAN));
    List<String> recovered = RecordedOutput.sorted(TransformedOperatorRecoveryTest.results(FAULTY));
    assertThat(windows(clean)).isEqualTo(expectedWindows());
    assertThat(seen(clean)).isEqualTo(RECORDS);
    assertThat(windows(recovered)).isEqualTo(windows(clean));
    assertThat(seen(recovered)).isEqualTo(RECORDS);
    assertThat(recovered).hasSameSizeAs(clean);
  }
}
