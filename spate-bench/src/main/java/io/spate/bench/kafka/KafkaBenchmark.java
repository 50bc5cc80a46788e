package io.spate.bench.kafka;

import io.spate.bench.nexmark.run.MarkdownSection;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The Kafka benchmark: starts a real Kafka broker in its own JVM, fills an input topic once, then
 * runs each workload ({@link KafkaWorkload}) on Spate and on Apache Flink over that topic, each run
 * in a fresh child JVM, the engines alternating, and reports records per second of job wall time
 * (medians), CPU and memory, and whether each run's output topic holds every record. See
 * {@link KafkaBenchmarkOptions#USAGE}. It measures; it asserts nothing about time.
 */
public final class KafkaBenchmark {

  static final String SPATE_RUNNER = "io.spate.bench.kafka.SpateKafkaRunner";
  static final String FLINK_RUNNER = "io.spate.bench.kafka.flink.FlinkKafkaRunner";
  static final String INPUT_TOPIC = "bench-input";
  static final String FLINK_HINT = "Flink is left out: its Kafka runner is not built. Build it with "
      + "'mvn -Pflink -pl spate-bench -am -DskipTests process-classes' (which writes spate-bench/target/"
      + "flink-classpath.txt and target/flink-kafka-lib) or pass --flink-classpath.";

  private KafkaBenchmark() {}

  /** Runs the benchmark; exits 2 on bad options, 1 if the broker could not be run, 0 otherwise. */
  public static void main(String[] args) throws Exception {
    KafkaBenchmarkOptions options;
    try {
      options = KafkaBenchmarkOptions.parse(args);
    } catch (KafkaBenchmarkOptions.HelpRequested e) {
      System.out.print(KafkaBenchmarkOptions.USAGE);
      return;
    } catch (IllegalArgumentException e) {
      System.err.println("spate bench kafka: " + e.getMessage());
      System.err.print(KafkaBenchmarkOptions.USAGE);
      System.exit(2);
      return;
    }
    List<String> notes = new ArrayList<>();
    List<KafkaRunResult> results;
    try {
      results = run(options, notes, System.out);
    } catch (IOException e) {
      System.err.println("spate bench kafka: " + e.getMessage());
      System.exit(1);
      return;
    }
    String report = KafkaBenchmarkReport.markdown(options, results, notes, args);
    System.out.println();
    System.out.print(report);
    if (options.output != null) {
      new MarkdownSection("kafka").writeTo(options.output, report);
      System.out.println("Wrote the report into " + options.output);
    }
    System.exit(0);
  }

  /** Starts the broker, fills the input topic and runs every workload on every engine, printing progress to {@code log}. */
  static List<KafkaRunResult> run(KafkaBenchmarkOptions o, List<String> notes, PrintStream log) throws Exception {
    Files.createDirectories(o.workDir);
    String ownClasspath = System.getProperty("java.class.path");
    List<String> engines = new ArrayList<>(o.engines);
    String flinkClasspath = null;
    if (engines.contains("flink")) {
      flinkClasspath = o.flinkClasspath != null ? o.flinkClasspath : builtFlinkClasspath();
      if (flinkClasspath == null) {
        log.println(FLINK_HINT);
        notes.add(FLINK_HINT);
        engines.remove("flink");
      }
    }
    KafkaChildRunner children = new KafkaChildRunner(o.jvmOptions, o.timeout, o.workDir);
    List<KafkaRunResult> results = new ArrayList<>();
    try (BrokerProcess broker = BrokerProcess.start(o.workDir.resolve("broker"), ownClasspath, o.brokerJvmOptions);
        BenchTopics topics = new BenchTopics(broker.bootstrapServers())) {
      log.println("Kafka broker at " + broker.bootstrapServers());
      topics.create(INPUT_TOPIC, o.partitions);
      long t0 = System.nanoTime();
      topics.fill(INPUT_TOPIC, o.records, o.valueBytes);
      log.printf(Locale.ROOT, "Filled %s with %,d records (%d partitions) in %.1f s%n", INPUT_TOPIC, o.records,
          o.partitions, (System.nanoTime() - t0) / 1e9);
      for (KafkaWorkload workload : o.workloads) {
        for (int run = 1; run <= o.runs; run++) {
          for (String engine : alternating(engines, run)) {
            KafkaRunResult result = runOnce(o, workload, engine, run, broker.bootstrapServers(), topics, children,
                engine.equals("flink") ? flinkClasspath : ownClasspath);
            results.add(result);
            log.println(progress(result, run));
          }
        }
      }
    }
    return results;
  }

  /** The engines in the given order on odd runs and in reverse on even ones, so neither always runs first. */
  static List<String> alternating(List<String> engines, int run) {
    List<String> order = new ArrayList<>(engines);
    if (run % 2 == 0) {
      java.util.Collections.reverse(order);
    }
    return order;
  }

  private static KafkaRunResult runOnce(KafkaBenchmarkOptions o, KafkaWorkload workload, String engine, int run,
      String bootstrapServers, BenchTopics topics, KafkaChildRunner children, String classpath) throws Exception {
    String name = workload.id() + "-" + engine + "-" + run;
    String outputTopic = "bench-output-" + name;
    if (workload.writesToKafka()) {
      topics.create(outputTopic, o.partitions);
    }
    KafkaRunnerOptions options = new KafkaRunnerOptions(workload, bootstrapServers, INPUT_TOPIC, outputTopic,
        o.records, o.parallelism, workload.writesToKafka() ? o.checkpointIntervalMillis : 0,
        o.workDir.resolve("checkpoints").resolve(name), "bench-" + name + "-" + System.nanoTime(),
        o.workDir.resolve(name + ".json"));
    KafkaRunResult result = children.run(engine,
        engine.equals("flink") ? FLINK_RUNNER : SPATE_RUNNER, classpath, options);
    if (!result.isError() && result.recordsRead() != o.records) {
      result = result.failedBecause("read " + result.recordsRead() + " records, but the input topic holds " + o.records);
    }
    if (workload.writesToKafka()) {
      if (!result.isError()) {
        long written = topics.countCommitted(outputTopic);
        result = result.withRecordsWritten(written);
        boolean complete = workload == KafkaWorkload.EXACTLY_ONCE ? written == o.records : written >= o.records;
        if (!complete) {
          result = result.failedBecause("the output topic " + outputTopic + " holds " + written
              + " committed records, expected " + (workload == KafkaWorkload.EXACTLY_ONCE ? "" : "at least ") + o.records);
        }
      }
      topics.delete(outputTopic);
    }
    return result;
  }

  private static String progress(KafkaRunResult r, int run) {
    if (r.isError()) {
      return String.format(Locale.ROOT, "%-13s %-5s run %d FAILED: %s", r.workload(), r.engine(), run, r.error());
    }
    return String.format(Locale.ROOT, "%-13s %-5s run %d: %,.0f records/s (%,d records in %.2f s), %.2f CPU s/M records,"
            + " %d MiB peak, kafka-clients %s%s",
        r.workload(), r.engine(), run, r.recordsPerSecond(), r.recordsRead(), r.elapsedNanos() / 1e9,
        r.cpuSecondsPerMillionRecords(), r.peakRssKiB() / 1024, r.kafkaClientsVersion(),
        r.recordsWritten() >= 0 ? String.format(Locale.ROOT, ", %,d records in the output topic", r.recordsWritten()) : "");
  }

  /**
   * The class path of a Flink runner JVM that {@code mvn -Pflink ... process-classes} left in
   * spate-bench's target directory, or null: the classes, the dependencies in {@code
   * flink-classpath.txt} (without Spate's kafka-clients) and the jars of {@code flink-kafka-lib}
   * (Flink's Kafka connector and its own kafka-clients).
   */
  static String builtFlinkClasspath() {
    Path target;
    try {
      target = Path.of(KafkaBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    } catch (Exception e) {
      return null;
    }
    Path classes = target.resolve("classes");
    Path dependencies = target.resolve("flink-classpath.txt");
    Path kafkaLib = target.resolve("flink-kafka-lib");
    Path runner = classes.resolve(FLINK_RUNNER.replace('.', '/') + ".class");
    if (!Files.isRegularFile(dependencies) || !Files.isRegularFile(runner) || !Files.isDirectory(kafkaLib)) {
      return null;
    }
    try (Stream<Path> jars = Files.list(kafkaLib)) {
      List<String> parts = new ArrayList<>();
      parts.add(classes.toString());
      parts.add(Files.readString(dependencies).trim());
      jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> parts.add(p.toString()));
      return String.join(File.pathSeparator, parts);
    } catch (IOException e) {
      return null;
    }
  }
}
