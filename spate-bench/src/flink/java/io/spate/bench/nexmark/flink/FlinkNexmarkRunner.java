package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.BeforeTheClock;
import io.spate.bench.nexmark.NexmarkQueries;
import io.spate.bench.nexmark.NexmarkQuery;
import io.spate.bench.nexmark.ResultSummary;
import io.spate.bench.nexmark.run.LatencyOrigin;
import io.spate.bench.nexmark.run.ProcessMeter;
import io.spate.bench.nexmark.run.RunResult;
import io.spate.bench.nexmark.run.RunnerOptions;
import io.spate.connectors.nexmark.Event;
import io.spate.connectors.nexmark.NexmarkConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs one Nexmark query on Apache Flink in an in-process MiniCluster, following the benchmark
 * runner protocol: {@code --query qN --events N --parallelism P --state hashmap|rocksdb
 * --checkpoint-interval-ms M --checkpoint-dir DIR --seed S --out FILE [--event-rate EPS] [--rate EPS]
 * [--latency]}.
 * Writes one JSON object to {@code --out}; timing covers job submission to job end, not cluster start.
 */
public final class FlinkNexmarkRunner {

  /** The options of one run. */
  public record Options(String query, long events, int parallelism, String state, long checkpointIntervalMs,
      String checkpointDir, long seed, String out, double eventRate, double rate, boolean latency) {

    static Options parse(String[] args) {
      Map<String, String> m = new HashMap<>();
      for (int i = 0; i < args.length; i++) {
        if (!args[i].startsWith("--")) {
          throw new IllegalArgumentException("Unexpected argument " + args[i]);
        }
        String key = args[i].substring(2);
        if (key.equals("latency")) {
          m.put(key, "true");
        } else if (i + 1 < args.length) {
          m.put(key, args[++i]);
        } else {
          throw new IllegalArgumentException("Option --" + key + " needs a value");
        }
      }
      return new Options(m.getOrDefault("query", "q0"), Long.parseLong(m.getOrDefault("events", "1000000")),
          Integer.parseInt(m.getOrDefault("parallelism", "1")), m.getOrDefault("state", "hashmap"),
          Long.parseLong(m.getOrDefault("checkpoint-interval-ms", "0")), m.get("checkpoint-dir"),
          Long.parseLong(m.getOrDefault("seed", "0")), m.get("out"),
          Double.parseDouble(m.getOrDefault("event-rate", "0")), Double.parseDouble(m.getOrDefault("rate", "0")),
          m.containsKey("latency"));
    }

    NexmarkConfiguration nexmark() {
      return RunnerOptions.configuration(seed, events, eventRate, rate);
    }
  }

  /** The outcome of one run. */
  public record Outcome(long elapsedNanos, long cpuNanos, ResultSummary summary, RunResult.Latency latency) {}

  private FlinkNexmarkRunner() {}

