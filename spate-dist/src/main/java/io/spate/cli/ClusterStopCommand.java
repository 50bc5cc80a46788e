package io.spate.cli;

import io.spate.api.configuration.Configuration;
import io.spate.runtime.cluster.ClusterProcessOptions;
import java.io.PrintWriter;
import java.time.Duration;
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
 * {@code spate cluster stop}: ends the JobManager of the pid file, and only that process: SIGTERM,
 * then SIGKILL after {@code cluster.stop-timeout}; removes the pid file.
 */
@Command(name = "stop", description = "Stops the session cluster of the pid file (SIGTERM, then SIGKILL after"
    + " cluster.stop-timeout); its running jobs are cancelled.")
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
    Duration timeout = conf.get(ClusterProcessOptions.STOP_TIMEOUT);
    ProcessHandle handle = process.get();
    handle.destroy();
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      out.println("Stopped the JobManager (pid " + pid.get() + ").");
    } catch (TimeoutException e) {
      handle.destroyForcibly();
      handle.onExit().get(10, TimeUnit.SECONDS);
      out.println("The JobManager (pid " + pid.get() + ") did not stop within " + timeout.toSeconds() + " s ("
          + ClusterProcessOptions.STOP_TIMEOUT.key() + ") and was killed.");
    }
    files.clear();
    return 0;
  }
}
