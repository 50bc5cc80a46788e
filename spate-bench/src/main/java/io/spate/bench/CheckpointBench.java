package io.spate.bench;

import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionResult;
import io.spate.api.common.RestartStrategies;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiter;
import io.spate.connectors.datagen.RateLimiterStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The checkpoint harness: measures, with whole jobs on the embedded cluster, (1) the throughput of
 * a keyed-state job with checkpoints every second against none, (2) the duration and size of full
 * checkpoints of 1 M and 10 M keys, and (3) the time from an injected failure to the restarted job
 * processing records again; for the heap ({@code hashmap}) and RocksDB ({@code rocksdb}) backends,
 * and RocksDB with incremental checkpoints ({@code rocksdb-incremental}). In the size part, {@code
 * --size-changed-percent} sets how many keys change between two checkpoints (default: one record
 * every 10 ms); the first incremental checkpoint after the fill uploads everything and is left out.
 * Prints Markdown tables (stdout) and one line per job or checkpoint (stderr).
 *
 * <pre>
 * java -Xmx8g -cp spate-bench/target/spate-bench.jar io.spate.bench.CheckpointBench
 *     [--part overhead,size,recovery] [--backend hashmap,rocksdb] [--parallelism 1,2] [--runs 3]
 *     [--keys 100K] [--records-hashmap 20M] [--records-rocksdb 2M] [--size-keys 1M,10M]
 *     [--size-changed-percent 1] [--recovery-keys 1M] [--restart-delay-ms 0] [--dir /tmp/spate-checkpoint-bench]
 * </pre>
 */
public final class CheckpointBench {

  /** A backend name with this suffix ({@code rocksdb-incremental}) takes incremental checkpoints. */
  private static final String INCREMENTAL_SUFFIX = "-incremental";

  private CheckpointBench() {}

