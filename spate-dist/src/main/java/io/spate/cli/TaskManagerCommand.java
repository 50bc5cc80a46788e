package io.spate.cli;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.TaskManagerOptions;
import io.spate.runtime.cluster.ClusterProcessOptions;
import io.spate.runtime.rpc.remote.RemoteAddress;
import io.spate.runtime.highavailability.HighAvailabilityOptions;
import io.spate.runtime.highavailability.LeaderRetrieval;
import io.spate.runtime.highavailability.ZooKeeperConnection;
import io.spate.runtime.rpc.RpcAuthenticationException;
import io.spate.runtime.security.InternalAuthentication;
import io.spate.runtime.taskexecutor.TaskManagerRunner;
import java.util.concurrent.atomic.AtomicReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code spate taskmanager}: a TaskManager in the foreground that joins the JobManager at
 * {@code --jobmanager host:port} with its slots. SIGTERM (or Ctrl-C) stops its tasks and exits with 0;
 * the JobManager restarts the affected jobs on the slots that remain.
 */
@Command(name = "taskmanager",
    description = {"Runs a TaskManager in the foreground: it registers its task slots with the JobManager at"
        + " --jobmanager (the host:port 'spate jobmanager' prints) and runs the tasks it is given.",
        "SIGTERM or Ctrl-C stops it; the jobs that ran on it restart from their latest checkpoint elsewhere."})
final class TaskManagerCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(TaskManagerCommand.class);

  @Spec
  private CommandSpec spec;

  @Mixin
  private ClusterConfigOptions options;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help message and exits.")
  private boolean helpRequested;

  @Option(names = "--jobmanager", paramLabel = "<host:port>",
      description = "The RPC address of the JobManager to join, as 'spate jobmanager' prints it; with"
          + " high-availability.type: zookeeper leave it out: the TaskManager follows the leader ZooKeeper names.")
  private String jobManager;

  @Option(names = "--slots", paramLabel = "<n>",
      description = "Task slots this TaskManager offers (default: ${DEFAULT-VALUE} or taskmanager.numberOfTaskSlots).")
  private Integer slots;

  @Option(names = "--address-file", hidden = true, paramLabel = "<file>",
      description = "Where to write this TaskManager's RPC address once it registered (used by 'spate cluster start').")
  private Path addressFile;

  @Override
  public Integer call() throws Exception {
    Configuration conf = options.load();
    InternalAuthentication.requireForProcess(conf, "TaskManager");
    int slotCount = slots != null ? slots : conf.get(TaskManagerOptions.NUM_TASK_SLOTS);
    if (slotCount <= 0) {
      slotCount = conf.get(ClusterProcessOptions.SESSION_SLOTS);
    }
    if (slotCount < 1) {
      throw new ParameterException(spec.commandLine(), "--slots must be at least 1, but was " + slotCount);
    }
    boolean followLeader = HighAvailabilityOptions.isZooKeeper(conf);
    if (followLeader == (jobManager != null)) {
      throw new ParameterException(spec.commandLine(), followLeader
          ? "With " + HighAvailabilityOptions.TYPE.key() + ": zookeeper the TaskManager follows the leading JobManager"
              + " that ZooKeeper names: leave out --jobmanager."
          : "Missing required option: '--jobmanager=<host:port>' (or set " + HighAvailabilityOptions.TYPE.key()
              + ": zookeeper to follow the leading JobManager).");
    }
    CountDownLatch stopRequested = new CountDownLatch(1);
    ShutdownSignals.onTermination(stopRequested::countDown);
    ZooKeeperConnection zooKeeper = followLeader ? ZooKeeperConnection.connect(conf) : null;
    try (TaskManagerRunner runner = followLeader
        ? TaskManagerRunner.startFollowing(conf, new LeaderRetrieval(zooKeeper), slotCount)
        : TaskManagerRunner.start(conf, resourceManagerAddress(jobManager), slotCount)) {
      String self = runner.taskExecutor().externalAddress();
      String target = followLeader ? "the leading JobManager named in ZooKeeper" : "the JobManager at " + jobManager;
      System.out.println("Spate TaskManager " + self + " with " + slotCount + " slot(s) joining " + target
          + ". Stop it with SIGTERM or Ctrl-C.");
      System.out.flush();
      AtomicReference<Throwable> refused = new AtomicReference<>();
      runner.registration().whenComplete((ok, error) -> {
        if (error == null) {
          LOG.info("Registered with {}", target);
          writeAddressFile(self);
        } else if (RpcAuthenticationException.isCauseOf(error)) {
          refused.set(error);
          stopRequested.countDown();
        }
      });
      stopRequested.await();
      if (refused.get() != null) {
        System.err.println("Error: this TaskManager cannot join " + target + ": " + authenticationFailure(refused.get()));
        return 1;
      }
      LOG.info("Stopping: the tasks of this TaskManager end; their jobs restart elsewhere");
    } finally {
      if (zooKeeper != null) {
        zooKeeper.close();
      }
      if (addressFile != null) {
        Files.deleteIfExists(addressFile);
      }
    }
    System.out.println("Spate TaskManager stopped.");
    return 0;
  }

  private static String authenticationFailure(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof RpcAuthenticationException) {
        return t.getMessage();
      }
    }
    return String.valueOf(error);
  }

  /** The ResourceManager's address in the JobManager at {@code hostAndPort}; a usage error if malformed. */
  private String resourceManagerAddress(String hostAndPort) {
    String address = hostAndPort + "/" + io.spate.runtime.resourcemanager.ResourceManager.ENDPOINT_NAME;
    try {
      RemoteAddress.parse(address);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--jobmanager must be host:port (such as 127.0.0.1:6123),"
          + " but was '" + hostAndPort + "': " + e.getMessage());
    }
    return address;
  }

  private void writeAddressFile(String self) {
    try {
      ClusterFiles.writeLine(addressFile, self);
    } catch (java.io.IOException e) {
      LOG.warn("Cannot write {}", addressFile, e);
    }
  }
}
