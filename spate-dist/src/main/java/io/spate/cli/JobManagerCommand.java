package io.spate.cli;

import io.spate.api.configuration.Configuration;
import io.spate.runtime.FileTrees;
import io.spate.runtime.cluster.ClusterProcessOptions;
import io.spate.runtime.highavailability.HighAvailabilityOptions;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.rest.JarStore;
import io.spate.runtime.rest.RestServer;
import io.spate.runtime.security.InternalAuthentication;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spate jobmanager}: a session cluster in the foreground. It runs the Dispatcher, the
 * ResourceManager, the REST API and, until TaskManager processes exist, its TaskExecutors in its own
 * JVM. SIGTERM (or Ctrl-C) cancels the running jobs, waits for them at most
 * {@code jobmanager.shutdown-timeout}, releases its ports and exits with 0.
 */
@Command(name = "jobmanager",
    description = {"Runs a session cluster in the foreground: a JobManager with its REST API and in-process"
        + " TaskExecutors (jobmanager.taskexecutors, 0 for none), which runs the jars submitted to it ('spate run -m',"
        + " POST /jars/upload). TaskManager processes join it with 'spate taskmanager'.",
        "SIGTERM or Ctrl-C cancels the running jobs (take savepoints first with 'spate stop') and exits.",
        "With high-availability.type: zookeeper it stands by until elected leader, then resumes the cluster's jobs"
            + " from their newest checkpoints; SIGTERM then hands its jobs to the next leader instead of cancelling them."})
final class JobManagerCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(JobManagerCommand.class);

  @Mixin
  private ClusterConfigOptions options;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help message and exits.")
  private boolean helpRequested;

  @Option(names = "--address-file", hidden = true, paramLabel = "<file>",
      description = "Where to write host:port of the REST API once it answers (used by 'spate cluster start').")
  private Path addressFile;

  @Option(names = "--rpc-address-file", hidden = true, paramLabel = "<file>",
      description = "Where to write host:port of the RPC server, which TaskManagers join (used by 'spate cluster start').")
  private Path rpcAddressFile;

  @Override
  public Integer call() throws Exception {
    Configuration conf = options.load();
    InternalAuthentication.requireForProcess(conf, "JobManager");
    int slots = conf.get(ClusterProcessOptions.SESSION_SLOTS);
    int taskExecutors = conf.get(ClusterProcessOptions.TASK_EXECUTORS);
    if (slots < 1 || taskExecutors < 0) {
      throw new IllegalArgumentException(ClusterProcessOptions.TASK_EXECUTORS.key() + " must be at least 0 and "
          + ClusterProcessOptions.SESSION_SLOTS.key() + " at least 1, but they are " + taskExecutors + " and "
          + slots + ".");
    }
    Path jarDir = conf.getOptional(ClusterProcessOptions.JAR_DIR).map(Path::of).orElse(null);
    boolean temporaryJarDir = jarDir == null;
    if (temporaryJarDir) {
      jarDir = TemporaryJarDirectory.create(Path.of(System.getProperty("java.io.tmpdir")));
    }
    if (HighAvailabilityOptions.isZooKeeper(conf)) {
      try {
        return HighlyAvailableJobManager.run(conf, jarDir, addressFile, rpcAddressFile);
      } finally {
        if (temporaryJarDir) {
          deleteTree(jarDir);
        }
        System.out.println("Spate JobManager stopped.");
      }
    }
    CountDownLatch stopRequested = new CountDownLatch(1);
    ShutdownSignals.onTermination(stopRequested::countDown);
    // The roles talk gRPC so that TaskManager processes can join; its own TaskExecutors get a data
    // plane so that they exchange records with theirs.
    NetworkedJobManager jobManager = NetworkedJobManager.start(conf, taskExecutors, slots);
    MiniCluster cluster = jobManager.cluster();
    RestServer rest;
    try {
      rest = cluster.startRestServer(conf, new JarStore(jarDir), new SessionJarRunner(cluster, conf));
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
    String rpcAddress = jobManager.rpcAddress();
    ClusterFiles.writeAddresses(addressFile, rest.url(), rpcAddressFile, rpcAddress);
    System.out.println("Spate JobManager running with " + taskExecutors + " in-process TaskExecutor(s) of " + slots
        + " slot(s); REST API at " + rest.url() + "; TaskManagers join with 'spate taskmanager --jobmanager "
        + rpcAddress + "'. Stop it with SIGTERM or Ctrl-C.");
    System.out.flush();
    stopRequested.await();
    return shutDown(cluster, conf.get(ClusterProcessOptions.SHUTDOWN_TIMEOUT), temporaryJarDir ? jarDir : null);
  }

  private int shutDown(MiniCluster cluster, Duration timeout, Path temporaryJarDir) throws InterruptedException {
    LOG.info("Stopping: cancelling the running jobs and stopping the TaskExecutors and the REST API");
    Thread closer = new Thread(cluster::close, "spate-jobmanager-stop");
    closer.start();
    closer.join(timeout.toMillis());
    int exitCode = 0;
    if (closer.isAlive()) {
      LOG.warn("The cluster did not stop within {} ms ({}); exiting anyway", timeout.toMillis(),
          ClusterProcessOptions.SHUTDOWN_TIMEOUT.key());
      exitCode = 1;
    }
    ClusterFiles.deleteQuietly(addressFile, rpcAddressFile);
    if (temporaryJarDir != null) {
      deleteTree(temporaryJarDir);
    }
    System.out.println("Spate JobManager stopped.");
    return exitCode;
  }

  private static void deleteTree(Path dir) {
    try {
      FileTrees.delete(dir);
    } catch (IOException e) {
      LOG.warn("Cannot delete the uploaded jars in {}", dir, e);
    }
  }
}