  /** The command line; see the class comment. */
  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    System.out.println(ThroughputBench.machine());
    System.out.println("dir:      " + o.dir.toAbsolutePath());
    System.out.println();
    Files.createDirectories(o.dir);
    if (o.parts.contains("overhead")) {
      System.out.println(overhead(o));
    }
    if (o.parts.contains("size")) {
      System.out.println(size(o));
    }
    if (o.parts.contains("recovery")) {
      System.out.println(recovery(o));
    }
  }

  // ------------------------------------------------------------------ 1. overhead

  private static String overhead(Options o) throws Exception {
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "### Checkpoint overhead: fromSequence -> keyBy(x %% %s) -> ValueState<Long> += 1 -> discard%n%n"
            + "| backend | p | records/run | no checkpoints (median records/s) | checkpoint every 1 s | with / without"
            + " | checkpoints per run | median checkpoint duration | median state size |%n"
            + "|---|---|---|---|---|---|---|---|---|%n", ThroughputBench.rate(o.keys).replace(" K", "K")));
    for (String backend : o.backends) {
      long records = backend.equals("rocksdb") ? o.recordsRocksDb : o.recordsHeap;
      for (int p : o.parallelisms) {
        runCounted(backend, p, records, o, false); // warm-up
        double[] without = new double[o.runs];
        double[] with = new double[o.runs];
        List<Double> counts = new ArrayList<>();
        List<Double> durations = new ArrayList<>();
        List<Double> sizes = new ArrayList<>();
        // Alternate the two so that a burst of foreign load hits both alike.
        for (int i = 0; i < o.runs; i++) {
          without[i] = runCounted(backend, p, records, o, false).rate;
          Counted c = runCounted(backend, p, records, o, true);
          with[i] = c.rate;
          counts.add((double) c.completed.size());
          c.completed.forEach(s -> durations.add((double) s.durationMillis()));
          c.completed.forEach(s -> sizes.add((double) s.stateSize()));
        }
        table.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %.2f | %.0f | %.0f ms | %s |%n",
            backend, p, ThroughputBench.rate(records), ThroughputBench.rate(median(without)),
            ThroughputBench.rate(median(with)), median(with) / median(without), median(counts), median(durations),
            bytes(median(sizes))));
      }
    }
    return table.toString();
  }

  private record Counted(double rate, List<CheckpointStatistics> completed) {}

  private static Counted runCounted(String backend, int p, long records, Options o, boolean checkpoints)
      throws Exception {
    StreamExecutionEnvironment env = environment(backend, p, o, checkpoints ? 1000 : 0);
    String loadBefore = ThroughputBench.loadAverage();
    env.fromSequence(0, records - 1)
        .keyBy(x -> x % o.keys, Types.LONG)
        .process(new CountPerKey(false))
        .discard();
    JobClient client = env.executeAsync("checkpoint-bench overhead " + backend + " p" + p);
    // The statistics are gone once the job has ended, so read them while it runs.
    Map<Long, CheckpointStatistics> seen = new TreeMap<>();
    while (!client.getJobExecutionResult().isDone()) {
      try {
        completed(client.getCheckpointStatistics().get(10, TimeUnit.SECONDS)).forEach(s -> seen.put(s.checkpointId(), s));
      } catch (ExecutionException e) {
        // the job ended between the check and the request
      }
      Thread.sleep(100);
    }
    JobExecutionResult result = client.getJobExecutionResult().get();
    List<CheckpointStatistics> completed = new ArrayList<>(seen.values());
    double rate = records / (Math.max(1, result.netRuntime().toNanos()) / 1e9);
    System.err.printf(Locale.ROOT, "overhead %-8s p%d %s: %,d records in %d ms: %s/s, %d checkpoints %s, load %s -> %s%n",
        backend, p, checkpoints ? "1 s " : "none", records, result.netRuntime().toMillis(), ThroughputBench.rate(rate),
        completed.size(), completed.stream().map(s -> s.durationMillis() + "ms/" + bytes(s.stateSize())).toList(),
        loadBefore, ThroughputBench.loadAverage());
    return new Counted(rate, completed);
  }

  // ------------------------------------------------------------------ 2. size and duration

  private static String size(Options o) throws Exception {
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "### Checkpoints of a filled ValueState<Long> per key (p1, interval %d ms, %s, medians of %d)%n%n"
            + "| backend | keys | fill time | duration | sync part | async part | full state size"
            + " | checkpointed (uploaded) size | bytes/key |%n"
            + "|---|---|---|---|---|---|---|---|---|%n", o.sizeIntervalMillis,
        o.sizeChangedPercent > 0 ? o.sizeChangedPercent + "% of the keys changed between checkpoints"
            : "one key changed every 10 ms", o.runs));
    for (String backend : o.backends) {
      for (long keys : o.sizeKeys) {
        Filled job = startFilled(backend, keys, o, o.sizeIntervalMillis, false);
        try {
          boolean incremental = backend.endsWith(INCREMENTAL_SUFFIX);
          List<CheckpointStatistics> after = awaitCheckpointsAfter(job, o.runs + (incremental ? 1 : 0), o);
          if (incremental) {
            after = after.subList(1, after.size()); // the first after the fill uploads every file
          }
          for (CheckpointStatistics s : after) {
            System.err.printf(Locale.ROOT, "size %-8s %s keys: checkpoint %d: %d ms (sync %d, async %d), %s, %s"
                + " uploaded%n", backend, ThroughputBench.rate(keys), s.checkpointId(), s.durationMillis(),
                s.syncMillis(), s.asyncMillis(), bytes(s.stateSize()), bytes(s.checkpointedSize()));
          }
          double size = median(after.stream().map(s -> (double) s.stateSize()).toList());
          table.append(String.format(Locale.ROOT,
              "| %s | %s | %.1f s | %.0f ms | %.0f ms | %.0f ms | %s | %s | %.1f |%n",
              backend, ThroughputBench.rate(keys).replace(".00", ""), job.fillNanos / 1e9,
              median(after.stream().map(s -> (double) s.durationMillis()).toList()),
              median(after.stream().map(s -> (double) s.syncMillis()).toList()),
              median(after.stream().map(s -> (double) s.asyncMillis()).toList()),
              bytes(size), bytes(median(after.stream().map(s -> (double) s.checkpointedSize()).toList())),
              size / keys));
        } finally {
          job.client.cancel().get(120, TimeUnit.SECONDS);
        }
      }
    }
    return table.toString();
  }

  // ------------------------------------------------------------------ 3. recovery

  private static String recovery(Options o) throws Exception {
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "### Recovery of %s keys (p1, fixed-delay restart, delay %d ms, medians of %d)%n%n"
            + "| backend | checkpoint size | failure -> restored task open | failure -> first record processed"
            + " | minus the restart delay |%n|---|---|---|---|---|%n",
        ThroughputBench.rate(o.recoveryKeys).replace(".00", ""), o.restartDelayMillis, o.runs));
    for (String backend : o.backends) {
      List<Double> toOpen = new ArrayList<>();
      List<Double> toRecord = new ArrayList<>();
      List<Double> sizes = new ArrayList<>();
      for (int i = 0; i < o.runs; i++) {
        Filled job = startFilled(backend, o.recoveryKeys, o, o.sizeIntervalMillis, true);
        try {
          CheckpointStatistics last = awaitCheckpointsAfter(job, 1, o).get(0);
          CountPerKey.failRequested = true;
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
          while (CountPerKey.recoveredNanos.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
          }
          if (CountPerKey.recoveredNanos.get() == 0) {
            throw new IllegalStateException("The job did not process a record within 300 s of the failure");
          }
          double open = (CountPerKey.reopenedNanos - CountPerKey.failedNanos) / 1e6;
          double first = (CountPerKey.recoveredNanos.get() - CountPerKey.failedNanos) / 1e6;
          System.err.printf(Locale.ROOT,
              "recovery %-8s run %d: checkpoint %d (%s), failure -> open %.1f ms, -> first record %.1f ms (attempt %d)%n",
              backend, i + 1, last.checkpointId(), bytes(last.stateSize()), open, first, CountPerKey.recoveredAttempt);
          toOpen.add(open);
          toRecord.add(first);
          sizes.add((double) last.stateSize());
        } finally {
          job.client.cancel().get(120, TimeUnit.SECONDS);
        }
      }
      table.append(String.format(Locale.ROOT, "| %s | %s | %.0f ms | %.0f ms | %.0f ms |%n", backend,
          bytes(median(sizes)), median(toOpen), median(toRecord), median(toRecord) - o.restartDelayMillis));
    }
    return table.toString();
  }

  // ------------------------------------------------------------------ the jobs

  /** A running job whose keyed state holds {@code keys} keys, and when it finished filling them. */
  private record Filled(JobClient client, long filledAtMillis, long fillNanos) {}

  /**
   * Starts a p1 job that writes {@code keys} keys as fast as it can and then one record per 10 ms
   * to existing keys, so that its state stays the same size while checkpoints are taken; returns
   * once every key is in the state.
   */
  private static Filled startFilled(String backend, long keys, Options o, long intervalMillis, boolean restart)
      throws Exception {
    CountPerKey.reset();
    StreamExecutionEnvironment env = environment(backend, 1, o, intervalMillis);
    env.setRestartStrategy(restart
        ? RestartStrategies.fixedDelayRestart(1, Duration.ofMillis(o.restartDelayMillis))
        : RestartStrategies.noRestart());
    DataStream<Long> source = env.fromSource(
        new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, new FillThenTrickle(keys,
            o.sizeChangedPercent > 0 && intervalMillis > 0
                ? keys * o.sizeChangedPercent / 100 * 1000 / intervalMillis : 0), Types.LONG),
        WatermarkStrategy.noWatermarks(), "fill then trickle");
    source.keyBy(x -> x % keys, Types.LONG).process(new CountPerKey(true)).discard();
    long start = System.nanoTime();
    JobClient client = env.executeAsync("checkpoint-bench fill " + backend + " " + keys);
    while (CountPerKey.processed.get() < keys) {
      if (client.getJobExecutionResult().isDone()) {
        client.getJobExecutionResult().get(); // throws the job's failure
        throw new IllegalStateException("The fill job ended before it filled " + keys + " keys");
      }
      Thread.sleep(5);
    }
    long fillNanos = System.nanoTime() - start;
    System.err.printf(Locale.ROOT, "fill %-8s %s keys in %.1f s%n", backend, ThroughputBench.rate(keys), fillNanos / 1e9);
    return new Filled(client, System.currentTimeMillis(), fillNanos);
  }

  /** The first {@code count} checkpoints triggered after the state was filled, once they completed. */
  private static List<CheckpointStatistics> awaitCheckpointsAfter(Filled job, int count, Options o) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
    while (System.nanoTime() < deadline) {
      List<CheckpointStatistics> after = completed(job.client.getCheckpointStatistics().get(10, TimeUnit.SECONDS))
          .stream().filter(s -> s.triggerTimestamp() > job.filledAtMillis).toList();
      if (after.size() >= count) {
        return after.subList(0, count);
      }
      if (job.client.getJobExecutionResult().isDone()) {
        job.client.getJobExecutionResult().get();
        throw new IllegalStateException("The job ended before " + count + " checkpoints completed");
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("Fewer than " + count + " checkpoints completed within 600 s: "
        + job.client.getCheckpointStatistics().get(10, TimeUnit.SECONDS));
  }

  private static StreamExecutionEnvironment environment(String backend, int p, Options o, long intervalMillis) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(p);
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    boolean incremental = backend.endsWith(INCREMENTAL_SUFFIX);
    env.getConfiguration().setString("state.backend.type",
        incremental ? backend.substring(0, backend.length() - INCREMENTAL_SUFFIX.length()) : backend);
    env.getConfiguration().setString("state.backend.incremental", String.valueOf(incremental));
    if (intervalMillis > 0) {
      env.enableCheckpointing(intervalMillis);
      env.getCheckpointConfig().setCheckpointStorage(o.dir.toAbsolutePath());
    }
    return env;
  }

  private static List<CheckpointStatistics> completed(List<CheckpointStatistics> stats) {
    return stats.stream()
        .filter(s -> s.status() == CheckpointStatistics.Status.COMPLETED && !s.savepoint())
        .sorted(Comparator.comparingLong(CheckpointStatistics::checkpointId))
        .toList();
  }

  /**
   * Counts the records of each key in a {@code ValueState<Long>}; fails once when the harness asks
   * it to, and notes when the restarted attempt opened and processed its first record.
   */
  static final class CountPerKey extends KeyedProcessFunction<Long, Long, Long> {
    static final AtomicLong processed = new AtomicLong();
    static volatile boolean failRequested;
    static volatile long failedNanos;
    static volatile long reopenedNanos;
    static final AtomicLong recoveredNanos = new AtomicLong();
    static volatile int recoveredAttempt;

    private transient ValueState<Long> count;
    private transient boolean restarted;
    private final boolean countRecords;

    CountPerKey(boolean countRecords) {
      this.countRecords = countRecords;
    }

    static void reset() {
      processed.set(0);
      failRequested = false;
      failedNanos = 0;
      reopenedNanos = 0;
      recoveredNanos.set(0);
      recoveredAttempt = -1;
    }

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
      restarted = failedNanos != 0;
      if (restarted) {
        reopenedNanos = System.nanoTime();
      }
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<Long> out) throws Exception {
      if (restarted) {
        if (recoveredNanos.compareAndSet(0, System.nanoTime())) {
          recoveredAttempt = getRuntimeContext().getAttemptNumber();
        }
      } else if (failRequested && failedNanos == 0) {
        failedNanos = System.nanoTime();
        throw new IllegalStateException("injected failure (checkpoint benchmark)");
      }
      Long c = count.value();
      count.update(c == null ? 1L : c + 1);
      if (countRecords) {
        processed.incrementAndGet(); // p1 only: one writer, uncontended
      }
    }
  }

  /**
   * Lets through {@code fill} records at once, then {@code perSecond} records a second, or one every
   * 10 ms if that is 0 (to keys already in the state).
   */
  private static final class FillThenTrickle implements RateLimiterStrategy {
    private static final long serialVersionUID = 1L;
    private static final long TRICKLE_NANOS = 10_000_000L;
    private final long fill;
    private final double perSecond;

    FillThenTrickle(long fill, double perSecond) {
      this.fill = fill;
      this.perSecond = perSecond;
    }

    @Override
    public RateLimiter createRateLimiter(int parallelism) {
      long budget = (fill + parallelism - 1) / parallelism;
      return new RateLimiter() {
        long left = budget;
        long nextTrickle;
        long trickleStart;
        long trickled;

        @Override
        public int tryAcquire(int wanted, long nowNanos) {
          if (left > 0) {
            int granted = (int) Math.min(wanted, left);
            left -= granted;
            trickleStart = nowNanos;
            return granted;
          }
          if (perSecond > 0) {
            long due = (long) ((nowNanos - trickleStart) / 1e9 * perSecond / parallelism) - trickled;
            int granted = (int) Math.max(0, Math.min(wanted, due));
            trickled += granted;
            return granted;
          }
          if (nowNanos - nextTrickle >= 0) {
            nextTrickle = nowNanos + TRICKLE_NANOS;
            return 1;
          }
          return 0;
        }

        @Override
        public long nanosUntilNextPermit(long nowNanos) {
          if (left > 0) {
            return 0;
          }
          return perSecond > 0 ? 1_000_000L : Math.max(0, nextTrickle - nowNanos);
        }
      };
    }
  }

  // ------------------------------------------------------------------ helpers

  private static double median(double[] values) {
    return ThroughputBench.median(values);
  }

  private static double median(List<Double> values) {
    return ThroughputBench.median(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static String bytes(double b) {
    if (Double.isNaN(b)) {
      return "-";
    }
    if (b >= 1 << 30) {
      return String.format(Locale.ROOT, "%.2f GiB", b / (1 << 30));
    }
    if (b >= 1 << 20) {
      return String.format(Locale.ROOT, "%.1f MiB", b / (1 << 20));
    }
    return String.format(Locale.ROOT, "%.1f KiB", b / 1024);
  }

  private static final class Options {
    List<String> parts = List.of("overhead", "size", "recovery");
    List<String> backends = List.of("hashmap", "rocksdb");
    List<Integer> parallelisms = List.of(1, 2);
    int runs = 3;
    long keys = 100_000;
    long recordsHeap = 20_000_000;
    long recordsRocksDb = 2_000_000;
    List<Long> sizeKeys = List.of(1_000_000L, 10_000_000L);
    long sizeIntervalMillis = 1000;
    double sizeChangedPercent = 0;
    long recoveryKeys = 1_000_000;
    long restartDelayMillis = 0;
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "spate-checkpoint-bench");

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + arg + " needs a value");
        }
        String v = args[++i];
        switch (arg) {
          case "--part" -> o.parts = list(v);
          case "--backend" -> o.backends = list(v);
          case "--parallelism" -> o.parallelisms = list(v).stream().map(Integer::parseInt).toList();
          case "--runs" -> o.runs = Integer.parseInt(v);
          case "--keys" -> o.keys = ThroughputBench.Options.parseCount(v);
          case "--records-hashmap" -> o.recordsHeap = ThroughputBench.Options.parseCount(v);
          case "--records-rocksdb" -> o.recordsRocksDb = ThroughputBench.Options.parseCount(v);
          case "--size-keys" -> o.sizeKeys = list(v).stream().map(ThroughputBench.Options::parseCount).toList();
          case "--size-interval-ms" -> o.sizeIntervalMillis = Long.parseLong(v);
          case "--size-changed-percent" -> o.sizeChangedPercent = Double.parseDouble(v);
          case "--recovery-keys" -> o.recoveryKeys = ThroughputBench.Options.parseCount(v);
          case "--restart-delay-ms" -> o.restartDelayMillis = Long.parseLong(v);
          case "--dir" -> o.dir = Path.of(v);
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      return o;
    }

    private static List<String> list(String v) {
      return Stream.of(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
  }
}
