package io.spate.bench;

import io.spate.api.common.RestartStrategies;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiterStrategy;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The jobs of {@link DistributedBench} whose records carry the wall-clock time they were emitted at,
 * and the sinks that report, through files, when records arrived: a latency sample per record, or
 * the first record of each attempt.
 */
final class DistributedJobs {

  private DistributedJobs() {}

  /**
   * Microseconds since the epoch, from the system's real-time clock.
   *
   * <p>Records are stamped in one process and measured in another. {@code System.nanoTime()} is only
   * defined within one JVM (its origin is arbitrary; that HotSpot on Linux happens to use a clock
   * shared by all processes is not something to build on), and {@code currentTimeMillis()} has a
   * granularity of a millisecond, as large as the latencies measured. {@code Instant.now()} reads the
   * kernel's real-time clock with microsecond (here nanosecond) resolution, and every process of
   * one host reads the same clock, so a difference of two stamps from two JVMs is a true interval.
   * Its one risk is a clock adjustment during a run: NTP slews by at most 0.05% (0.5 us per ms
   * measured); a step would show as an outlier, none was seen.
   */
  static long epochMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  /** The keys records spread over. */
  private static final long KEYS = 1_000;

  /**
   * The latency job: {@code records} records at {@code recordsPerSecond} (all source subtasks
   * together), each the time of its emission, {@code keyBy -> map -> LatencySink}.
   */
  static void latencyJob(StreamExecutionEnvironment env, long records, double recordsPerSecond, LatencySink sink) {
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    env.fromSource(new DataGeneratorSource<>(index -> epochMicros(), records,
            RateLimiterStrategy.perSecond(recordsPerSecond), Types.LONG), WatermarkStrategy.noWatermarks(), "stamps")
        .keyBy(stamp -> stamp % KEYS, Types.LONG)
        .map(stamp -> stamp, Types.LONG)
        .sinkTo(sink);
  }

