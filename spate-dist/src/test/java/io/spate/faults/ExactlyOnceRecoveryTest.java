package io.spate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.checkpoint.CheckpointedFunction;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.checkpoint.FunctionSnapshotContext;
import io.spate.api.common.JobClient;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.StateBackendOptions;
import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceEvent;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import io.spate.api.connector.source.lib.NumberSequenceSource;
import io.spate.api.connector.source.lib.NumberSequenceSplit;
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
import io.spate.connectors.file.BucketAssigner;
import io.spate.connectors.file.DefaultRollingPolicy;
import io.spate.connectors.file.FileSink;
import io.spate.connectors.file.SimpleVersionedStringSerializer;
import io.spate.api.configuration.MemorySize;
import io.spate.api.fs.FSDataOutputStream;
import io.spate.api.serialization.BulkWriter;
import io.spate.api.serialization.SimpleStringEncoder;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.CompletableFuture;
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
 *
 * <p>How long the first checkpoint takes depends on the machine (every subtask must be running, and
 * RocksDB's take a while to open), so the source of a faulty run waits, without blocking its task,
 * after a few records of an attempt that knows of no checkpoint yet: every failure then still has
 * records to fire at, on a fast machine or a slow one.
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
  /** The chaos map of each subtask's latest attempt, by run id and subtask index, for its source reader to ask. */
  private static final Map<String, Chaos> CHAOS_OF_SUBTASK = new ConcurrentHashMap<>();
  /**
   * Records a subtask may see before its source waits for a checkpoint. Fewer than a split holds (at
   * least 3,750 numbers): every reader waits inside its first split, so none runs out of splits and
   * finishes (which would keep checkpoints from being triggered), and the last number, at the end of
   * the last split, always comes after the wait.
   */
  private static final long RECORDS_BEFORE_CHECKPOINT = 1_000;

  static Stream<Arguments> runs() {
    List<Arguments> runs = new ArrayList<>();
    for (String backend : List.of("hashmap", "rocksdb")) {
      for (int parallelism = 1; parallelism <= 4; parallelism++) {
        for (boolean unaligned : List.of(false, true)) {
          runs.add(Arguments.of(backend, parallelism, unaligned, ROWS));
        }
      }
    }
    runs.add(Arguments.of(INCREMENTAL, 1, false, ROWS));
    runs.add(Arguments.of(INCREMENTAL, 3, false, ROWS));
    // The file sink's buckets, a rolling policy that rolls between checkpoints, and a bulk format.
    runs.add(Arguments.of("hashmap", 2, false, BUCKETS));
    runs.add(Arguments.of("rocksdb", 3, true, BULK));
    String only = System.getProperty("faults.backend");
    return runs.stream().filter(run -> only == null || only.isBlank() || run.get()[0].equals(only));
  }

  /** The file sink writes rows into the output directory itself. */
  private static final String ROWS = "rows";
  /** The file sink writes rows into a bucket per kind of line, in parts of at most 4 KiB. */
  private static final String BUCKETS = "buckets";
  /** The file sink writes parts with a bulk writer, into a bucket per kind of line. */
  private static final String BULK = "bulk";

  @ParameterizedTest(name = "{0}, parallelism {1}, unaligned {2}, {3}")
  @MethodSource("runs")
  void failuresLeaveTheFinishedOutputIdenticalToAFailureFreeRun(String backend, int parallelism, boolean unaligned,
      String files, @TempDir Path dir) throws Exception {
    Path clean = dir.resolve("clean");
    Path faulty = dir.resolve("faulty");
    String name = backend + "-" + parallelism + (unaligned ? "-unaligned" : "-aligned")
        + (files.equals(ROWS) ? "" : "-" + files);
    run(backend, parallelism, unaligned, files, clean, "clean-" + name, new long[0], 0);
    List<String> expected = finishedLines(clean);
    assertThat(expected).hasSize(expectedLineCount());

    Random random = new Random(backend.hashCode() * 31L + parallelism);
    long[] failAt = random.longs(3, 1, RECORDS).sorted().toArray();
    ClusterJobClient result = run(backend, parallelism, unaligned, files, faulty, "faulty-" + name, failAt,
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
  private static ClusterJobClient run(String backend, int parallelism, boolean unaligned, String files, Path output,
      String runId, long[] failAt, long randomSeed) throws Exception {
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

    DataStream<Long> numbers = env.fromSource(new CheckpointGatedSequence(runId, RECORDS - 1),
        WatermarkStrategy.noWatermarks(), "Sequence Source", Types.LONG).uid("numbers")
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
    timers.union(windows).sinkTo(fileSink(files, output)).uid("files");
    JobClient client = env.executeAsync(runId);
    client.getJobExecutionResult().get(120, TimeUnit.SECONDS);
    return (ClusterJobClient) client;
  }

  private static FileSink<String> fileSink(String files, Path output) {
    io.spate.api.fs.Path base = new io.spate.api.fs.Path(output.toString());
    return switch (files) {
      case ROWS -> FileSink.forRows(output.toString(), io.spate.connectors.file.RowEncoder.<String>toStringEncoder())
          .build();
      case BUCKETS -> FileSink.forRowFormat(base, new SimpleStringEncoder<String>())
          .withBucketAssigner(new LineKindBuckets())
          .withRollingPolicy(DefaultRollingPolicy.builder().withMaxPartSize(MemorySize.ofBytes(4096)).build())
          .build();
      case BULK -> FileSink.forBulkFormat(base, new LinesAtFinish())
          .withBucketAssigner(new LineKindBuckets())
          .build();
      default -> throw new IllegalArgumentException("no file sink variant " + files);
    };
  }

  /** Puts window lines ("W,...") and timer lines into buckets of their own. */
  static final class LineKindBuckets implements BucketAssigner<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getBucketId(String line, BucketAssigner.Context context) {
      return line.startsWith("W,") ? "windows" : "timers";
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
      return SimpleVersionedStringSerializer.INSTANCE;
    }
  }

  /** A bulk writer that keeps a part's lines in memory and writes them when the part is finished. */
  static final class LinesAtFinish implements BulkWriter.Factory<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public BulkWriter<String> create(FSDataOutputStream out) {
      StringBuilder lines = new StringBuilder();
      return new BulkWriter<>() {
        @Override
        public void addElement(String element) {
          lines.append(element).append('\n');
        }

        @Override
        public void flush() throws IOException {
          out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
          lines.setLength(0);
        }

        @Override
        public void finish() throws IOException {
          flush();
        }
      };
    }
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
   * slows the stream a little so that checkpoints happen between the failures. Until its attempt knows
   * of a checkpoint, it has its subtask's source wait after {@link #RECORDS_BEFORE_CHECKPOINT} records.
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
      CHAOS_OF_SUBTASK.put(subtaskKey(runId, getRuntimeContext().getIndexOfThisSubtask()), this);
    }

    @Override
    public void close() {
      CHAOS_OF_SUBTASK.remove(subtaskKey(runId, getRuntimeContext().getIndexOfThisSubtask()), this);
    }

    /** Whether the source must wait: failures are to come, and none may fire before a checkpoint is known. */
    boolean holdsSource() {
      return failAt.length > 0 && checkpoint == 0 && seen >= RECORDS_BEFORE_CHECKPOINT;
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

  private static String subtaskKey(String runId, int subtask) {
    return runId + "/" + subtask;
  }

  /**
   * The numbers 0 to {@code last} as {@link NumberSequenceSource} emits them (same splits, same state),
   * except that a reader emits nothing while the chaos map chained behind it {@linkplain Chaos#holdsSource()
   * holds it}: it answers that nothing is available, so that its task still takes barriers and the
   * checkpoint the map waits for can complete.
   */
  static final class CheckpointGatedSequence
      implements Source<Long, NumberSequenceSplit, List<NumberSequenceSplit>> {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private final NumberSequenceSource numbers;

    CheckpointGatedSequence(String runId, long last) {
      this.runId = runId;
      this.numbers = new NumberSequenceSource(0, last);
    }

    @Override
    public Boundedness getBoundedness() {
      return numbers.getBoundedness();
    }

    @Override
    public SourceReader<Long, NumberSequenceSplit> createReader(SourceReaderContext context) {
      return new GatedReader(numbers.createReader(context), context, subtaskKey(runId, context.getIndexOfSubtask()));
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, List<NumberSequenceSplit>> createEnumerator(
        SplitEnumeratorContext<NumberSequenceSplit> context) {
      return numbers.createEnumerator(context);
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, List<NumberSequenceSplit>> restoreEnumerator(
        SplitEnumeratorContext<NumberSequenceSplit> context, List<NumberSequenceSplit> checkpoint) {
      return numbers.restoreEnumerator(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<NumberSequenceSplit> getSplitSerializer() {
      return numbers.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<List<NumberSequenceSplit>> getEnumeratorCheckpointSerializer() {
      return numbers.getEnumeratorCheckpointSerializer();
    }
  }

  /** A number sequence reader that emits nothing while its subtask's chaos map holds it. */
  static final class GatedReader implements SourceReader<Long, NumberSequenceSplit> {
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private final SourceReader<Long, NumberSequenceSplit> reader;
    private final SourceReaderContext context;
    private final String subtaskKey;
    private boolean holding;

    GatedReader(SourceReader<Long, NumberSequenceSplit> reader, SourceReaderContext context, String subtaskKey) {
      this.reader = reader;
      this.context = context;
      this.subtaskKey = subtaskKey;
    }

    @Override
    public void start() {
      reader.start();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<Long> output) throws Exception {
      // The map runs on this reader's task thread: what it knows is current here.
      Chaos chaos = CHAOS_OF_SUBTASK.get(subtaskKey);
      holding = chaos != null && chaos.holdsSource();
      return holding ? InputStatus.NOTHING_AVAILABLE : reader.pollNext(output);
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
      return holding ? context.availableAfter(RECHECK_NANOS) : reader.isAvailable();
    }

    @Override
    public void addSplits(List<NumberSequenceSplit> splits) {
      reader.addSplits(splits);
    }

    @Override
    public void notifyNoMoreSplits() {
      reader.notifyNoMoreSplits();
    }

    @Override
    public List<NumberSequenceSplit> snapshotState(long checkpointId) {
      return reader.snapshotState(checkpointId);
    }

    @Override
    public void handleSourceEvents(SourceEvent event) {
      reader.handleSourceEvents(event);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
      reader.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void close() throws Exception {
      reader.close();
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
