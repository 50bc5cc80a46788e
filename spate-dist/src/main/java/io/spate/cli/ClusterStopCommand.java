package io.spate.cli;

import io.spate.api.configuration.Configuration;
import io.spate.runtime.cluster.ClusterProcessOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spate cluster stop}: ends the TaskManagers and the JobManager of the pid files, and only those
 * processes: SIGTERM, then SIGKILL after {@code cluster.stop-timeout}; removes the pid files.
 */
@Command(name = "stop", description = "Stops the session cluster of the pid file (SIGTERM, then SIGKILL after"
    + " cluster.stop-timeout); its running jobs are cancelled, or, with high-availability.type: zookeeper, kept to"
    + " resume when a JobManager of the cluster leads again.")
final class ClusterStopCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private ClusterConfigOptions options;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help message and exits.")
  private boolean helpRequested;

  @Override
  public Integer call() throws Exception {
    Configuration conf = options.load();
    PrintWriter out = spec.commandLine().getOut();
    ClusterFiles files = ClusterFiles.of(conf);
    Duration timeout = conf.get(ClusterProcessOptions.STOP_TIMEOUT);
    // TaskManagers first: the JobManager then cancels jobs that no longer have tasks to wait for.
    for (Map.Entry<Integer, Path> pidFile : files.taskManagerPidFiles().entrySet()) {
      Optional<ProcessHandle> taskManager = ClusterFiles.pidIn(pidFile.getValue())
          .flatMap(JobManagerProcess::findTaskManager);
      if (taskManager.isPresent()) {
        out.println(stop(taskManager.get(), "TaskManager " + pidFile.getKey(), timeout));
      }
      Files.deleteIfExists(pidFile.getValue());
    }
    // Standby JobManagers before the leader, so that none takes over from it.
    for (Map.Entry<Integer, Path> pidFile : files.standbyPidFiles().entrySet()) {
      Optional<ProcessHandle> standby = ClusterFiles.pidIn(pidFile.getValue()).flatMap(JobManagerProcess::find);
      if (standby.isPresent()) {
        out.println(stop(standby.get(), "standby JobManager " + pidFile.getKey(), timeout));
      }
      Files.deleteIfExists(pidFile.getValue());
    }
    Optional<Long> pid = files.pid();
    if (pid.isEmpty()) {
      files.clear();
      out.println("No JobManager is running: there is no pid file at " + files.pidFile() + ".");
      return 0;
    }
    Optional<ProcessHandle> process = JobManagerProcess.find(pid.get());
    if (process.isEmpty()) {
      files.clear();
      out.println("No JobManager is running: removed the stale pid file " + files.pidFile() + " (process "
          + pid.get() + " is gone).");
      return 0;
    }
    out.println(stop(process.get(), "the JobManager", timeout));
    files.clear();
    return 0;
  }

  /** SIGTERM, then SIGKILL after {@code timeout}; says which it took. */
  private static String stop(ProcessHandle handle, String what, Duration timeout) throws Exception {
    handle.destroy();
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return "Stopped " + what + " (pid " + handle.pid() + ").";
    } catch (TimeoutException e) {
      handle.destroyForcibly();
      handle.onExit().get(10, TimeUnit.SECONDS);
      return what.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + what.substring(1) + " (pid " + handle.pid()
          + ") did not stop within " + timeout.toSeconds() + " s (" + ClusterProcessOptions.STOP_TIMEOUT.key()
          + ") and was killed.";
    }
  }
}
