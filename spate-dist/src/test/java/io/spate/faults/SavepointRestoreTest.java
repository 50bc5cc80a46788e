package io.spate.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.JobClient;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.SavepointOptions;
import io.spate.api.configuration.StateBackendOptions;
import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stop a job with a savepoint, then resume it at another parallelism and on the other state backend:
 * the final per-key totals are those of an uninterrupted run (nothing lost, nothing counted twice).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SavepointRestoreTest {

  private static final long RECORDS = 20_000;
  private static final int KEYS = 17;
  /** While set, the stream crawls, so the first job is certainly still running when it is stopped. */
  private static volatile boolean slow;

  @ParameterizedTest(name = "{0} at parallelism {1}, resumed on {2} at parallelism {3}")
  @CsvSource({"hashmap, 2, rocksdb, 3", "rocksdb, 3, hashmap, 1", "hashmap, 1, hashmap, 4", "rocksdb, 4, rocksdb, 2"})
  void stopWithSavepointThenResumeRescaledOnTheOtherBackend(String firstBackend, int firstParallelism,
      String secondBackend, int secondParallelism, @TempDir Path dir) throws Exception {
    slow = true;
    StreamExecutionEnvironment first = environment(firstBackend, firstParallelism, null);
    build(first).discard();
    JobClient client = first.executeAsync("first");
    awaitRunning(client);
    String savepoint = client.stopWithSavepoint(false, dir.toString()).get(60, TimeUnit.SECONDS);
    assertThat(Files.exists(Path.of(savepoint, "_metadata"))).isTrue();
    assertThat(client.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(io.spate.api.common.JobStatus.FINISHED);

    slow = false;
    StreamExecutionEnvironment second = environment(secondBackend, secondParallelism, savepoint);
    List<String> totals = new ArrayList<>();
    try (CloseableIterator<String> it = build(second).executeAndCollect()) {
      it.forEachRemaining(totals::add);
    }
    assertThat(totals).containsExactlyInAnyOrderElementsOf(expectedTotals());
  }

  @Test
  void aSavepointWithStateOfARemovedOperatorNeedsAllowNonRestoredState(@TempDir Path dir) throws Exception {
    slow = true;
    StreamExecutionEnvironment first = environment("hashmap", 2, null);
    build(first).discard();
    JobClient client = first.executeAsync("first");
    awaitRunning(client);
    String savepoint = client.stopWithSavepoint(false, dir.toString()).get(60, TimeUnit.SECONDS);
    slow = false;

    StreamExecutionEnvironment without = environment("hashmap", 2, savepoint);
    without.fromSequence(0, 10).uid("numbers").map(x -> x).uid("other").discard();
    assertThatThrownBy(() -> without.execute("changed"))
        .hasMessageContaining("holds state of operator")
        .hasMessageContaining("allow-non-restored-state");

    StreamExecutionEnvironment allowed = environment("hashmap", 2, savepoint);
    allowed.getConfiguration().set(SavepointOptions.ALLOW_NON_RESTORED_STATE, true);
    allowed.fromSequence(0, 10).uid("numbers").map(x -> x).uid("other").discard();
    allowed.execute("changed, allowed");
  }

  private static StreamExecutionEnvironment environment(String backend, int parallelism, String savepoint) {
    Configuration conf = new Configuration();
    conf.set(StateBackendOptions.STATE_BACKEND, backend);
    if (savepoint != null) {
      conf.set(SavepointOptions.SAVEPOINT_PATH, savepoint);
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);
    env.enableCheckpointing(50);
    return env;
  }

  private static io.spate.api.datastream.DataStream<String> build(StreamExecutionEnvironment env) {
    return env.fromSequence(0, RECORDS - 1).uid("numbers")
        .map(new Crawl()).uid("crawl")
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
            .withTimestampAssigner((x, previous) -> x)).uid("timestamps")
        .keyBy(x -> x % KEYS)
        .process(new Totals()).uid("totals");
  }

  /** Waits for a first completed checkpoint, as long as the class's timeout lets it. */
  private static void awaitRunning(JobClient client) {
    Await.until(Duration.ofMinutes(3), "a first completed checkpoint", () -> client.getCheckpointStatistics()
        .get(5, TimeUnit.SECONDS).stream()
        .anyMatch(s -> s.status() == io.spate.api.checkpoint.CheckpointStatistics.Status.COMPLETED));
  }

  private static List<String> expectedTotals() {
    long[] count = new long[KEYS];
    long[] sum = new long[KEYS];
    for (long x = 0; x < RECORDS; x++) {
      count[(int) (x % KEYS)]++;
      sum[(int) (x % KEYS)] += x;
    }
    List<String> lines = new ArrayList<>();
    for (int k = 0; k < KEYS; k++) {
      lines.add(k + "," + count[k] + "," + sum[k]);
    }
    return lines;
  }

  /** Passes records on, slowly while {@link #slow} is set. */
  static final class Crawl extends RichMapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long map(Long value) throws Exception {
      if (slow) {
        Thread.sleep(1);
      }
      return value;
    }
  }

  /** Counts and sums per key in keyed state; emits the totals when the input ends (a timer at the end of time). */
  static final class Totals extends KeyedProcessFunction<Long, Long, String> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;
    private transient ValueState<Long> sum;

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
      sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.LONG));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
      if (count.value() == null) {
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
        count.update(0L);
        sum.update(0L);
      }
      count.update(count.value() + 1);
      sum.update(sum.value() + value);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect(ctx.getCurrentKey() + "," + count.value() + "," + sum.value());
    }
  }
}