  /**
   * The recovery job: endless records at {@code recordsPerSecond}, each the time of its emission,
   * {@code keyBy -> a count per key in keyed state -> FirstRecordSink}, checkpointed every
   * {@code checkpointMillis} and restarted {@code restartDelay} after a failure.
   */
  static void recoveryJob(StreamExecutionEnvironment env, double recordsPerSecond, long checkpointMillis,
      Duration restartDelay, FirstRecordSink sink) {
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    env.enableCheckpointing(checkpointMillis);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(100, restartDelay));
    env.fromSource(new DataGeneratorSource<>(index -> epochMicros(), Long.MAX_VALUE,
            RateLimiterStrategy.perSecond(recordsPerSecond), Types.LONG), WatermarkStrategy.noWatermarks(), "stamps")
        .uid("stamps")
        .keyBy(stamp -> stamp % KEYS, Types.LONG)
        .process(new CountPerKey(), Types.LONG).uid("counts")
        .sinkTo(sink).uid("arrivals");
  }

  /** Counts records per key in keyed state (so that there is state to restore) and forwards each. */
  static final class CountPerKey extends KeyedProcessFunction<Long, Long, Long> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
    }

    @Override
    public void processElement(Long stamp, Context ctx, Collector<Long> out) throws Exception {
      Long n = count.value();
      count.update(n == null ? 1 : n + 1);
      out.collect(stamp);
    }
  }

  // ------------------------------------------------------------------ latency

  /**
   * Keeps, per sink subtask, the latency of each record (arrival minus emission, in microseconds)
   * emitted at least {@code warmupMicros} after the first record it saw, up to a bounded sample, and
   * writes them to {@code directory} when the input ends.
   */
  static final class LatencySink implements Sink<Long> {
    private static final long serialVersionUID = 1L;
    static final int CAPACITY = 1 << 21;
    private final String directory;
    private final String runId;
    private final long warmupMicros;

    LatencySink(Path directory, String runId, long warmupMicros) {
      this.directory = directory.toString();
      this.runId = runId;
      this.warmupMicros = warmupMicros;
    }

    @Override
    public SinkWriter<Long> createWriter(WriterInitContext context) {
      Path file = Path.of(directory, "latency-" + runId + "-" + context.getSubtaskId() + "-"
          + context.getAttemptNumber() + ".bin");
      return new SinkWriter<>() {
        private final long[] samples = new long[CAPACITY];
        private final SplittableRandom random = new SplittableRandom(context.getSubtaskId());
        private int size;
        private long seen;
        private long firstStamp = Long.MIN_VALUE;
        private long lastStamp;

        @Override
        public void write(Long stamp, Context ctx) {
          long now = epochMicros();
          if (firstStamp == Long.MIN_VALUE) {
            firstStamp = stamp;
          }
          lastStamp = stamp;
          if (stamp - firstStamp < warmupMicros) {
            return;
          }
          seen++;
          long latency = now - stamp;
          if (size < samples.length) {
            samples[size++] = latency;
          } else {
            long slot = random.nextLong(seen);
            if (slot < samples.length) {
              samples[(int) slot] = latency;
            }
          }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
          if (!endOfInput) {
            return;
          }
          Path partial = file.resolveSibling(file.getFileName() + ".part");
          try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
            out.writeLong(seen);
            out.writeLong(firstStamp);
            out.writeLong(lastStamp);
            out.writeInt(size);
            for (int i = 0; i < size; i++) {
              out.writeLong(samples[i]);
            }
          }
          Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        }
      };
    }

    /** What the sink subtasks of run {@code runId} wrote to {@code directory}. */
    static LatencyReport read(Path directory, String runId) throws IOException {
      List<long[]> parts = new ArrayList<>();
      long seen = 0;
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      int files = 0;
      try (Stream<Path> list = Files.list(directory)) {
        for (Path file : list.filter(f -> f.getFileName().toString().startsWith("latency-" + runId + "-")
            && f.getFileName().toString().endsWith(".bin")).toList()) {
          files++;
          try (InputStream raw = Files.newInputStream(file);
              DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            seen += in.readLong();
            first = Math.min(first, in.readLong());
            last = Math.max(last, in.readLong());
            long[] samples = new long[in.readInt()];
            for (int i = 0; i < samples.length; i++) {
              samples[i] = in.readLong();
            }
            parts.add(samples);
          }
        }
      }
      int total = parts.stream().mapToInt(p -> p.length).sum();
      long[] all = new long[total];
      int at = 0;
      for (long[] p : parts) {
        System.arraycopy(p, 0, all, at, p.length);
        at += p.length;
      }
      java.util.Arrays.sort(all);
      return new LatencyReport(files, seen, all, first, last);
    }
  }

  /**
   * The latencies of one run, sorted, in microseconds.
   *
   * @param files sink subtasks that reported
   * @param counted records measured (after the warm-up), of which {@code sorted} is a sample
   * @param sorted the sampled latencies in ascending order
   * @param firstStamp the emission time of the first record any subtask saw (epoch microseconds)
   * @param lastStamp the emission time of the last record (epoch microseconds)
   */
  record LatencyReport(int files, long counted, long[] sorted, long firstStamp, long lastStamp) {

    /** The nearest-rank {@code quantile} in microseconds, or -1 without samples. */
    long percentile(double quantile) {
      if (sorted.length == 0) {
        return -1;
      }
      int index = (int) Math.ceil(quantile * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
  }

  // ------------------------------------------------------------------ recovery

  /**
   * Writes, per sink subtask and attempt, one file on the first record that arrives: the attempt,
   * the subtask, the TaskManager's process id, the arrival time and the record's emission time.
   */
  static final class FirstRecordSink implements Sink<Long> {
    private static final long serialVersionUID = 1L;
    private final String directory;

    FirstRecordSink(Path directory) {
      this.directory = directory.toString();
    }

    @Override
    public SinkWriter<Long> createWriter(WriterInitContext context) {
      int attempt = context.getAttemptNumber();
      int subtask = context.getSubtaskId();
      return new SinkWriter<>() {
        private boolean reported;

        @Override
        public void write(Long stamp, Context ctx) throws IOException {
          if (reported) {
            return;
          }
          reported = true;
          long now = epochMicros();
          Path file = Path.of(directory, "first-" + attempt + "-" + subtask + ".txt");
          Path partial = Path.of(directory, "first-" + attempt + "-" + subtask + ".part");
          Files.writeString(partial, attempt + " " + subtask + " " + ProcessHandle.current().pid() + " " + now + " "
              + stamp + "\n", StandardCharsets.US_ASCII);
          Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        }

        @Override
        public void flush(boolean endOfInput) {}
      };
    }

    /** The first arrivals reported to {@code directory} so far. */
    static List<FirstArrival> read(Path directory) throws IOException {
      List<FirstArrival> arrivals = new ArrayList<>();
      try (Stream<Path> list = Files.list(directory)) {
        for (Path file : list.filter(f -> f.getFileName().toString().startsWith("first-")
            && f.getFileName().toString().endsWith(".txt")).toList()) {
          String[] f = Files.readString(file, StandardCharsets.US_ASCII).trim().split(" ");
          arrivals.add(new FirstArrival(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[2]),
              Long.parseLong(f[3]), Long.parseLong(f[4])));
        }
      }
      return arrivals;
    }
  }

  /**
   * The first record of one attempt at one sink subtask.
   *
   * @param attempt the attempt (0 first, then one more per restart)
   * @param subtask the sink subtask
   * @param pid the process the subtask ran in
   * @param arrivedMicros when the record arrived (epoch microseconds)
   * @param emittedMicros when its source emitted it (epoch microseconds)
   */
  record FirstArrival(int attempt, int subtask, long pid, long arrivedMicros, long emittedMicros) {}

  /** Deletes the files of {@code directory} (not below it), ignoring failures. */
  static void clear(Path directory) {
    try (Stream<Path> list = Files.list(directory)) {
      for (Path file : list.toList()) {
        if (Files.isRegularFile(file)) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      // what is left is overwritten or ignored
    }
  }
}
