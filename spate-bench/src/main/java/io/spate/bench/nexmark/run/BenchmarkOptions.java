package io.spate.bench.nexmark.run;

import io.spate.bench.nexmark.NexmarkQueries;
import io.spate.bench.nexmark.NexmarkQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The options of {@link NexmarkBenchmark}: which queries on which engines, how big and how often,
 * with what parallelism, state backend and checkpointing, and where the report goes.
 */
public final class BenchmarkOptions {

  /** The engines a run may name: Spate and Flink, each with its DataStream and its SQL version, and the baseline. */
  static final List<String> ENGINES = List.of("spate", "spate-prom", "spate-sql", "flink", "flink-sql", "baseline");

  /** The engines run when none are named. */
  static final List<String> DEFAULT_ENGINES = List.of("spate", "flink", "baseline");

  BenchmarkOptions() {}

  List<String> queries = NexmarkQueries.all().stream().map(NexmarkQuery::name).toList();
  long events = 1_000_000;
  double eventRate = 100_000;
  int parallelism = 2;
  String state = "hashmap";
  long checkpointIntervalMillis = 0;
  List<String> engines = DEFAULT_ENGINES;
  long seed = 0;
  int runs = 1;
  double latencyRate = 0;
  boolean throughputRuns = true;
  long latencyEvents = 0;
  Path output = null;
  String flinkClasspath = null;
  /**
   * Options of the throughput runs' JVMs. Each run starts a fresh JVM, whose heap is touched for the
   * first time during the measured job; with 4 KiB pages that is a page fault per 4 KiB of heap,
   * which on a virtual machine whose memory the host backs lazily costs more than the query on the
   * stateless queries. A long-running cluster pays this once. 2 MiB pages make it 512 times rarer.
   */
  List<String> jvmOptions = List.of("-Xmx4g", "-XX:+UseTransparentHugePages");
  /**
   * Options of the latency runs' JVMs: no transparent huge pages, since a thread that faults in a
   * 2 MiB page waits while all of it is cleared, which shows as a spike in the tail.
   */
  List<String> latencyJvmOptions = List.of("-Xmx4g");
  Duration timeout = Duration.ofMinutes(10);
  Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "spate-nexmark");

  static final String USAGE = """
      Usage: spate bench nexmark [options]
        --queries all|q0,q5,...      queries to run (default all)
        --events N                   events per run, e.g. 1000000 or 10m (default 1m)
        --event-rate EPS             events per second of event time, not a pace: 10m events at 100k
                                     span 100 s of event time; 0 for the generator's 10m (default 100k)
        --parallelism P              parallelism of Spate and Flink (default 2)
        --state hashmap|rocksdb      state backend (default hashmap)
        --checkpoint-interval 10s    checkpoint interval, 0 for none (default 0)
        --engines spate,flink,baseline   engines to run (default these three); also spate-sql and
                                     flink-sql, the queries' SQL (nexmark-sql/*.sql) on each engine,
                                     and spate-prom, Spate with a Prometheus reporter scraped each second
        --seed S                     generator seed (default 0)
        --runs R                     runs per query and engine; the report shows medians (default 1)
        --latency-rate EPS           also measure latency with the source paced to EPS events/s,
                                     which is then also the event-time rate of those runs
        --latency-events N           events per latency run (default 10 s worth)
        --mode both|latency          with --latency-rate: throughput and latency runs (default), or latency only
        --output FILE                write the report into a section of this Markdown file
        --flink-classpath CP         class path holding the Flink runner (default: this one, if it has it)
        --jvm-opts "OPTS"            options of each child JVM (default -Xmx4g -XX:+UseTransparentHugePages,
                                     and -Xmx4g for latency runs)
        --latency-jvm-opts "OPTS"    options of the latency runs' JVMs only (default: --jvm-opts if given)
        --timeout 10m                time limit of each child run (default 10m)
        --work-dir DIR               where child results, logs and checkpoints go
      """;

  static BenchmarkOptions parse(String[] args) {
    BenchmarkOptions o = new BenchmarkOptions();
    boolean jvmOptionsGiven = false;
    boolean latencyJvmOptionsGiven = false;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--help") || name.equals("-h")) {
        throw new HelpRequested();
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + name + " needs a value");
      }
      String v = args[++i];
      try {
        switch (name) {
          case "--queries" -> o.queries = queries(v);
          case "--events" -> o.events = count(v);
          case "--event-rate" -> o.eventRate = count(v);
          case "--parallelism" -> o.parallelism = Integer.parseInt(v);
          case "--state" -> o.state = v;
          case "--checkpoint-interval" -> o.checkpointIntervalMillis = millis(v);
          case "--engines" -> o.engines = engines(v);
          case "--seed" -> o.seed = Long.parseLong(v);
          case "--runs" -> o.runs = Integer.parseInt(v);
          case "--mode" -> o.throughputRuns = switch (v) {
            case "both" -> true;
            case "latency" -> false;
            default -> throw new IllegalArgumentException("--mode must be both or latency, but is " + v);
          };
          case "--latency-rate" -> o.latencyRate = count(v);
          case "--latency-events" -> o.latencyEvents = count(v);
          case "--output" -> o.output = Path.of(v);
          case "--flink-classpath" -> o.flinkClasspath = v;
          case "--jvm-opts" -> {
            o.jvmOptions = jvmOptions(v);
            jvmOptionsGiven = true;
          }
          case "--latency-jvm-opts" -> {
            o.latencyJvmOptions = jvmOptions(v);
            latencyJvmOptionsGiven = true;
          }
          case "--timeout" -> o.timeout = Duration.ofMillis(millis(v));
          case "--work-dir" -> o.workDir = Path.of(v);
          default -> throw new IllegalArgumentException("Unknown option " + name);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Option " + name + " needs a number, but got '" + v + "'");
      }
    }
    if (jvmOptionsGiven && !latencyJvmOptionsGiven) {
      o.latencyJvmOptions = o.jvmOptions;
    }
    if (o.parallelism < 1 || o.runs < 1 || o.events < 1) {
      throw new IllegalArgumentException("--parallelism, --runs and --events must be at least 1");
    }
    if (o.eventRate < 0 || o.latencyRate < 0) {
      throw new IllegalArgumentException("--event-rate and --latency-rate must be at least 0");
    }
    if (!o.state.equals("hashmap") && !o.state.equals("rocksdb")) {
      throw new IllegalArgumentException("--state must be hashmap or rocksdb, but is " + o.state);
    }
    if (!o.throughputRuns && !(o.latencyRate > 0)) {
      throw new IllegalArgumentException("--mode latency needs --latency-rate EPS");
    }
    if (o.latencyRate > 0 && o.latencyEvents == 0) {
      o.latencyEvents = (long) (o.latencyRate * 10);
    }
    return o;
  }

  /** Thrown for {@code --help}. */
  static final class HelpRequested extends RuntimeException {
    HelpRequested() {
      super(USAGE, null, false, false);
    }
  }

  private static List<String> jvmOptions(String v) {
    return v.isBlank() ? List.of() : Arrays.asList(v.trim().split("\\s+"));
  }

  private static List<String> queries(String v) {
    if (v.equalsIgnoreCase("all")) {
      return NexmarkQueries.all().stream().map(NexmarkQuery::name).toList();
    }
    List<String> names = new ArrayList<>();
    for (String name : v.split(",")) {
      names.add(NexmarkQueries.named(name.trim().toLowerCase(Locale.ROOT)).name());
    }
    return names;
  }

  private static List<String> engines(String v) {
    List<String> names = new ArrayList<>();
    for (String name : v.split(",")) {
      String engine = name.trim().toLowerCase(Locale.ROOT);
      if (!ENGINES.contains(engine)) {
        throw new IllegalArgumentException("Unknown engine '" + engine + "'; known: " + ENGINES);
      }
      names.add(engine);
    }
    return names;
  }

  /** A count with an optional k or m suffix, such as {@code 10m}. */
  public static long count(String v) {
    String s = v.trim().toLowerCase(Locale.ROOT).replace("_", "");
    long scale = s.endsWith("k") ? 1_000 : s.endsWith("m") ? 1_000_000 : 1;
    return Long.parseLong(scale == 1 ? s : s.substring(0, s.length() - 1)) * scale;
  }

  /** A duration such as {@code 10s}, {@code 500ms}, {@code 2m} or plain milliseconds. */
  public static long millis(String v) {
    String s = v.trim().toLowerCase(Locale.ROOT);
    if (s.endsWith("ms")) {
      return Long.parseLong(s.substring(0, s.length() - 2));
    }
    if (s.endsWith("s")) {
      return Long.parseLong(s.substring(0, s.length() - 1)) * 1000;
    }
    if (s.endsWith("m")) {
      return Long.parseLong(s.substring(0, s.length() - 1)) * 60_000;
    }
    return Long.parseLong(s);
  }
}
