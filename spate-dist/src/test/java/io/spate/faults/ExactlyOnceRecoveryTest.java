package io.spate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.checkpoint.CheckpointedFunction;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.checkpoint.FunctionSnapshotContext;
import io.spate.api.common.JobClient;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.StateBackendOptions;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.functions.windowing.WindowFunction;
import io.spate.api.state.CheckpointListener;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.connectors.file.FileSink;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.runtime.testing.RecoveryAssertions;
import io.spate.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The core promise: a job with keyed state, event-time windows, timers and the exactly-once file
 * sink, failing several times (exceptions at chosen records and at random moments, each once a
 * checkpoint completed), restarts from a checkpoint every time and produces finished files identical,
 * record for record and each as often (none twice), to those of a run without failures, on both state
 * backends and
 * at parallelism 1 to 4, and on RocksDB with incremental checkpoints in files ({@code
 * rocksdb-incremental}, aligned, at parallelism 1 and 3). {@code -Dfaults.backend=<name>} runs only the
 * runs of one backend.
 */
@Tag("fault-injection")
class ExactlyOnceRecoveryTest {

  private static final long RECORDS = 60_000;
  private static final int KEYS = 13;
  private static final long WINDOW_MILLIS = 1_000;
  /** RocksDB with incremental checkpoints, which need checkpoints in files (a shared scope). */
  private static final String INCREMENTAL = "rocksdb-incremental";

  /** Failure points per test run, keyed by run id, so that each throws once however often records replay. */
  private static final Set<String> FIRED = ConcurrentHashMap.newKeySet();
  /** The checkpoint the first failing subtask of a run knew of (restored or heard completed) when it failed. */
  private static final Map<String, Long> CHECKPOINT_BEFORE_FIRST_FAILURE = new ConcurrentHashMap<>();

  static Stream<Arguments> runs() {
    List<Arguments> runs = new ArrayList<>();
    for (String backend : List.of("hashmap", "rocksdb")) {
      for (int parallelism = 1; parallelism <= 4; parallelism++) {
        for (boolean unaligned : List.of(false, true)) {
          runs.add(Arguments.of(backend, parallelism, unaligned));
        }
      }
    }
    runs.add(Arguments.of(INCREMENTAL, 1, false));
    runs.add(Arguments.of(INCREMENTAL, 3, false));
    String only = System.getProperty("faults.backend");
    return runs.stream().filter(run -> only == null || only.isBlank() || run.get()[0].equals(only));
  }

  @ParameterizedTest(name = "{0}, parallelism {1}, unaligned {2}")
  @MethodSource("runs")
  void failuresLeaveTheFinishedOutputIdenticalToAFailureFreeRun(String backend, int parallelism, boolean unaligned,
      @TempDir Path dir) throws Exception {
    Path clean = dir.resolve("clean");
    Path faulty = dir.resolve("faulty");
    String name = backend + "-" + parallelism + (unaligned ? "-unaligned" : "-aligned");
    run(backend, parallelism, unaligned, clean, "clean-" + name, new long[0], 0);
    List<String> expected = finishedLines(clean);
    assertThat(expected).hasSize(expectedLineCount());

    Random random = new Random(backend.hashCode() * 31L + parallelism);
    long[] failAt = random.longs(3, 1, RECORDS).sorted().toArray();
    ClusterJobClient result = run(backend, parallelism, unaligned, faulty, "faulty-" + name, failAt,
        random.nextLong());
    // Every chosen failure happened; failures close together may share one restart.
    for (long point : failAt) {
      assertThat(FIRED).contains("faulty-" + name + "@" + point);
    }
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(
        result.getJobExecutionResult().get().counters().get(JobResult.RESTARTS),
        result.getLatestRestore().get(10, TimeUnit.SECONDS), CHECKPOINT_BEFORE_FIRST_FAILURE.get("faulty-" + name));
    // Sorted lists: a line written twice would be there twice.
    assertThat(finishedLines(faulty)).containsExactlyElementsOf(expected);
    if (backend.equals(INCREMENTAL)) {
      assertSharedFilesReleased(checkpointDirectory(faulty));
    }
  }

  /**
   * Once the job finished, its checkpoints are deleted (none is retained) and with them every shared
   * file: the shared directory was used and ends up empty. Deletion runs on the JobMaster's I/O
   * thread after the result, hence the bounded wait.
   */
  private static void assertSharedFilesReleased(Path checkpoints) throws Exception {
    List<Path> shared;
    // <checkpoints>/<job>/shared: only the job directories are listed, not the chk-N directories
    // that the JobMaster may be deleting meanwhile
    try (Stream<Path> jobs = Files.list(checkpoints)) {
      shared = jobs.map(job -> job.resolve("shared")).filter(Files::isDirectory).toList();
    }
    assertThat(shared).as("shared directories under %s", checkpoints).hasSize(1);
    List<Path> left = Await.untilMatches(Duration.ofSeconds(20), "the shared files to be deleted after the job finished",
        () -> {
          try (Stream<Path> files = Files.list(shared.get(0))) {
            return files.toList();
          }
        }, List::isEmpty);
    assertThat(left).as("shared files left after the job finished").isEmpty();
  }

  private static Path checkpointDirectory(Path output) {
    return output.resolveSibling("checkpoints-" + output.getFileName());
  }

  private static int expectedLineCount() {
    long windows = (RECORDS + WINDOW_MILLIS - 1) / WINDOW_MILLIS;
    return (int) (windows * KEYS * 2);
  }

