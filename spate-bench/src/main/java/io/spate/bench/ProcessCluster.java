package io.spate.bench;

import io.spate.api.common.JobClient;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.configuration.TaskManagerOptions;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.heartbeat.HeartbeatSettings;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.resourcemanager.RegisteredTaskExecutor;
import io.spate.runtime.rpc.remote.GrpcRpcService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A JobManager's roles in this JVM (Dispatcher and ResourceManager over gRPC on 127.0.0.1, no
 * TaskExecutors of its own) and TaskManager processes started from this JVM's class path that
 * joined it, for benchmarks of the distributed runtime. Closing it kills every process it started.
 */
final class ProcessCluster implements AutoCloseable {

  /** Processes of every cluster of this JVM that are still alive, for the shutdown hook. */
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
        "spate-bench-kill-taskmanagers"));
  }

  private static final long REGISTRATION_TIMEOUT_MILLIS = 90_000;

  private final MiniCluster jobManager;
  private final Map<String, String> settings;
  private final List<String> jvmOptions;
  private final Path logDirectory;
  private final List<Process> taskManagers = new ArrayList<>();
  private final Set<Long> killedPids = ConcurrentHashMap.newKeySet();
  private boolean closed;

  private ProcessCluster(MiniCluster jobManager, Map<String, String> settings, List<String> jvmOptions,
      Path logDirectory) {
    this.jobManager = jobManager;
    this.settings = settings;
    this.jvmOptions = jvmOptions;
    this.logDirectory = logDirectory;
  }

  /**
   * Starts the JobManager roles configured by {@code settings} (such as {@code heartbeat.*}) and
   * {@code taskManagers} TaskManager processes with {@code slots} slots each, the same settings and
   * {@code jvmOptions}, logging to {@code logDirectory}; returns once all have registered.
   */
  static ProcessCluster start(int taskManagers, int slots, Map<String, String> settings, List<String> jvmOptions,
      Path logDirectory) throws IOException, InterruptedException {
    Configuration conf = configuration(settings);
    MiniCluster jobManager = new MiniCluster(new MiniClusterConfiguration(0, 1, 1,
        conf.get(TaskManagerOptions.CHANNEL_CAPACITY), conf.get(TaskManagerOptions.BATCH_SIZE),
        HeartbeatSettings.from(conf)), null, () -> {
          try {
            return GrpcRpcService.start(conf);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    jobManager.start();
    ProcessCluster cluster = new ProcessCluster(jobManager, settings, jvmOptions, logDirectory);
    try {
      for (int i = 0; i < taskManagers; i++) {
        cluster.startTaskManager(slots);
      }
      cluster.awaitRegistered(taskManagers);
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** The configuration of {@code settings}, on 127.0.0.1 only. */
  static Configuration configuration(Map<String, String> settings) {
    Configuration conf = new Configuration();
    conf.setString("rpc.bind-host", "127.0.0.1");
    conf.setString("rpc.port", "0");
    conf.setString("taskmanager.data.bind-host", "127.0.0.1");
    conf.setString("taskmanager.host", "127.0.0.1");
    settings.forEach(conf::setString);
    return conf;
  }

  /** Starts one more TaskManager process with {@code slots} slots; it registers in the background. */
  Process startTaskManager(int slots) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchTaskManager.class.getName(),
        jobManager.resourceManagerAddress(), Integer.toString(slots)));
    settings.forEach((key, value) -> command.add(key + "=" + value));
    Path log = logDirectory.resolve("taskmanager-" + taskManagers.size() + ".log");
    // stdin stays a pipe from this JVM: the TaskManager exits when it reads its end, so that it dies
    // with this JVM even when this JVM is killed and its shutdown hook does not run.
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    LIVE.add(process);
    taskManagers.add(process);
    return process;
  }

  /** Waits until {@code count} TaskExecutors are registered with the ResourceManager. */
  void awaitRegistered(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REGISTRATION_TIMEOUT_MILLIS);
    while (System.nanoTime() < deadline) {
      for (Process p : taskManagers) {
        if (!p.isAlive() && !killed(p)) {
          throw new IllegalStateException("TaskManager process " + p.pid() + " exited with " + p.exitValue()
              + " before it registered; see " + logDirectory);
        }
      }
      if (registered().size() >= count) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("Only " + registered().size() + " of " + count + " TaskManagers registered within "
        + REGISTRATION_TIMEOUT_MILLIS + " ms; see " + logDirectory);
  }

  private boolean killed(Process p) {
    return killedPids.contains(p.pid());
  }

  /** The TaskExecutors the ResourceManager currently counts as registered. */
  List<RegisteredTaskExecutor> registered() {
    try {
      return jobManager.resourceManagerGateway().requestTaskExecutors().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("The ResourceManager did not list its TaskExecutors: " + e, e);
    }
  }

  /** The TaskManager processes started so far, in order, including killed ones. */
  List<Process> taskManagers() {
    return List.copyOf(taskManagers);
  }

  /** Kills the TaskManager process {@code pid} with SIGKILL; false if it is not one of this cluster's. */
  boolean kill(long pid) {
    for (Process p : taskManagers) {
      if (p.pid() == pid) {
        killedPids.add(pid);
        p.destroyForcibly(); // SIGKILL on Linux
        return true;
      }
    }
    return false;
  }

  /** CPU time the TaskManager processes that are still alive have used so far, in nanoseconds. */
  long taskManagersCpuNanos() {
    long sum = 0;
    for (Process p : taskManagers) {
      sum += p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }
    return sum;
  }

  /** The JobManager roles. */
  MiniCluster jobManager() {
    return jobManager;
  }

  /** Submits the job defined in {@code env} as {@code name}; the client follows it. */
  JobClient submit(StreamExecutionEnvironment env, String name) throws Exception {
    return jobManager.submitJob(JobGraphGenerator.generate(env.getStreamGraph(name))).get(60, TimeUnit.SECONDS);
  }

  /** Stops the JobManager roles and kills every TaskManager process (waiting at most 10 s for each). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      jobManager.close();
    } finally {
      for (Process p : taskManagers) {
        try (OutputStream stdin = p.getOutputStream()) {
          // closing stdin asks it to stop; destroy makes sure
        } catch (IOException e) {
          // already gone
        }
        p.destroy();
      }
      for (Process p : taskManagers) {
        try {
          if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          }
        } catch (InterruptedException e) {
          p.destroyForcibly();
          Thread.currentThread().interrupt();
        }
        LIVE.remove(p);
      }
    }
  }

  /** The options of this JVM that a TaskManager JVM should share: the heap size, by default. */
  static List<String> heapOptionsOfThisJvm() {
    List<String> options = new ArrayList<>();
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("-Xmx") || arg.startsWith("-Xms")) {
        options.add(arg);
      }
    }
    return options;
  }
}
