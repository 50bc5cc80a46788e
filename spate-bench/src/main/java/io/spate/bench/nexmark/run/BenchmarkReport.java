package io.spate.bench.nexmark.run;

import io.spate.connectors.nexmark.NexmarkConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the benchmark's Markdown report: where and how it ran, then one row per query. Its
 * descriptions of the machine, the Spate build and rates serve the other benchmarks' reports too.
 */
public final class BenchmarkReport {

  /** The version of Apache Flink that spate-bench's flink profile runs. */
  static final String FLINK_VERSION = "1.20.4";

  private BenchmarkReport() {}

  /** The child JVMs' options: one list if every run used it, else those of throughput and latency runs. */
  static String childJvms(BenchmarkOptions o) {
    String throughput = "`" + String.join(" ", o.jvmOptions) + "`";
    String latency = "`" + String.join(" ", o.latencyJvmOptions) + "`";
    if (!o.throughputRuns) {
      return "child JVMs with " + latency;
    }
    if (o.latencyRate <= 0 || throughput.equals(latency)) {
      return "child JVMs with " + throughput;
    }
    return "throughput runs' JVMs with " + throughput + ", latency runs' with " + latency;
  }

  static String markdown(BenchmarkOptions o, List<QueryComparison> results, String[] args) {
    StringBuilder s = new StringBuilder();
    s.append("## Nexmark: Spate, Apache Flink and one thread\n\n");
    s.append("Written by `./spate bench nexmark ").append(String.join(" ", args)).append("` on ")
        .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
        .append(".\n\n");
    s.append("- Machine: ").append(machine()).append('\n');
    s.append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append(", ").append(childJvms(o)).append('\n');
    s.append("- Versions: Spate ").append(spateVersion())
        .append(results.stream().anyMatch(q -> !q.ok("flink").isEmpty() || !q.ok("flink-sql").isEmpty())
            ? ", Apache Flink " + FLINK_VERSION : "")
        .append('\n');
    double eventRate = o.eventRate > 0 ? o.eventRate : NexmarkConfiguration.defaults().eventsPerSecond();
    s.append(String.format(Locale.ROOT, "- Configuration: %,d events at %s events/s of event time (%.1f s of "
            + "event time%s; seed %d, generator defaults otherwise), parallelism %d, %s state, %s, %d run%s per "
            + "query and engine (medians shown)%n",
        o.events, rate(eventRate), o.events / eventRate, o.eventRate > 0 ? "" : ", the generator's default rate",
        o.seed, o.parallelism, o.state,
        o.checkpointIntervalMillis > 0 ? "checkpoints every " + o.checkpointIntervalMillis + " ms" : "no checkpoints",
        o.runs, o.runs == 1 ? "" : "s"));
    s.append('\n');
    if (o.throughputRuns) {
      throughputTable(s, o, results);
      if (o.engines.contains("spate-sql") || o.engines.contains("flink-sql")) {
        sqlTable(s, results);
      }
    }
    if (o.latencyRate > 0) {
      s.append(String.format(Locale.ROOT, "%nLatency at %s events/s (%,d events per run; event time advances at "
          + "that rate, and the source emits each event when the wall clock reaches its time, the events of a "
          + "millisecond together), milliseconds: p50 / p99 / p99.9 of the time from the "
          + "scheduled emission of a row's newest input to the row's arrival at the sink, defined alike for both "
          + "engines: a map right after the source keeps the origin, the least `now - (eventTime - "
          + "firstEventTime)` over all events; a row stamped `t` arriving at `now` took `now - (origin + "
          + "(min(t, lastEventTime) - firstEventTime))`, so a window that closes only at the end of input counts "
          + "from the last event, which released it; rows without a timestamp or stamped before the first event "
          + "are not sampled.%n%n", rate(o.latencyRate), o.latencyEvents));
      s.append("| query | Spate | Flink |\n|---|---:|---:|\n");
      for (QueryComparison q : results) {
        s.append("| ").append(q.query).append(" | ").append(latency(q.medianLatency("spate")))
            .append(" | ").append(latency(q.medianLatency("flink"))).append(" |\n");
      }
    }
    List<String> failures = new ArrayList<>();
    for (QueryComparison q : results) {
      for (String engine : q.runs.keySet()) {
        for (String error : q.errors(engine)) {
          failures.add("- " + q.query + " on " + engine + ": " + error.replace('\n', ' '));
        }
      }
    }
    if (!failures.isEmpty()) {
      s.append("\nFailed runs:\n\n").append(String.join("\n", failures)).append('\n');
    }
    return s.toString();
  }

