package io.spate.bench.nexmark.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the Nexmark queries on Spate, Apache Flink and the single-threaded baseline, each run in its
 * own child JVM, and reports per query the throughput, CPU per million events, peak memory and
 * whether the engines agree on the result (medians over runs). See {@link BenchmarkOptions#USAGE}.
 */
public final class NexmarkBenchmark {

  static final String SPATE_RUNNER = "io.spate.bench.nexmark.run.SpateNexmarkRunner";
  static final String FLINK_RUNNER = "io.spate.bench.nexmark.flink.FlinkNexmarkRunner";
  static final String SPATE_PROMETHEUS_RUNNER = "io.spate.bench.nexmark.run.SpatePrometheusNexmarkRunner";
  static final String SPATE_SQL_RUNNER = "io.spate.bench.nexmark.run.SpateSqlNexmarkRunner";
  static final String FLINK_SQL_RUNNER = "io.spate.bench.nexmark.flink.FlinkSqlNexmarkRunner";
  static final String BASELINE_RUNNER = "io.spate.bench.nexmark.run.BaselineNexmarkRunner";
  static final String FLINK_HINT = "Flink is left out: its runner is not built. Build it with "
      + "'mvn -Pflink -pl spate-bench -am -DskipTests process-classes' (which writes spate-bench/target/"
      + "flink-classpath.txt) or pass --flink-classpath.";

  private NexmarkBenchmark() {}

  /** Runs the benchmark; exits 2 on bad options, 0 otherwise (failed runs are reported, not fatal). */
  public static void main(String[] args) throws IOException {
    BenchmarkOptions options;
    try {
      options = BenchmarkOptions.parse(args);
    } catch (BenchmarkOptions.HelpRequested e) {
      System.out.print(BenchmarkOptions.USAGE);
      return;
    } catch (IllegalArgumentException e) {
      System.err.println("spate bench nexmark: " + e.getMessage());
      System.err.print(BenchmarkOptions.USAGE);
      System.exit(2);
      return;
    }
    List<QueryComparison> results = run(options, System.out);
    String report = BenchmarkReport.markdown(options, results, args);
    System.out.println();
    System.out.print(report);
    if (options.output != null) {
      new MarkdownSection("nexmark").writeTo(options.output, report);
      System.out.println("Wrote the report into " + options.output);
    }
  }

  /** Runs every query on every engine, printing progress to {@code log}. */
  static List<QueryComparison> run(BenchmarkOptions options, java.io.PrintStream log) throws IOException {
    Files.createDirectories(options.workDir);
    String ownClasspath = System.getProperty("java.class.path");
    List<String> engines = new ArrayList<>(options.engines);
    String flinkClasspath = null;
    if (engines.contains("flink") || engines.contains("flink-sql")) {
      flinkClasspath = options.flinkClasspath != null ? options.flinkClasspath : builtFlinkClasspath();
      if (flinkClasspath == null) {
        log.println(FLINK_HINT);
        engines.remove("flink");
        engines.remove("flink-sql");
      }
    }
    ChildRunner children = new ChildRunner(options.jvmOptions, options.timeout, options.workDir);
    ChildRunner latencyChildren = new ChildRunner(options.latencyJvmOptions, options.timeout, options.workDir);
    List<QueryComparison> comparisons = new ArrayList<>();
    for (String query : options.queries) {
      QueryComparison comparison = new QueryComparison(query);
      comparisons.add(comparison);
      for (String engine : engines) {
        String classpath = engine.startsWith("flink") ? flinkClasspath : ownClasspath;
        for (int run = 1; options.throughputRuns && run <= options.runs; run++) {
          RunnerOptions runOptions = runOptions(options, query, engine, run, false);
          RunResult result = children.run(engine, mainClass(engine), classpath, runOptions);
          comparison.add(result);
          log.println(progress(result, run));
        }
        // the SQL runners measure throughput only
        if (options.latencyRate > 0 && !engine.equals("baseline") && !engine.endsWith("-sql")) {
          for (int run = 1; run <= options.runs; run++) {
            RunResult result = latencyChildren.run(engine, mainClass(engine), classpath,
                runOptions(options, query, engine, run, true));
            comparison.addLatency(result);
            log.println(progress(result, run));
          }
        }
      }
    }
    return comparisons;
  }

  /** The protocol's options of one run; a latency run's paced rate is its event-time rate too. */
  static RunnerOptions runOptions(BenchmarkOptions o, String query, String engine, int run, boolean latency) {
    String name = query + "-" + engine + (latency ? "-latency" : "") + "-" + run;
    return new RunnerOptions(query, latency ? o.latencyEvents : o.events, o.parallelism, o.state,
        o.checkpointIntervalMillis, o.workDir.resolve("checkpoints").resolve(name), o.seed,
        o.workDir.resolve(name + ".json"), latency ? o.latencyRate : o.eventRate, latency ? o.latencyRate : 0,
        latency);
  }

  private static String mainClass(String engine) {
    return switch (engine) {
      case "spate" -> SPATE_RUNNER;
      case "spate-prom" -> SPATE_PROMETHEUS_RUNNER;
      case "flink" -> FLINK_RUNNER;
      case "spate-sql" -> SPATE_SQL_RUNNER;
      case "flink-sql" -> FLINK_SQL_RUNNER;
      case "baseline" -> BASELINE_RUNNER;
      default -> throw new IllegalArgumentException("Unknown engine " + engine);
    };
  }

  private static String progress(RunResult r, int run) {
    if (r.isError()) {
      return String.format(Locale.ROOT, "%-4s %-8s run %d FAILED: %s", r.query(), r.engine(), run, r.error());
    }
    String latency = r.latency() == null ? "" : String.format(Locale.ROOT, ", latency p50 %.1f ms p99 %.1f ms",
        r.latency().p50Micros() / 1000.0, r.latency().p99Micros() / 1000.0);
    return String.format(Locale.ROOT, "%-4s %-8s run %d: %,.0f events/s, %.2f CPU s/M events, %d MiB peak, %d rows%s",
        r.query(), r.engine(), run, r.eventsPerSecond(), r.cpuSecondsPerMillionEvents(), r.peakRssKiB() / 1024,
        r.resultCount(), latency);
  }

  /**
   * The class path of a Flink runner JVM that {@code mvn -Pflink ... process-classes} left in
   * spate-bench's target directory, or null. It is never this JVM's own class path: Spate's
   * rocksdbjni and Flink's frocksdbjni both define {@code org.rocksdb}, and Flink must see only its own.
   */
  static String builtFlinkClasspath() {
    Path target;
    try {
      Path location = Path.of(NexmarkBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      target = location.getParent();
    } catch (Exception e) {
      return null;
    }
    Path classes = target.resolve("classes");
    Path dependencies = target.resolve("flink-classpath.txt");
    Path runner = classes.resolve(FLINK_RUNNER.replace('.', '/') + ".class");
    if (!Files.isRegularFile(dependencies) || !Files.isRegularFile(runner)) {
      return null;
    }
    try {
      StringBuilder classpath = new StringBuilder(classes.toString()).append(java.io.File.pathSeparator)
          .append(Files.readString(dependencies).trim());
      // the Scala 2.12 runtime of Flink's SQL planner, kept apart from the 2.13 of Spate's Kafka broker
      Path scala = target.resolve("flink-scala-lib");
      if (Files.isDirectory(scala)) {
        try (var jars = Files.list(scala)) {
          jars.filter(j -> j.toString().endsWith(".jar")).sorted()
              .forEach(j -> classpath.append(java.io.File.pathSeparator).append(j));
        }
      }
      return classpath.toString();
    } catch (IOException e) {
      return null;
    }
  }
}