  /** Runs the query of {@code options} and returns its timing and result summary. */
  public static Outcome run(Options options) throws Exception {
    NexmarkConfiguration nexmark = options.nexmark();
    Configuration config = configuration(options);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(options.parallelism());
    if (options.checkpointIntervalMs() > 0) {
      env.enableCheckpointing(options.checkpointIntervalMs());
    }
    String runId = UUID.randomUUID().toString();
    DataStream<Event> source = env.addSource(new FlinkNexmarkSource(nexmark), "Nexmark");
    if (options.latency()) {
      source = source.map(new FlinkWallClockOrigin(runId)).name("wall clock origin");
    }
    DataStream<Event> events = source
        .assignTimestampsAndWatermarks(
            FlinkEvents.watermarks(Duration.ofMillis(nexmark.outOfOrdernessMillis())))
        .name("Nexmark timestamps");
    @SuppressWarnings("unchecked")
    DataStream<Object> rows = (DataStream<Object>) FlinkNexmarkQueries.named(options.query()).build(events);
    var sink = rows.addSink(new FoldSink(options.query(), options.latency(), runId)).name("Result fold");
    NexmarkQuery<Object> definition = NexmarkQueries.named(options.query());
    if (!NexmarkQueries.insertOnly(definition)) {
      // the last row per key is only known where all rows meet
      sink.setParallelism(1);
    }
    JobGraph job = env.getStreamGraph().getJobGraph();

    MiniClusterConfiguration cluster = new MiniClusterConfiguration.Builder()
        .setConfiguration(config).setNumTaskManagers(1).setNumSlotsPerTaskManager(options.parallelism()).build();
    if (options.latency()) {
      LatencyOrigin.open(runId, nexmark, definition.processingTime());
    }
    try (MiniCluster mini = new MiniCluster(cluster)) {
      mini.start();
      LatencyClock.reset();
      FoldSink.LATENCIES.clear();
      long cpu0 = ProcessMeter.processCpuNanos();
      long t0 = System.nanoTime();
      JobExecutionResult done = mini.executeJobBlocking(job);
      long elapsed = System.nanoTime() - t0;
      long cpu = ProcessMeter.processCpuNanos() - cpu0;
      Long count = done.getAccumulatorResult(FoldSink.COUNT);
      Long checksum = done.getAccumulatorResult(FoldSink.CHECKSUM);
      ResultSummary summary = new ResultSummary(count == null ? 0 : count, checksum == null ? 0 : checksum);
      return new Outcome(elapsed, cpu, summary, options.latency() ? RunResult.Latency.ofSorted(allLatencies()) : null);
    } finally {
      LatencyOrigin.close(runId);
    }
  }

  /**
   * Fails if Flink would load RocksDB's Java classes from another jar than its own frocksdbjni (such
   * as Spate's rocksdbjni earlier on the class path): checkpoints would then fail in obscure ways.
   */
  static void checkRocksDbClasses() {
    try {
      var source = Class.forName("org.rocksdb.RocksDB").getProtectionDomain().getCodeSource();
      String jar = source == null ? "?" : source.getLocation().toString();
      if (!jar.contains("frocksdbjni")) {
        throw new IllegalStateException("Flink's RocksDB backend needs frocksdbjni's org.rocksdb classes, but they"
            + " come from " + jar + "; use target/flink-classpath.txt (built with -Pflink), which leaves out rocksdbjni");
      }
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("frocksdbjni is not on the class path", e);
    }
  }

  static Configuration configuration(Options options) {
    Configuration config = new Configuration();
    // the rows are immutable records and no function keeps an input across calls: reuse is safe
    config.set(PipelineOptions.OBJECT_REUSE, true);
    // every type has a Flink serializer (records as POJOs): fail rather than fall back to Kryo
    config.set(PipelineOptions.GENERIC_TYPES, false);
    config.set(StateBackendOptions.STATE_BACKEND, options.state());
    if (options.state().equals("rocksdb")) {
      checkRocksDbClasses();
      config.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
    }
    if (options.checkpointDir() != null) {
      config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, Paths.get(options.checkpointDir()).toUri().toString());
    }
    config.set(RestOptions.BIND_PORT, "0");
    return config;
  }

  private static long[] allLatencies() {
    List<long[]> parts = new ArrayList<>(FoldSink.LATENCIES);
    long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
    Arrays.sort(all);
    return all;
  }

  /** Runs one measurement and writes its JSON; exits 1 on failure. */
  public static void main(String[] args) throws IOException {
    String query = "?";
    String out = null;
    try {
      Options options = Options.parse(args);
      query = options.query();
      out = options.out();
      BeforeTheClock.prepare(options.nexmark());
      Outcome o = run(options);
      write(out, RunResult.measured("flink", query, options.events(), o.elapsedNanos(), o.cpuNanos(),
          ProcessMeter.peakRssKiB(), o.summary(), o.latency()).toJson());
      System.exit(0);
    } catch (Throwable e) {
      e.printStackTrace();
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      write(out, RunResult.failed("flink", query, message).toJson());
      System.exit(1);
    }
  }

  private static void write(String out, String json) throws IOException {
    if (out == null) {
      System.out.println(json);
    } else {
      Files.writeString(Path.of(out), json + "\n", StandardCharsets.UTF_8);
    }
  }
}