  private static void throughputTable(StringBuilder s, BenchmarkOptions o, List<QueryComparison> results) {
    s.append("| query | events | Spate events/s | Flink events/s | Spate/Flink | Spate CPU s/M events "
        + "| Flink CPU s/M events | Spate peak RSS MiB | Flink peak RSS MiB | baseline events/s | Spate/baseline "
        + "| results |\n");
    s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (QueryComparison q : results) {
      double spate = q.medianEventsPerSecond("spate");
      double flink = q.medianEventsPerSecond("flink");
      double baseline = q.medianEventsPerSecond("baseline");
      s.append("| ").append(q.query)
          .append(" | ").append(rate(o.events))
          .append(" | ").append(rate(spate))
          .append(" | ").append(rate(flink))
          .append(" | ").append(ratio(spate, flink))
          .append(" | ").append(number(q.medianCpuPerMillion("spate")))
          .append(" | ").append(number(q.medianCpuPerMillion("flink")))
          .append(" | ").append(whole(q.medianPeakRssMiB("spate")))
          .append(" | ").append(whole(q.medianPeakRssMiB("flink")))
          .append(" | ").append(rate(baseline))
          .append(" | ").append(ratio(spate, baseline))
          .append(" | ").append(q.resultCheck())
          .append(" |\n");
    }
    s.append(summary("Spate/Flink", results, "flink")).append(summary("Spate/baseline", results, "baseline"))
        .append(summary("Spate with a Prometheus reporter/Spate", results, "spate-prom", "spate"));
  }

  /**
   * The SQL engines' table: Spate SQL against Flink SQL and against Spate's DataStream version. The
   * results column compares every engine of the run, so "equal" means the SQL results equal the
   * DataStream versions' too.
   */
  static void sqlTable(StringBuilder s, List<QueryComparison> results) {
    s.append("\n### Nexmark SQL\n\n");
    s.append("| query | Spate SQL events/s | Flink SQL events/s | Spate SQL/Flink SQL | Spate events/s "
        + "| Spate SQL/Spate | Spate SQL CPU s/M events | Flink SQL CPU s/M events | Spate SQL peak RSS MiB "
        + "| Flink SQL peak RSS MiB | results |\n");
    s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (QueryComparison q : results) {
      double spateSql = q.medianEventsPerSecond("spate-sql");
      double flinkSql = q.medianEventsPerSecond("flink-sql");
      double spate = q.medianEventsPerSecond("spate");
      s.append("| ").append(q.query)
          .append(" | ").append(rate(spateSql))
          .append(" | ").append(rate(flinkSql))
          .append(" | ").append(ratio(spateSql, flinkSql))
          .append(" | ").append(rate(spate))
          .append(" | ").append(ratio(spateSql, spate))
          .append(" | ").append(number(q.medianCpuPerMillion("spate-sql")))
          .append(" | ").append(number(q.medianCpuPerMillion("flink-sql")))
          .append(" | ").append(whole(q.medianPeakRssMiB("spate-sql")))
          .append(" | ").append(whole(q.medianPeakRssMiB("flink-sql")))
          .append(" | ").append(q.resultCheck())
          .append(" |\n");
    }
    s.append(summary("Spate SQL/Flink SQL", results, "spate-sql", "flink-sql"))
        .append(summary("Spate SQL/Spate", results, "spate-sql", "spate"));
  }

  /**
   * One line on the ratio of Spate's median throughput to {@code other}'s over the queries that both
   * ran: the median, the lowest and the highest; empty if none did.
   */
  static String summary(String label, List<QueryComparison> results, String other) {
    return summary(label, results, "spate", other);
  }

