package io.spate.bench;

import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionResult;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.bench.DistributedJobs.FirstArrival;
import io.spate.bench.DistributedJobs.LatencyReport;
import io.spate.runtime.jobmaster.ExceptionHistoryEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The distributed-runtime harness: the throughput of a keyBy shuffle, end-to-end latency at fixed
 * rates, and the time from killing a TaskManager process to processing again, with the JobManager's
 * roles in this JVM and TaskManagers in processes of their own on 127.0.0.1, each compared with
 * the same job in one process. Prints Markdown tables to stdout and one line per run to stderr.
 *
 * <pre>
 * java -Xmx2g -cp spate-bench/target/spate-bench.jar io.spate.bench.DistributedBench [--mode throughput,latency,recovery] ...
 * </pre>
 *
 * See {@link Options#USAGE} ({@code --help}) for the options.
 */
public final class DistributedBench {

  private DistributedBench() {}

  /** Where a job runs. */
  enum Setup {
    /** The embedded cluster, all in this JVM: in-process RPC, records handed over as references. */
    ONE_PROCESS("one-process", "one process (embedded cluster)", 0, 0),
    /** One TaskManager process with two slots: gRPC to the JobManager, the shuffle inside one JVM. */
    ONE_TASKMANAGER("1tm", "1 TaskManager process x 2 slots", 1, 2),
    /** Two TaskManager processes with one slot each: the keyBy's records to the other subtask cross processes. */
    TWO_TASKMANAGERS("2tm", "2 TaskManager processes x 1 slot", 2, 1);

    final String id;
    final String description;
    final int taskManagers;
    final int slots;

    Setup(String id, String description, int taskManagers, int slots) {
      this.id = id;
      this.description = description;
      this.taskManagers = taskManagers;
      this.slots = slots;
    }

    static Setup byId(String id) {
      for (Setup s : values()) {
        if (s.id.equalsIgnoreCase(id)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown set-up '" + id + "'; expected one-process, 1tm or 2tm");
    }
  }

  private static final int PARALLELISM = 2;

  /** The command line; see {@link Options#USAGE}. */
  public static void main(String[] args) throws Exception {
    // The JobManager roles log every deployment and checkpoint at INFO; a run's own lines would drown.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("DistributedBench: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.println(Options.USAGE);
      return;
    }
    System.out.print(run(options));
    System.out.flush();
    // The gRPC and worker threads of the stopped clusters are not all daemons.
    System.exit(0);
  }

  /** Runs the modes of {@code options}; returns the report (Markdown). */
  static String run(Options options) throws Exception {
    Path work = options.workDir != null ? Files.createDirectories(options.workDir)
        : Files.createTempDirectory("spate-distributed-bench-");
    StringBuilder report = new StringBuilder();
    report.append(ThroughputBench.machine()).append('\n');
    report.append("taskmanager jvm options: ").append(String.join(" ", options.taskManagerJvmOptions)).append('\n');
    report.append("settings: ").append(options.settings.isEmpty() ? "defaults" : options.settings.toString())
        .append('\n');
    report.append("work directory: ").append(work).append(" (TaskManager logs)\n\n");
    try {
      for (String mode : options.modes) {
        switch (mode) {
          case "throughput" -> report.append(throughput(options, work)).append('\n');
          case "latency" -> report.append(latency(options, work)).append('\n');
          case "recovery" -> report.append(recovery(options, work)).append('\n');
          default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
      }
    } finally {
      if (options.workDir == null && !options.keep) {
        deleteTree(work);
      }
    }
    return report.toString();
  }

  // ------------------------------------------------------------------ throughput

  private static String throughput(Options options, Path work) throws Exception {
    Map<Setup, double[]> rates = new LinkedHashMap<>();
    Map<Setup, double[]> others = new LinkedHashMap<>();
    Map<Setup, double[]> perCpuSecond = new LinkedHashMap<>();
    for (Setup setup : options.setups) {
      double[] measured = new double[options.runs];
      double[] otherCores = new double[options.runs];
      double[] efficiency = new double[options.runs];
      try (ProcessCluster cluster = startCluster(setup, options.settings, options, work)) {
        // Warm up with whole jobs until the time is up, as ThroughputBench does: one job leaves the
        // JIT and G1's young generation far from settled (the first of three measured jobs ran at
        // a third of the third's rate after a single warm-up job).
        long warmupEnd = System.nanoTime() + (long) (options.warmupSeconds * 1e9);
        for (int w = 1; w <= MAX_WARMUP_JOBS; w++) {
          JobExecutionResult result = runKeyByReduce(cluster, options.records, options.settings,
              "throughput " + setup.id + " warm-up " + w);
          System.err.printf(Locale.ROOT, "throughput %s warm-up %d: %s records/s%n", setup.id, w,
              ThroughputBench.rate(options.records / seconds(result)));
          if (System.nanoTime() >= warmupEnd) {
            break;
          }
        }
        int retried = 0;
        for (int i = 0; i < options.runs; i++) {
          String name = "throughput " + setup.id + " run " + (i + 1);
          String loadBefore = ThroughputBench.loadAverage();
          long machineStart = ThroughputBench.machineBusyNanos();
          long ownStart = ownCpuNanos(cluster);
          long wallStart = System.nanoTime();
          JobExecutionResult result = runKeyByReduce(cluster, options.records, options.settings, name);
          long wall = System.nanoTime() - wallStart;
          long own = ownCpuNanos(cluster) - ownStart;
          long machine = ThroughputBench.machineBusyNanos() - machineStart;
          measured[i] = options.records / seconds(result);
          otherCores[i] = machineStart < 0 ? Double.NaN : Math.max(0, (double) (machine - own) / wall);
          efficiency[i] = options.records / (Math.max(1, own) / 1e9);
          System.err.printf(Locale.ROOT, "%s: %,d records in %d ms: %s records/s; this benchmark's processes %.2f"
              + " cores (%s records per CPU second), other processes %.2f cores (load %s -> %s)%n", name,
              options.records, result.netRuntime().toMillis(), ThroughputBench.rate(measured[i]), (double) own / wall,
              ThroughputBench.rate(efficiency[i]), otherCores[i], loadBefore, ThroughputBench.loadAverage());
          if (otherCores[i] > options.maxOtherCores) {
            System.err.println("  DISTURBED: other processes used more than " + options.maxOtherCores + " cores");
            if (retried < options.retries) {
              retried++;
              i--;
              Thread.sleep(2_000);
            }
          }
        }
      }
      rates.put(setup, measured);
      others.put(setup, otherCores);
      perCpuSecond.put(setup, efficiency);
    }
    StringBuilder out = new StringBuilder();
    out.append("### Throughput: ").append(Workload.KEYBY_REDUCE.description()).append(", p").append(PARALLELISM)
        .append("\n\n");
    out.append(String.format(Locale.ROOT, "%s records per job; warm-up jobs for %.0f s, then %d measured jobs;"
        + " records/s = records / the job's net runtime. Records per CPU second = records / the CPU time this JVM"
        + " and its TaskManager processes used during the job (idle workers that spin count too). A job during"
        + " which other processes used more than %.2f cores is repeated, up to %d times per set-up.%n%n",
        ThroughputBench.rate(options.records), options.warmupSeconds, options.runs, options.maxOtherCores,
        options.retries));
    out.append("| set-up | median records/s | min | max | median / one process | records per CPU second (median)"
        + " | / one process | other processes (cores, median) |\n|---|---|---|---|---|---|---|---|\n");
    double base = rates.containsKey(Setup.ONE_PROCESS) ? ThroughputBench.median(rates.get(Setup.ONE_PROCESS)) : Double.NaN;
    double cpuBase = perCpuSecond.containsKey(Setup.ONE_PROCESS)
        ? ThroughputBench.median(perCpuSecond.get(Setup.ONE_PROCESS)) : Double.NaN;
    for (Map.Entry<Setup, double[]> e : rates.entrySet()) {
      double median = ThroughputBench.median(e.getValue());
      double cpu = ThroughputBench.median(perCpuSecond.get(e.getKey()));
      out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %.2f |%n", e.getKey().description,
          ThroughputBench.rate(median), ThroughputBench.rate(Arrays.stream(e.getValue()).min().orElse(Double.NaN)),
          ThroughputBench.rate(Arrays.stream(e.getValue()).max().orElse(Double.NaN)),
          Double.isNaN(base) ? "n/a" : String.format(Locale.ROOT, "%.2f", median / base), ThroughputBench.rate(cpu),
          Double.isNaN(cpuBase) ? "n/a" : String.format(Locale.ROOT, "%.2f", cpu / cpuBase),
          ThroughputBench.median(others.get(e.getKey()))));
    }
    return out.toString();
  }

  private static final int MAX_WARMUP_JOBS = 1_000;

  /** CPU time of this JVM and of the cluster's TaskManager processes, in nanoseconds. */
  private static long ownCpuNanos(ProcessCluster cluster) {
    return ThroughputBench.processCpuNanos() + (cluster == null ? 0 : cluster.taskManagersCpuNanos());
  }

  private static double seconds(JobExecutionResult result) {
    return Math.max(1, result.netRuntime().toNanos()) / 1e9;
  }

  /** Runs keyby-reduce once on {@code cluster}, or on an embedded cluster if it is null. */
  private static JobExecutionResult runKeyByReduce(ProcessCluster cluster, long records, Map<String, String> settings,
      String name) throws Exception {
    if (cluster == null) {
      return Workload.KEYBY_REDUCE.run(PARALLELISM, records, settings);
    }
    StreamExecutionEnvironment env = environment(settings);
    Workload.KEYBY_REDUCE.define(env, records);
    JobExecutionResult result = await(cluster.submit(env, name), Duration.ofMinutes(10));
    Long emitted = result.counters().get("numSourceRecordsOut");
    if (emitted != null && emitted != records) {
      throw new IllegalStateException(name + " emitted " + emitted + " records, expected " + records);
    }
    return result;
  }

  // ------------------------------------------------------------------ latency

  private static String latency(Options options, Path work) throws Exception {
    Path samples = Files.createDirectories(work.resolve("latency"));
    StringBuilder out = new StringBuilder();
    out.append("### Latency: stamps at a fixed rate -> keyBy -> map -> sink, p").append(PARALLELISM).append("\n\n");
    out.append(String.format(Locale.ROOT, "Each run: %.0f s at the rate, of which the first %.0f s are not counted;"
        + " %d run(s) per row, medians of the runs' percentiles. Latency = arrival at the sink - emission by the"
        + " source (wall clock, microseconds).%n%n", options.latencySeconds + options.latencyWarmupSeconds,
        options.latencyWarmupSeconds, options.latencyRuns));
    out.append("| set-up | rate (records/s) | achieved | records counted per run | p50 ms | p99 ms | p99.9 ms |"
        + " max ms | p99 of runs (min - max) |\n|---|---|---|---|---|---|---|---|---|\n");
    for (Setup setup : options.setups) {
      try (ProcessCluster cluster = startCluster(setup, options.settings, options, work)) {
        for (double rate : options.rates) {
          List<LatencyReport> reports = new ArrayList<>();
          for (int i = 0; i < options.latencyRuns; i++) {
            DistributedJobs.clear(samples);
            String runId = setup.id + "-" + (long) rate + "-" + i;
            long records = (long) (rate * (options.latencySeconds + options.latencyWarmupSeconds));
            StreamExecutionEnvironment env = cluster == null ? localEnvironment(options.settings)
                : environment(options.settings);
            DistributedJobs.latencyJob(env, records, rate, new DistributedJobs.LatencySink(samples, runId,
                (long) (options.latencyWarmupSeconds * 1e6)));
            String name = "latency " + runId;
            Duration timeout = Duration.ofSeconds((long) (3 * (options.latencySeconds + options.latencyWarmupSeconds)) + 60);
            await(cluster == null ? env.executeAsync(name) : cluster.submit(env, name), timeout);
            LatencyReport report = DistributedJobs.LatencySink.read(samples, runId);
            if (report.files() != PARALLELISM || report.sorted().length == 0) {
              throw new IllegalStateException(name + ": " + report.files() + " sink subtasks reported "
                  + report.sorted().length + " samples");
            }
            reports.add(report);
            System.err.printf(Locale.ROOT, "%s: %,d records counted, achieved %.0f records/s, p50 %s p99 %s p99.9 %s"
                + " max %s ms (load %s)%n", name, report.counted(), achieved(records, report),
                millis(report.percentile(0.5)), millis(report.percentile(0.99)), millis(report.percentile(0.999)),
                millis(report.sorted()[report.sorted().length - 1]), ThroughputBench.loadAverage());
          }
          double[] p50 = reports.stream().mapToDouble(r -> r.percentile(0.5)).toArray();
          double[] p99 = reports.stream().mapToDouble(r -> r.percentile(0.99)).toArray();
          double[] p999 = reports.stream().mapToDouble(r -> r.percentile(0.999)).toArray();
          double[] max = reports.stream().mapToDouble(r -> r.sorted()[r.sorted().length - 1]).toArray();
          double[] achieved = reports.stream().mapToDouble(r -> achieved(
              (long) (rate * (options.latencySeconds + options.latencyWarmupSeconds)), r)).toArray();
          double[] counted = reports.stream().mapToDouble(LatencyReport::counted).toArray();
          out.append(String.format(Locale.ROOT, "| %s | %s | %s | %,.0f | %s | %s | %s | %s | %s - %s |%n",
              setup.description, ThroughputBench.rate(rate), ThroughputBench.rate(ThroughputBench.median(achieved)),
              ThroughputBench.median(counted), millis(ThroughputBench.median(p50)), millis(ThroughputBench.median(p99)),
              millis(ThroughputBench.median(p999)), millis(ThroughputBench.median(max)),
              millis(Arrays.stream(p99).min().orElse(-1)), millis(Arrays.stream(p99).max().orElse(-1))));
        }
      }
    }
    return out.toString();
  }

  /** Records per second the sources emitted over the run, from the first and last stamps. */
  private static double achieved(long records, LatencyReport report) {
    long span = report.lastStamp() - report.firstStamp();
    return span <= 0 ? Double.NaN : records / (span / 1e6);
  }

  private static String millis(double micros) {
    return micros < 0 ? "n/a" : String.format(Locale.ROOT, micros < 10_000 ? "%.2f" : "%.1f", micros / 1000);
  }

  // ------------------------------------------------------------------ recovery

  private record Kill(long killedMicros, long noticedMillis, long droppedMillis, long firstFreshMillis,
      long allFreshMillis, int failures, String cause) {}

  private static String recovery(Options options, Path work) throws Exception {
    Path arrivals = Files.createDirectories(work.resolve("arrivals"));
    Map<String, String> settings = new LinkedHashMap<>(options.settings);
    settings.putIfAbsent("heartbeat.interval", options.heartbeatIntervalMillis + "ms");
    settings.putIfAbsent("heartbeat.timeout", options.heartbeatTimeoutMillis + "ms");
    List<Kill> kills = new ArrayList<>();
    for (int i = 0; i < options.kills; i++) {
      DistributedJobs.clear(arrivals);
      try (ProcessCluster cluster = ProcessCluster.start(options.recoveryTaskManagers, 1, settings,
          options.taskManagerJvmOptions, work)) {
        kills.add(killOnce(cluster, options, settings, arrivals, i + 1));
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("### Recovery: SIGKILL of a TaskManager process running tasks\n\n");
    out.append(String.format(Locale.ROOT, "Job: stamps at %s records/s -> keyBy -> count per key (keyed state) -> sink,"
        + " p%d on %d TaskManager processes x 1 slot (one spare); checkpoints every %d ms; restart strategy:"
        + " fixed delay %d ms; heartbeat.interval %s, heartbeat.timeout %s. Each kill in a fresh cluster, after"
        + " %d completed checkpoints. Times in ms after the SIGKILL.%n%n",
        ThroughputBench.rate(options.recoveryRate), PARALLELISM, options.recoveryTaskManagers, options.checkpointMillis,
        options.restartDelayMillis, settings.get("heartbeat.interval"), settings.get("heartbeat.timeout"),
        options.checkpointsBeforeKill));
    out.append("| kill | JobMaster learns of the failure | ResourceManager drops the TaskManager |"
        + " first fresh record at a sink | fresh records at every sink subtask | failures recorded | first failure's cause |\n"
        + "|---|---|---|---|---|---|---|\n");
    for (int i = 0; i < kills.size(); i++) {
      Kill k = kills.get(i);
      out.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %d | %s |%n", i + 1, ms(k.noticedMillis),
          ms(k.droppedMillis), ms(k.firstFreshMillis), ms(k.allFreshMillis), k.failures, k.cause));
    }
    out.append(String.format(Locale.ROOT, "| **median** | %s | %s | **%s** | **%s** | | |%n",
        ms(medianOf(kills, Kill::noticedMillis)), ms(medianOf(kills, Kill::droppedMillis)),
        ms(medianOf(kills, Kill::firstFreshMillis)), ms(medianOf(kills, Kill::allFreshMillis))));
    return out.toString();
  }

  private static Kill killOnce(ProcessCluster cluster, Options options, Map<String, String> settings, Path arrivals,
      int number) throws Exception {
    StreamExecutionEnvironment env = environment(settings);
    DistributedJobs.recoveryJob(env, options.recoveryRate, options.checkpointMillis,
        Duration.ofMillis(options.restartDelayMillis), new DistributedJobs.FirstRecordSink(arrivals));
    JobClient job = cluster.submit(env, "recovery " + number);
    try {
      // Running, with records at both sink subtasks and enough completed checkpoints to restore from.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      List<FirstArrival> seen = List.of();
      while (System.nanoTime() < deadline) {
        // A job that failed before the kill would make the measurement meaningless: stop at once.
        List<ExceptionHistoryEntry> early = cluster.jobManager().getDispatcherGateway()
            .requestExceptionHistory(job.getJobID()).get(10, TimeUnit.SECONDS);
        if (!early.isEmpty() || job.getJobStatus().get(10, TimeUnit.SECONDS).isTerminal()) {
          throw new IllegalStateException("recovery " + number + ": the job failed before the kill"
              + (early.isEmpty() ? "" : ": " + early.get(0).description()) + " (registered TaskManagers: "
              + cluster.registered().size() + " of " + options.recoveryTaskManagers + ")");
        }
        seen = DistributedJobs.FirstRecordSink.read(arrivals);
        long completed = job.getCheckpointStatistics().get(10, TimeUnit.SECONDS).stream()
            .filter(c -> c.status() == CheckpointStatistics.Status.COMPLETED).count();
        if (seen.size() >= PARALLELISM && completed >= options.checkpointsBeforeKill) {
          break;
        }
        Thread.sleep(50);
      }
      if (seen.size() < PARALLELISM) {
        throw new IllegalStateException("recovery " + number + ": the job did not start within 120 s");
      }
      int attemptBefore = seen.stream().mapToInt(FirstArrival::attempt).max().orElse(0);
      long victim = seen.stream().filter(a -> a.subtask() == PARALLELISM - 1).findFirst().orElseThrow().pid();
      int registeredBefore = cluster.registered().size();

      long killedMicros = DistributedJobs.epochMicros();
      if (!cluster.kill(victim)) {
        throw new IllegalStateException("sink subtask " + (PARALLELISM - 1) + " ran in process " + victim
            + ", which is not a TaskManager of this cluster");
      }
      long droppedMicros = -1;
      long firstFresh = -1;
      Map<Integer, Long> freshBySubtask = new HashMap<>();
      long limit = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.heartbeatTimeoutMillis + 120_000);
      long nextRegistrationCheck = 0;
      while (System.nanoTime() < limit && (freshBySubtask.size() < PARALLELISM || droppedMicros < 0)) {
        for (FirstArrival a : DistributedJobs.FirstRecordSink.read(arrivals)) {
          if (a.attempt() > attemptBefore && a.emittedMicros() >= killedMicros) {
            freshBySubtask.merge(a.subtask(), a.arrivedMicros(), Math::min);
            firstFresh = firstFresh < 0 ? a.arrivedMicros() : Math.min(firstFresh, a.arrivedMicros());
          }
        }
        if (droppedMicros < 0 && System.nanoTime() >= nextRegistrationCheck) {
          if (cluster.registered().size() < registeredBefore) {
            droppedMicros = DistributedJobs.epochMicros();
          }
          nextRegistrationCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        }
        Thread.sleep(5);
      }
      List<ExceptionHistoryEntry> failures = cluster.jobManager().getDispatcherGateway()
          .requestExceptionHistory(job.getJobID()).get(10, TimeUnit.SECONDS).stream()
          .filter(f -> f.timestamp() >= killedMicros / 1000 - 1)
          .sorted(Comparator.comparingLong(ExceptionHistoryEntry::timestamp)).toList();
      long noticed = failures.isEmpty() ? -1 : failures.get(0).timestamp() - killedMicros / 1000;
      String cause = failures.isEmpty() ? "none recorded" : shortCause(failures.get(0));
      long all = freshBySubtask.size() < PARALLELISM ? -1
          : freshBySubtask.values().stream().mapToLong(Long::longValue).max().orElse(-1);
      Kill kill = new Kill(killedMicros, noticed, sinceMillis(droppedMicros, killedMicros),
          sinceMillis(firstFresh, killedMicros), sinceMillis(all, killedMicros), failures.size(), cause);
      System.err.printf(Locale.ROOT, "recovery %d: killed TaskManager pid %d; JobMaster noticed at +%d ms (%s);"
          + " ResourceManager dropped it at +%d ms; first fresh record at +%d ms, at all sink subtasks +%d ms;"
          + " %d failure(s) recorded (load %s)%n", number, victim, kill.noticedMillis, cause, kill.droppedMillis,
          kill.firstFreshMillis, kill.allFreshMillis, failures.size(), ThroughputBench.loadAverage());
      for (ExceptionHistoryEntry f : failures) {
        System.err.printf(Locale.ROOT, "  +%d ms %s: %s%n", f.timestamp() - killedMicros / 1000, f.outcome(),
            f.description());
      }
      return kill;
    } finally {
      try {
        job.cancel().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("recovery " + number + ": cancelling the job failed: " + e);
      }
    }
  }

  /** What detected {@code failure}, in a few words, for the table. */
  private static String shortCause(ExceptionHistoryEntry failure) {
    String message = failure.rootCauseMessage() == null ? "" : failure.rootCauseMessage().replace('|', '/')
        .replace('\n', ' ');
    String description = failure.description() == null ? "" : failure.description();
    int dataConnection = message.indexOf("data connection");
    if (dataConnection >= 0) {
      // "... data connection to host:port failed: connection lost: java.net.SocketException: Connection reset"
      String tail = message.substring(dataConnection);
      int failed = tail.indexOf("failed: ");
      return "data plane: " + (failed >= 0 ? tail.substring(failed + "failed: ".length()) : tail)
          + ", at a subtask of a surviving TaskManager";
    }
    if (message.contains("no heartbeat") || description.contains("no heartbeat")) {
      return "heartbeat timeout";
    }
    String cls = failure.rootCauseClass() == null ? "?" : failure.rootCauseClass();
    String text = cls.substring(cls.lastIndexOf('.') + 1) + (message.isEmpty() ? "" : ": " + message);
    return text.length() > 100 ? text.substring(0, 97) + "..." : text;
  }

  private static long sinceMillis(long micros, long killedMicros) {
    return micros < 0 ? -1 : (micros - killedMicros) / 1000;
  }

  private static String ms(long millis) {
    return millis < 0 ? "n/a" : String.format(Locale.ROOT, "%,d", millis);
  }

  private static long medianOf(List<Kill> kills, java.util.function.ToLongFunction<Kill> field) {
    double[] values = kills.stream().mapToLong(field).filter(v -> v >= 0).asDoubleStream().toArray();
    return values.length == 0 ? -1 : Math.round(ThroughputBench.median(values));
  }

  // ------------------------------------------------------------------ clusters and jobs

  /** The cluster of {@code setup}, or null for one process (the embedded cluster each job starts). */
  private static ProcessCluster startCluster(Setup setup, Map<String, String> settings, Options options, Path work)
      throws IOException, InterruptedException {
    if (setup == Setup.ONE_PROCESS) {
      return null;
    }
    return ProcessCluster.start(setup.taskManagers, setup.slots, settings, options.taskManagerJvmOptions, work);
  }

  /** An environment for a {@link ProcessCluster}: {@code settings}, streaming, parallelism 2. */
  private static StreamExecutionEnvironment environment(Map<String, String> settings) {
    Configuration conf = new Configuration();
    settings.forEach(conf::setString);
    StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
    env.setParallelism(PARALLELISM);
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    return env;
  }

  /** An environment whose jobs run on an embedded cluster of their own: {@code settings}, parallelism 2. */
  private static StreamExecutionEnvironment localEnvironment(Map<String, String> settings) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM);
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    settings.forEach((key, value) -> env.getConfiguration().setString(key, value));
    return env;
  }

  /** The result of {@code job}, cancelling it if it takes longer than {@code timeout}. */
  private static JobExecutionResult await(JobClient job, Duration timeout) throws Exception {
    try {
      return job.getJobExecutionResult().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      job.cancel().get(30, TimeUnit.SECONDS);
      throw new IllegalStateException("the job did not finish within " + timeout, e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      System.err.println("DistributedBench: cannot delete " + dir + ": " + e);
    }
  }

  // ------------------------------------------------------------------ options

  static final class Options {
    static final String USAGE = String.join("\n",
        "usage: java -Xmx2g -cp spate-bench/target/spate-bench.jar io.spate.bench.DistributedBench [options]",
        "  --mode M[,M]              throughput, latency, recovery (default: all three, in that order)",
        "  --setups S[,S]            one-process, 1tm, 2tm (default: all) for throughput and latency",
        "  --records N               throughput: records per job of keyby-reduce (default 5M; K/M/G suffixes)",
        "  --runs N                  throughput: measured jobs per set-up (default 3)",
        "  --warmup-seconds S        throughput: warm-up jobs per set-up until S seconds passed, at least one (default 10)",
        "  --max-other-cores C       throughput: a job during which other processes used more than C cores",
        "                            (default 0.25) is marked DISTURBED and repeated ...",
        "  --retries N               ... up to N times per set-up (default 3)",
        "  --rates R[,R]             latency: input rates in records/s (default 20K,100K)",
        "  --latency-seconds S       latency: measured seconds per run (default 8)",
        "  --latency-warmup-seconds S  latency: seconds at the start of a run not counted (default 2)",
        "  --latency-runs N          latency: runs per set-up and rate (default 3)",
        "  --kills N                 recovery: TaskManagers killed, each in a fresh cluster (default 5)",
        "  --recovery-rate R         recovery: input rate in records/s (default 10K)",
        "  --recovery-taskmanagers N recovery: TaskManager processes, 1 slot each, at least 3 (default 3)",
        "  --heartbeat-interval-ms N recovery: heartbeat.interval (default 1000)",
        "  --heartbeat-timeout-ms N  recovery: heartbeat.timeout (default 5000)",
        "  --checkpoint-ms N         recovery: checkpoint interval (default 1000)",
        "  --checkpoints-before-kill N  recovery: completed checkpoints before the kill (default 2)",
        "  --restart-delay-ms N      recovery: fixed restart delay (default 0)",
        "  --set KEY=VALUE           a setting for the jobs and the TaskManagers (repeatable)",
        "  --taskmanager-jvm-options \"...\"  JVM options of TaskManager processes (default: this JVM's -Xmx/-Xms)",
        "  --work-dir DIR            where TaskManager logs and sink files go (default: a temporary directory,",
        "                            deleted at the end unless --keep)",
        "  --keep                    keep the temporary work directory",
        "  --help");

    List<String> modes = List.of("throughput", "latency", "recovery");
    List<Setup> setups = List.of(Setup.values());
    long records = 5_000_000L;
    int runs = 3;
    double warmupSeconds = 10;
    double maxOtherCores = 0.25;
    int retries = 3;
    List<Double> rates = List.of(20_000.0, 100_000.0);
    double latencySeconds = 8;
    double latencyWarmupSeconds = 2;
    int latencyRuns = 3;
    int kills = 5;
    double recoveryRate = 10_000;
    int recoveryTaskManagers = 3;
    long heartbeatIntervalMillis = 1_000;
    long heartbeatTimeoutMillis = 5_000;
    long checkpointMillis = 1_000;
    int checkpointsBeforeKill = 2;
    long restartDelayMillis = 0;
    Map<String, String> settings = new LinkedHashMap<>();
    List<String> taskManagerJvmOptions = ProcessCluster.heapOptionsOfThisJvm();
    Path workDir;
    boolean keep;
    boolean help;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("--help") || arg.equals("-h")) {
          o.help = true;
          continue;
        }
        if (arg.equals("--keep")) {
          o.keep = true;
          continue;
        }
        String value;
        int eq = arg.indexOf('=');
        if (arg.startsWith("--") && eq > 0 && !arg.startsWith("--set")) {
          value = arg.substring(eq + 1);
          arg = arg.substring(0, eq);
        } else {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("option " + arg + " needs a value");
          }
          value = args[++i];
        }
        switch (arg) {
          case "--mode" -> {
            o.modes = Arrays.stream(value.split(",")).map(String::trim).map(m -> m.toLowerCase(Locale.ROOT)).toList();
            for (String m : o.modes) {
              if (!List.of("throughput", "latency", "recovery").contains(m)) {
                throw new IllegalArgumentException("unknown mode '" + m + "'");
              }
            }
          }
          case "--setups" -> o.setups = Arrays.stream(value.split(",")).map(String::trim).map(Setup::byId).toList();
          case "--records" -> o.records = positive(arg, ThroughputBench.Options.parseCount(value));
          case "--runs" -> o.runs = (int) positive(arg, Integer.parseInt(value));
          case "--warmup-seconds" -> o.warmupSeconds = Double.parseDouble(value);
          case "--max-other-cores" -> o.maxOtherCores = Double.parseDouble(value);
          case "--retries" -> o.retries = Integer.parseInt(value);
          case "--rates" -> o.rates = Arrays.stream(value.split(",")).map(String::trim)
              .map(r -> (double) positive("--rates", ThroughputBench.Options.parseCount(r))).toList();
          case "--latency-seconds" -> o.latencySeconds = Double.parseDouble(value);
          case "--latency-warmup-seconds" -> o.latencyWarmupSeconds = Double.parseDouble(value);
          case "--latency-runs" -> o.latencyRuns = (int) positive(arg, Integer.parseInt(value));
          case "--kills" -> o.kills = (int) positive(arg, Integer.parseInt(value));
          case "--recovery-rate" -> o.recoveryRate = positive(arg, ThroughputBench.Options.parseCount(value));
          case "--recovery-taskmanagers" -> o.recoveryTaskManagers = Integer.parseInt(value);
          case "--heartbeat-interval-ms" -> o.heartbeatIntervalMillis = positive(arg, Long.parseLong(value));
          case "--heartbeat-timeout-ms" -> o.heartbeatTimeoutMillis = positive(arg, Long.parseLong(value));
          case "--checkpoint-ms" -> o.checkpointMillis = positive(arg, Long.parseLong(value));
          case "--checkpoints-before-kill" -> o.checkpointsBeforeKill = Integer.parseInt(value);
          case "--restart-delay-ms" -> o.restartDelayMillis = Long.parseLong(value);
          case "--set" -> {
            int at = value.indexOf('=');
            if (at <= 0) {
              throw new IllegalArgumentException("--set needs KEY=VALUE, got '" + value + "'");
            }
            o.settings.put(value.substring(0, at), value.substring(at + 1));
          }
          case "--taskmanager-jvm-options" -> o.taskManagerJvmOptions = value.isBlank() ? List.of()
              : List.of(value.trim().split("\\s+"));
          case "--work-dir" -> o.workDir = Path.of(value);
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      if (o.recoveryTaskManagers < PARALLELISM + 1 && o.modes.contains("recovery")) {
        throw new IllegalArgumentException("--recovery-taskmanagers must be at least " + (PARALLELISM + 1)
            + " (one to kill, one spare)");
      }
      if (o.warmupSeconds < 0 || o.latencySeconds <= 0 || o.latencyWarmupSeconds < 0 || o.restartDelayMillis < 0
          || o.checkpointsBeforeKill < 0) {
        throw new IllegalArgumentException("--warmup-seconds, --latency-warmup-seconds, --restart-delay-ms and"
            + " --checkpoints-before-kill must not be negative, --latency-seconds must be positive");
      }
      return o;
    }

    private static long positive(String option, long value) {
      if (value <= 0) {
        throw new IllegalArgumentException(option + " must be positive, got " + value);
      }
      return value;
    }
  }
}
