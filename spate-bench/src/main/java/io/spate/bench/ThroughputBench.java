package io.spate.bench;

import io.spate.api.common.JobExecutionResult;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The throughput harness: runs the {@link Workload}s as whole jobs on the embedded cluster and
 * prints, per workload and parallelism, records per second (records / the job's net runtime:
 * median, min, max over the measured runs) and bytes allocated per record on all threads, as a
 * Markdown table. By default each workload and parallelism runs in a fresh JVM, as JMH forks do.
 *
 * <pre>
 * java -Xmx4g -jar spate-bench/target/spate-bench.jar [--workload all|passthrough,map-filter,keyby-reduce,...]
 *     [--parallelism 1,2] [--records 50M] [--runs 3] [--warmup-seconds 10]
 *     [--set taskmanager.network.batch-size=256 ...] [--no-fork] [--sample-ms 5]
 * </pre>
 */
public final class ThroughputBench {

  private ThroughputBench() {}

  /** The command line; see the class comment. */
  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("spate-bench: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.println(Options.USAGE);
      return;
    }
    if (options.child) {
      // One workload at one parallelism, for a parent harness that reads the row from stdout.
      try (AllocationMeter meter = new AllocationMeter(options.sampleMillis)) {
        Row row = measure(options.workloads.get(0), options.parallelisms.get(0), options, meter);
        System.out.println(ROW_PREFIX + row.serialize());
      }
      return;
    }
    System.out.println(machine());
    List<Row> rows = new ArrayList<>();
    try (AllocationMeter meter = new AllocationMeter(options.sampleMillis)) {
      System.out.println("alloc:    " + meter.method() + "; cross-check: eden occupancy collected by GC");
      System.out.println("mode:     " + (options.fork
          ? "each workload and parallelism in a fresh JVM (same JVM options)"
          : "all workloads in this one JVM, in order (type profiles shared)"));
      System.out.println();
      for (Workload workload : options.workloads) {
        for (int parallelism : options.parallelisms) {
          rows.add(options.fork
              ? measureInChildJvm(workload, parallelism, args)
              : measure(workload, parallelism, options, meter));
        }
      }
    }
    System.out.println();
    System.out.println(table(rows));
  }

  private static final String ROW_PREFIX = "@@row\t";

  /**
   * Runs {@code workload} at {@code parallelism} in a new JVM with this JVM's options and class
   * path, so that what the JIT learned from one pipeline does not slow or speed another (JMH forks
   * for the same reason).
   */
  private static Row measureInChildJvm(Workload workload, int parallelism, String[] args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ThroughputBench.class.getName());
    command.addAll(Options.withoutSelection(args));
    command.addAll(List.of("--child", "--workload", workload.id(), "--parallelism", Integer.toString(parallelism)));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Row row = null;
    try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith(ROW_PREFIX)) {
          row = Row.parse(line.substring(ROW_PREFIX.length()));
        } else {
          System.out.println(line);
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0 || row == null) {
      throw new IllegalStateException("The benchmark JVM for " + workload.id() + " p" + parallelism
          + " failed (exit code " + exit + ")");
    }
    return row;
  }

  private static Row measure(Workload workload, int parallelism, Options options, AllocationMeter meter)
      throws Exception {
    long records = options.records > 0 ? options.records : workload.defaultRecords();
    long warmup = options.warmupRecords > 0 ? options.warmupRecords : records;
    // Warm up with whole jobs until the time is up: one job is not enough for the JIT to settle and
    // for G1 to size the young generation (the keyed job ran at half speed after a single one).
    long warmupEnd = System.nanoTime() + (long) (options.warmupSeconds * 1e9);
    int warmups = 0;
    do {
      JobExecutionResult w = workload.run(parallelism, warmup, options.settings);
      warmups++;
      System.err.printf(Locale.ROOT, "%-13s p%d warm-up %d, %,d records: %s/s%n",
          workload.id(), parallelism, warmups, warmup, rate(warmup / seconds(w)));
    } while (System.nanoTime() < warmupEnd);
    double[] rates = new double[options.runs];
    double[] wallRates = new double[options.runs];
    double[] bytesPerRecord = new double[options.runs];
    double[] edenPerRecord = new double[options.runs];
    double[] coresBusy = new double[options.runs];
    double[] otherCores = new double[options.runs];
    int disturbedRuns = 0;
    for (int i = 0; i < options.runs; i++) {
      // No System.gc() between runs: with G1 a full collection shrinks the heap, and the next run
      // then pays for a small young generation (JMH does not collect between iterations either).
      String loadBefore = loadAverage();
      meter.start();
      long machineStart = machineBusyNanos();
      long cpuStart = processCpuNanos();
      long wallStart = System.nanoTime();
      JobExecutionResult result = workload.run(parallelism, records, options.settings);
      long wallNanos = System.nanoTime() - wallStart;
      long cpuNanos = processCpuNanos() - cpuStart;
      long machineNanos = machineBusyNanos() - machineStart;
      long[] allocated = meter.stop();
      coresBusy[i] = (double) cpuNanos / wallNanos;
      otherCores[i] = machineStart < 0 ? Double.NaN : Math.max(0, (double) (machineNanos - cpuNanos) / wallNanos);
      rates[i] = records / seconds(result);
      wallRates[i] = records / (wallNanos / 1e9);
      bytesPerRecord[i] = (double) allocated[0] / records;
      edenPerRecord[i] = allocated[1] < 0 ? Double.NaN : (double) allocated[1] / records;
      boolean disturbed = otherCores[i] > options.maxOtherCores;
      // Every workload boxes each record as a Long (24 bytes). Far less means C2 inlined the whole
      // chain into the discarding sink and dropped the boxes: the run timed an empty loop, not the
      // handling of records (seen once in passthrough), so it does not count.
      boolean elided = bytesPerRecord[i] < 8;
      System.err.printf(Locale.ROOT,
          "%-13s p%d run %d: %,d records in %d ms: %s/s, %.1f B/record (eden: %.1f), %.2f cores busy, "
              + "other processes %.2f cores, load %s -> %s%s%s%n",
          workload.id(), parallelism, i + 1, records, result.netRuntime().toMillis(), rate(rates[i]),
          bytesPerRecord[i], edenPerRecord[i], coresBusy[i], otherCores[i], loadBefore, loadAverage(),
          disturbed ? "  DISTURBED" : "", elided ? "  RECORDS ELIDED BY THE JIT" : "");
      if ((disturbed || elided) && disturbedRuns < options.retries) {
        // Measure it again, up to --retries times in all.
        disturbedRuns++;
        i--;
        Thread.sleep(2_000);
      }
    }
    return new Row(workload, parallelism, records, median(rates), min(rates), max(rates), median(wallRates),
        median(bytesPerRecord), median(edenPerRecord), median(coresBusy), median(otherCores));
  }

  /**
   * CPU time used by every process on the machine since boot (from /proc/stat), or -1 where that
   * is not available; with this process's own CPU time it shows whether something else ran.
   */
  static long machineBusyNanos() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        if (i != 4 && i != 5) { // idle, iowait
          busy += Long.parseLong(f[i]);
        }
      }
      return busy * 10_000_000L; // USER_HZ is 100 on Linux
    } catch (Exception e) {
      return -1;
    }
  }

  private static double seconds(JobExecutionResult result) {
    return Math.max(1, result.netRuntime().toNanos()) / 1e9;
  }

  // ------------------------------------------------------------------ output

  private record Row(Workload workload, int parallelism, long records, double median, double min, double max,
      double wallMedian, double bytesPerRecord, double edenBytesPerRecord, double coresBusy, double otherCores) {

    String serialize() {
      return String.join("\t", workload.id(), Integer.toString(parallelism), Long.toString(records),
          Double.toString(median), Double.toString(min), Double.toString(max), Double.toString(wallMedian),
          Double.toString(bytesPerRecord), Double.toString(edenBytesPerRecord), Double.toString(coresBusy),
          Double.toString(otherCores));
    }

    static Row parse(String line) {
      String[] f = line.split("\t");
      return new Row(Workload.byId(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[2]), Double.parseDouble(f[3]),
          Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
          Double.parseDouble(f[8]), Double.parseDouble(f[9]), Double.parseDouble(f[10]));
    }
  }

  private static String table(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append("| workload | p | records/run | median records/s | min | max | median incl. job start | B/record (all threads) | B/record (eden) | CPU cores busy | other processes (cores) |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %.1f | %.1f | %.2f | %.2f |%n",
          r.workload.id(), r.parallelism, count(r.records), rate(r.median), rate(r.min), rate(r.max),
          rate(r.wallMedian), r.bytesPerRecord, r.edenBytesPerRecord, r.coresBusy, r.otherCores));
    }
    return out.toString();
  }

  static String rate(double perSecond) {
    if (perSecond >= 1e6) {
      return String.format(Locale.ROOT, "%.2f M", perSecond / 1e6);
    }
    return String.format(Locale.ROOT, "%.0f K", perSecond / 1e3);
  }

  private static String count(long n) {
    return n % 1_000_000 == 0 ? n / 1_000_000 + " M" : String.format(Locale.ROOT, "%,d", n);
  }

  static String machine() {
    Runtime rt = Runtime.getRuntime();
    String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
    return String.join("\n",
        "date:     " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
        "machine:  " + rt.availableProcessors() + " cores, " + cpuModel() + ", "
            + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        "jvm:      " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
            + " (" + System.getProperty("java.vm.vendor") + ")",
        "heap:     max " + rt.maxMemory() / (1024 * 1024) + " MiB; GC: " + gcs,
        "jvm args: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()),
        "load:     " + loadAverage() + " (1-minute load average at start)");
  }

  /** CPU time of this process (all threads), in nanoseconds. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The 1-minute load average of the machine, to show whether something else was running. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (Exception e) {
      // not Linux: no model name
    }
    return "unknown CPU";
  }

  /** The median of {@code values}, NaN for none. */
  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }

  // ------------------------------------------------------------------ options

  static final class Options {
    static final String USAGE = String.join("\n",
        "usage: java -Xmx4g -jar spate-bench/target/spate-bench.jar [options]",
        "  --workload W[,W]     all (default), passthrough, map-filter, keyby-reduce, tumbling-count,",
        "                       sliding-count, session-count (-Dspate.windows.slicing=false: no slicing)",
        "  --parallelism P[,P]  parallelisms to run (default 1,2)",
        "  --records N          records per measured run (default 50M stateless, 20M keyed; K/M/G suffixes)",
        "  --runs N             measured runs per workload and parallelism (default 3)",
        "  --warmup-seconds S   warm up with whole jobs for S seconds, at least one job (default 10)",
        "  --warmup-records N   records per warm-up job (default: as --records)",
        "  --set KEY=VALUE      a runtime setting, e.g. taskmanager.network.batch-size=1024 (repeatable)",
        "  --no-fork            run everything in this JVM, in order, instead of one fresh JVM per",
        "                       workload and parallelism (the default; JIT profiles then are shared)",
        "  --max-other-cores C  a run during which other processes used more than C cores (default 0.25)",
        "                       is marked DISTURBED and repeated, as is one whose records the JIT",
        "                       elided (under 8 B/record allocated) ...",
        "  --retries N          ... up to N times per workload and parallelism (default 3)",
        "  --sample-ms N        allocation sampling period in ms, where the JVM has no total counter (default 5)",
        "  --help");

    List<Workload> workloads = List.of(Workload.values());
    List<Integer> parallelisms = List.of(1, 2);
    long records = -1;
    int runs = 3;
    double warmupSeconds = 10;
    long warmupRecords = 0;
    long sampleMillis = 5;
    double maxOtherCores = 0.25;
    int retries = 3;
    Map<String, String> settings = new LinkedHashMap<>();
    boolean help;
    boolean fork = true;
    boolean child;

    /** The arguments minus those choosing workloads and parallelism, for a child JVM. */
    static List<String> withoutSelection(String[] args) {
      List<String> kept = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--workload") || a.equals("--parallelism")) {
          i++;
        } else if (!a.startsWith("--workload=") && !a.startsWith("--parallelism=")) {
          kept.add(a);
        }
      }
      return kept;
    }

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        String value = null;
        int eq = arg.indexOf('=');
        if (arg.startsWith("--") && eq > 0 && !arg.startsWith("--set")) {
          value = arg.substring(eq + 1);
          arg = arg.substring(0, eq);
        }
        if (arg.equals("--help") || arg.equals("-h")) {
          o.help = true;
          continue;
        }
        if (arg.equals("--no-fork")) {
          o.fork = false;
          continue;
        }
        if (arg.equals("--child")) {
          o.child = true;
          o.fork = false;
          continue;
        }
        if (value == null) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("option " + arg + " needs a value");
          }
          value = args[++i];
        }
        switch (arg) {
          case "--workload" -> o.workloads = value.equalsIgnoreCase("all")
              ? List.of(Workload.values())
              : Arrays.stream(value.split(",")).map(String::trim).map(Workload::byId).toList();
          case "--parallelism" -> o.parallelisms = Arrays.stream(value.split(","))
              .map(String::trim).map(Integer::parseInt).toList();
          case "--records" -> o.records = parseCount(value);
          case "--runs" -> o.runs = Integer.parseInt(value);
          case "--warmup-records" -> o.warmupRecords = parseCount(value);
          case "--warmup-seconds" -> o.warmupSeconds = Double.parseDouble(value);
          case "--sample-ms" -> o.sampleMillis = Long.parseLong(value);
          case "--max-other-cores" -> o.maxOtherCores = Double.parseDouble(value);
          case "--retries" -> o.retries = Integer.parseInt(value);
          case "--set" -> {
            int at = value.indexOf('=');
            if (at <= 0) {
              throw new IllegalArgumentException("--set needs KEY=VALUE, got '" + value + "'");
            }
            o.settings.put(value.substring(0, at), value.substring(at + 1));
          }
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      if (o.runs < 1) {
        throw new IllegalArgumentException("--runs must be at least 1");
      }
      for (int p : o.parallelisms) {
        if (p < 1) {
          throw new IllegalArgumentException("--parallelism must be at least 1, got " + p);
        }
      }
      return o;
    }

    static long parseCount(String text) {
      String t = text.trim().toUpperCase(Locale.ROOT).replace("_", "");
      long factor = 1;
      if (t.endsWith("K")) {
        factor = 1_000;
      } else if (t.endsWith("M")) {
        factor = 1_000_000;
      } else if (t.endsWith("G")) {
        factor = 1_000_000_000;
      }
      if (factor != 1) {
        t = t.substring(0, t.length() - 1);
      }
      try {
        return Math.round(Double.parseDouble(t) * factor);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a count: '" + text + "'");
      }
    }
  }
}