  /** The {@link #summary} of engine {@code mine} against {@code other}. */
  static String summary(String label, List<QueryComparison> results, String mine, String other) {
    List<double[]> ratios = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (QueryComparison q : results) {
      double spate = q.medianEventsPerSecond(mine);
      double theirs = q.medianEventsPerSecond(other);
      if (!Double.isNaN(spate) && !Double.isNaN(theirs) && theirs > 0) {
        ratios.add(new double[] {spate / theirs, names.size()});
        names.add(q.query);
      }
    }
    if (ratios.isEmpty()) {
      return "";
    }
    ratios.sort((x, y) -> Double.compare(x[0], y[0]));
    int n = ratios.size();
    double median = n % 2 == 1 ? ratios.get(n / 2)[0] : (ratios.get(n / 2 - 1)[0] + ratios.get(n / 2)[0]) / 2;
    double[] low = ratios.get(0);
    double[] high = ratios.get(n - 1);
    return String.format(Locale.ROOT, "%n%s over %d queries: median %.2f, lowest %.2f (%s), highest %.2f (%s).%n",
        label, n, median, low[0], names.get((int) low[1]), high[0], names.get((int) high[1]));
  }

  private static String latency(RunResult.Latency l) {
    if (l == null) {
      return "–";
    }
    return millis(l.p50Micros()) + " / " + millis(l.p99Micros()) + " / " + millis(l.p999Micros());
  }

  /** Microseconds as milliseconds, to the 10 us below 10 ms (sub-millisecond latencies differ there) and to 0.1 ms above. */
  static String millis(long micros) {
    return String.format(Locale.ROOT, micros < 10_000 ? "%.2f" : "%.1f", micros / 1000.0);
  }

  /** A rate with a K or M suffix, or a dash when unknown. */
  public static String rate(double value) {
    if (Double.isNaN(value) || value <= 0) {
      return "–";
    }
    if (value >= 1e6) {
      return String.format(Locale.ROOT, "%.2f M", value / 1e6);
    }
    if (value >= 1e3) {
      return String.format(Locale.ROOT, "%.0f K", value / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f", value);
  }

  private static String ratio(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) || b <= 0 ? "–" : String.format(Locale.ROOT, "%.2f", a / b);
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String whole(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.0f", value);
  }

  /** The CPU model, core count, memory and operating system of this machine. */
  public static String machine() {
    String cpu = "unknown CPU";
    long memKiB = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          memKiB = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: say less
    }
    return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores"
        + (memKiB > 0 ? String.format(Locale.ROOT, ", %.0f GiB RAM", memKiB / 1048576.0) : "")
        + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version");
  }

  /** The resource in which the build records the commit it built from (see spate-bench's pom.xml). */
  private static final String BUILD_COMMIT_RESOURCE = "/io/spate/bench/build-commit.txt";

  /**
   * Spate's version and the commit these classes were built from, as the build recorded it (not the
   * commit of the directory the benchmark runs in, which may be another tree).
   */
  public static String spateVersion() {
    String version = BenchmarkReport.class.getPackage().getImplementationVersion();
    String commit = buildCommit();
    return (version != null ? version : "0.1.0-SNAPSHOT") + (commit != null ? " (commit " + commit + ")" : "");
  }

  /**
   * The commit of the build ({@code git describe --always --dirty}), with "+ uncommitted changes" when
   * the tree had some; null when the build recorded none (built outside a git tree, or without git).
   */
  private static String buildCommit() {
    try (InputStream in = BenchmarkReport.class.getResourceAsStream(BUILD_COMMIT_RESOURCE)) {
      if (in == null) {
        return null;
      }
      Matcher described = BUILD_COMMIT.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
      if (!described.matches()) {
        return null;
      }
      return described.group(1) + (described.group(2) != null ? " + uncommitted changes" : "");
    } catch (IOException e) {
      return null;
    }
  }

  private static final Pattern BUILD_COMMIT = Pattern.compile("([0-9a-f]{4,40})(-dirty)?");
}