  /** Runs the job into {@code output} to its end; its client, to ask about the ended job. */
  private static ClusterJobClient run(String backend, int parallelism, boolean unaligned, Path output, String runId,
      long[] failAt, long randomSeed) throws Exception {
    Configuration conf = new Configuration();
    if (backend.equals(INCREMENTAL)) {
      conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
      conf.set(StateBackendOptions.INCREMENTAL_CHECKPOINTS, true);
      conf.set(io.spate.api.configuration.CheckpointingOptions.CHECKPOINTS_DIRECTORY,
          checkpointDirectory(output).toUri().toString());
    } else {
      conf.set(StateBackendOptions.STATE_BACKEND, backend);
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);
    env.enableCheckpointing(40);
    env.getCheckpointConfig().enableUnalignedCheckpoints(unaligned);
    env.setRestartStrategy(io.spate.api.common.RestartStrategies.fixedDelayRestart(50, Duration.ofMillis(20)));

    DataStream<Long> numbers = env.fromSequence(0, RECORDS - 1).uid("numbers")
        .map(new Chaos(runId, failAt, randomSeed)).uid("chaos")
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
            .withTimestampAssigner((x, previous) -> x));
    DataStream<String> timers = numbers.keyBy(x -> x % KEYS).process(new RunningSumAtTimers()).uid("timers");
    DataStream<String> windows = numbers.keyBy(x -> x % KEYS)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW_MILLIS)))
        .reduce(Long::sum, (WindowFunction<Long, String, Long, TimeWindow>) (key, window, sums, out) -> {
          for (Long sum : sums) {
            out.collect("W," + key + "," + window.getStart() + "," + sum);
          }
        }).returns(Types.STRING).uid("windows");
    timers.union(windows)
        .sinkTo(FileSink.forRows(output.toString(), io.spate.connectors.file.RowEncoder.<String>toStringEncoder())
            .build()).uid("files");
    JobClient client = env.executeAsync(runId);
    client.getJobExecutionResult().get(120, TimeUnit.SECONDS);
    return (ClusterJobClient) client;
  }

  private static List<String> finishedLines(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
        lines.addAll(Files.readAllLines(file));
      }
    }
    lines.sort(null);
    return lines;
  }

  /**
   * Throws once at the first record at or past each chosen one and once at a random moment, each only
   * when its attempt has a checkpoint to go back to (it restored one, or heard that one completed), and
   * slows the stream a little so that checkpoints happen between the failures.
   */
  static final class Chaos extends RichMapFunction<Long, Long> implements CheckpointedFunction, CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private final long[] failAt;
    private final long randomSeed;
    private transient long seen;
    private transient long randomFailureAfter;
    private transient volatile long checkpoint;

    Chaos(String runId, long[] failAt, long randomSeed) {
      this.runId = runId;
      this.failAt = failAt;
      this.randomSeed = randomSeed;
    }

    @Override
    public void open(OpenContext context) {
      randomFailureAfter = failAt.length == 0 ? Long.MAX_VALUE
          : 200 + Math.floorMod(new Random(randomSeed).nextLong(), RECORDS / 4);
    }

    @Override
    public Long map(Long value) throws Exception {
      if (++seen % 200 == 0) {
        Thread.sleep(1);
      }
      if (checkpoint == 0) {
        return value;
      }
      for (long point : failAt) {
        if (value >= point && fire(point)) {
          throw new IllegalStateException("injected failure at record " + value);
        }
      }
      if (seen >= randomFailureAfter && fire("random")) {
        throw new IllegalStateException("injected failure after " + seen + " records of this attempt");
      }
      return value;
    }

    private boolean fire(Object point) {
      if (!FIRED.add(runId + "@" + point)) {
        return false;
      }
      CHECKPOINT_BEFORE_FIRST_FAILURE.putIfAbsent(runId, checkpoint);
      return true;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
      checkpoint = context.getRestoredCheckpointId().orElse(0);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {}

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpoint = Math.max(checkpoint, checkpointId);
    }
  }

  /**
   * Sums and counts records per key and event-time window in map state, and at each window's timer adds
   * that window's sum and count to running totals in value state and emits them: the output depends only
   * on which records arrived, not on when watermarks came.
   */
  static final class RunningSumAtTimers extends KeyedProcessFunction<Long, Long, String> {
    private static final long serialVersionUID = 1L;
    private transient MapState<Long, Long> windowSums;
    private transient MapState<Long, Long> windowCounts;
    private transient ValueState<Long> totalSum;
    private transient ValueState<Long> totalCount;

    @Override
    public void open(OpenContext context) {
      windowSums = getRuntimeContext().getMapState(new MapStateDescriptor<>("window-sums", Types.LONG, Types.LONG));
      windowCounts = getRuntimeContext().getMapState(new MapStateDescriptor<>("window-counts", Types.LONG, Types.LONG));
      totalSum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.LONG));
      totalCount = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
      long end = (value / WINDOW_MILLIS + 1) * WINDOW_MILLIS - 1;
      Long sum = windowSums.get(end);
      Long count = windowCounts.get(end);
      windowSums.put(end, (sum == null ? 0 : sum) + value);
      windowCounts.put(end, (count == null ? 0 : count) + 1);
      ctx.timerService().registerEventTimeTimer(end);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      long sum = (totalSum.value() == null ? 0 : totalSum.value()) + windowSums.get(timestamp);
      long count = (totalCount.value() == null ? 0 : totalCount.value()) + windowCounts.get(timestamp);
      windowSums.remove(timestamp);
      windowCounts.remove(timestamp);
      totalSum.update(sum);
      totalCount.update(count);
      out.collect("T," + ctx.getCurrentKey() + "," + timestamp + "," + sum + "," + count);
    }
  }
}
