package io.spate.bench.kafka;

import io.spate.bench.nexmark.run.BenchmarkOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The options of {@link KafkaBenchmark}: how many records of what size in how many partitions, which
 * workloads on which engines, how often, with what parallelism and checkpoint interval, and where
 * the work files and the report go.
 */
final class KafkaBenchmarkOptions {

  static final List<String> ENGINES = List.of("spate", "flink");

  long records = 2_000_000;
  int valueBytes = 100;
  int partitions = 4;
  int runs = 3;
  List<String> engines = ENGINES;
  List<KafkaWorkload> workloads = List.of(KafkaWorkload.values());
  int parallelism = 2;
  long checkpointIntervalMillis = 1000;
  Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "spate-kafka-bench");
  Path output = null;
  String flinkClasspath = null;
  List<String> jvmOptions = List.of("-Xmx4g", "-XX:+UseTransparentHugePages");
  List<String> brokerJvmOptions = List.of("-Xmx2g");
  Duration timeout = Duration.ofMinutes(10);

  static final String USAGE = """
      Usage: spate bench kafka [options]
        --records N                  records in the input topic, e.g. 2000000 or 2m (default 2m)
        --value-bytes B              bytes of each record's value; keys are 8 bytes (default 100)
        --partitions P               partitions of the input and output topics (default 4)
        --workloads LIST             discard,at-least-once,exactly-once (default all three)
        --engines spate,flink        engines to run (default both)
        --runs R                     runs per workload and engine, engines alternating; the report
                                     shows medians (default 3)
        --parallelism P              parallelism of both engines (default 2)
        --checkpoint-interval 1s     checkpoint interval of the workloads that write to Kafka (default 1s)
        --work-dir DIR               broker data, child results, logs and checkpoints
        --output FILE                write the report into the Kafka section of this Markdown file
        --flink-classpath CP         class path of the Flink runner (default: built by -Pflink in spate-bench/target)
        --jvm-opts "OPTS"            options of each engine's child JVM (default -Xmx4g -XX:+UseTransparentHugePages)
        --broker-jvm-opts "OPTS"     options of the broker's JVM (default -Xmx2g)
        --timeout 10m                time limit of each child run (default 10m)
      """;

  static KafkaBenchmarkOptions parse(String[] args) {
    KafkaBenchmarkOptions o = new KafkaBenchmarkOptions();
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
          case "--records" -> o.records = BenchmarkOptions.count(v);
          case "--value-bytes" -> o.valueBytes = Math.toIntExact(BenchmarkOptions.count(v));
          case "--partitions" -> o.partitions = Integer.parseInt(v);
          case "--workloads" -> o.workloads = workloads(v);
          case "--engines" -> o.engines = engines(v);
          case "--runs" -> o.runs = Integer.parseInt(v);
          case "--parallelism" -> o.parallelism = Integer.parseInt(v);
          case "--checkpoint-interval" -> o.checkpointIntervalMillis = BenchmarkOptions.millis(v);
          case "--work-dir" -> o.workDir = Path.of(v);
          case "--output" -> o.output = Path.of(v);
          case "--flink-classpath" -> o.flinkClasspath = v;
          case "--jvm-opts" -> o.jvmOptions = jvmOptions(v);
          case "--broker-jvm-opts" -> o.brokerJvmOptions = jvmOptions(v);
          case "--timeout" -> o.timeout = Duration.ofMillis(BenchmarkOptions.millis(v));
          default -> throw new IllegalArgumentException("Unknown option " + name);
        }
      } catch (NumberFormatException | ArithmeticException e) {
        throw new IllegalArgumentException("Option " + name + " needs a number, but got '" + v + "'");
      }
    }
    if (o.records < 1 || o.valueBytes < 1 || o.partitions < 1 || o.runs < 1 || o.parallelism < 1) {
      throw new IllegalArgumentException("--records, --value-bytes, --partitions, --runs and --parallelism must be at least 1");
    }
    if (o.checkpointIntervalMillis < 1 && o.workloads.contains(KafkaWorkload.EXACTLY_ONCE)) {
      throw new IllegalArgumentException("--checkpoint-interval must be positive: the exactly-once sink commits on checkpoints");
    }
    if (o.timeout.isZero() || o.timeout.isNegative()) {
      throw new IllegalArgumentException("--timeout must be positive");
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

  private static List<KafkaWorkload> workloads(String v) {
    if (v.equalsIgnoreCase("all")) {
      return List.of(KafkaWorkload.values());
    }
    List<KafkaWorkload> list = new ArrayList<>();
    for (String name : v.split(",")) {
      KafkaWorkload w = KafkaWorkload.of(name);
      if (!list.contains(w)) {
        list.add(w);
      }
    }
    return list;
  }

  private static List<String> engines(String v) {
    List<String> names = new ArrayList<>();
    for (String name : v.split(",")) {
      String engine = name.trim().toLowerCase(Locale.ROOT);
      if (!ENGINES.contains(engine)) {
        throw new IllegalArgumentException("Unknown engine '" + engine + "'; known: " + ENGINES);
      }
      if (!names.contains(engine)) {
        names.add(engine);
      }
    }
    return names;
  }
}
