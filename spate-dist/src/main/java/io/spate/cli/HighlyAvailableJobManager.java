package io.spate.cli;

import io.spate.api.configuration.Configuration;
import io.spate.runtime.cluster.ClusterProcessOptions;
import io.spate.runtime.highavailability.HighAvailabilityJobGraphs;
import io.spate.runtime.highavailability.LeaderContender;
import io.spate.runtime.highavailability.LeaderElection;
import io.spate.runtime.highavailability.ZooKeeperConnection;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.rest.JarStore;
import io.spate.runtime.rest.RestServer;
import io.spate.runtime.rpc.remote.GrpcRpcService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JobManager process of a highly available cluster ({@code high-availability.type: zookeeper}). It
 * listens for RPC at once and enters the leader election; only when elected does it start its roles and
 * REST API and resume the jobs the cluster kept, each from its newest complete checkpoint. Until then it
 * stands by. A leader that loses its leadership (another may already lead) ends its process at once
 * rather than act on, so that two JobManagers never run the same job; a supervisor, or the operator,
 * starts it again as a standby.
 */
final class HighlyAvailableJobManager implements LeaderContender {

  private static final Logger LOG = LoggerFactory.getLogger(HighlyAvailableJobManager.class);
  /** The exit status of a JobManager that lost its leadership. */
  static final int LOST_LEADERSHIP_EXIT_CODE = 3;

  private final Configuration conf;
  private final Path jarDir;
  private final Path addressFile;
  private final Path rpcAddressFile;
  private final GrpcRpcService rpc;
  private final LeaderElection election;
  private final HighAvailabilityJobGraphs jobGraphs;
  private volatile MiniCluster cluster;
  private volatile RestServer rest;
  private volatile boolean wroteAddressFiles;

  private HighlyAvailableJobManager(Configuration conf, Path jarDir, Path addressFile, Path rpcAddressFile,
      ZooKeeperConnection zooKeeper, GrpcRpcService rpc) {
    this.conf = conf;
    this.jarDir = jarDir;
    this.addressFile = addressFile;
    this.rpcAddressFile = rpcAddressFile;
    this.rpc = rpc;
    this.election = new LeaderElection(zooKeeper, rpc.hostAndPort(), this::restUrl);
    // Graphs and checkpoint records change only while this JobManager leads.
    this.jobGraphs = HighAvailabilityJobGraphs.of(zooKeeper, conf, election.fence());
  }

  /**
   * Runs a JobManager configured by {@code conf} until SIGTERM: stands by, leads when elected. Stopping
   * leaves the election, so that a standby takes over the running jobs; nothing is cancelled.
   *
   * @return the process's exit code
   */
  static int run(Configuration conf, Path jarDir, Path addressFile, Path rpcAddressFile) throws Exception {
    CountDownLatch stopRequested = new CountDownLatch(1);
    ShutdownSignals.onTermination(stopRequested::countDown);
    ZooKeeperConnection zooKeeper = ZooKeeperConnection.connect(conf);
    GrpcRpcService rpc;
    try {
      rpc = GrpcRpcService.start(conf);
    } catch (IOException | RuntimeException e) {
      zooKeeper.close();
      throw e;
    }
    HighlyAvailableJobManager jobManager = new HighlyAvailableJobManager(conf, jarDir, addressFile, rpcAddressFile,
        zooKeeper, rpc);
    LeaderElection election = jobManager.election;
    System.out.println("Spate JobManager at " + rpc.hostAndPort() + " joined the leader election in ZooKeeper "
        + conf.get(io.spate.runtime.highavailability.HighAvailabilityOptions.ZOOKEEPER_QUORUM)
        + "; it starts its REST API when it leads. Stop it with SIGTERM or Ctrl-C.");
    System.out.flush();
    election.start(jobManager);
    stopRequested.await();
    LOG.info("Stopping: leaving the election; the running jobs go on under the next leader");
    // Its jobs are not cancelled: they stay in ZooKeeper for the JobManager that leads next.
    election.close();
    jobManager.deleteAddressFiles();
    // The caller exits the process, which ends the roles' threads without cancelling anything.
    return 0;
  }

  @Override
  public void grantLeadership(UUID leaderSessionId) {
    LOG.info("Leading (term {}): starting the Dispatcher, the ResourceManager and the REST API", leaderSessionId);
    int slots = conf.get(ClusterProcessOptions.SESSION_SLOTS);
    int taskExecutors = conf.get(ClusterProcessOptions.TASK_EXECUTORS);
    NetworkedJobManager roles = NetworkedJobManager.start(conf, taskExecutors, slots, rpc, jobGraphs);
    cluster = roles.cluster();
    try {
      rest = cluster.startRestServer(conf, new JarStore(jarDir), new SessionJarRunner(cluster, conf));
      resumeJobs();
      wroteAddressFiles = true;
      ClusterFiles.writeAddresses(addressFile, rest.url(), rpcAddressFile, rpc.hostAndPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("Spate JobManager " + rpc.hostAndPort() + " leads; REST API at " + rest.url() + ".");
    System.out.flush();
  }

  /** Submits every job the cluster kept, each restoring from its newest complete checkpoint. */
  private void resumeJobs() throws IOException {
    for (HighAvailabilityJobGraphs.RecoveredJob job : jobGraphs.recoverAll(HighlyAvailableJobManager.class
        .getClassLoader())) {
      LOG.info("Resuming job '{}' ({})", job.graph().jobName(), job.graph().jobId());
      cluster.submitJob(job.graph())
          .thenCompose(client -> client.getJobExecutionResult())
          .whenComplete((result, error) -> {
            try {
              job.classLoader().close();
            } catch (IOException e) {
              LOG.warn("Cannot close the class loader of job {}", job.graph().jobId(), e);
            }
          });
    }
  }

  @Override
  public void revokeLeadership() {
    lostLeadership("it no longer leads (its ZooKeeper session was suspended or lost)");
  }

  @Override
  public void handleError(Throwable error) {
    lostLeadership("the leader election failed: " + error);
  }

  private void lostLeadership(String reason) {
    LOG.error("JobManager {} stops: {}. Its jobs continue under the next leader; start it again to stand by.",
        rpc.hostAndPort(), reason);
    System.err.println("Spate JobManager " + rpc.hostAndPort() + " stops: " + reason);
    System.err.flush();
    deleteAddressFiles();
    Runtime.getRuntime().halt(LOST_LEADERSHIP_EXIT_CODE);
  }

  /** The REST API's URL, asked by the election once this JobManager leads. */
  private String restUrl() {
    return rest.url();
  }

  private void deleteAddressFiles() {
    if (!wroteAddressFiles) {
      return; // a standby's files would be the leader's
    }
    ClusterFiles.deleteQuietly(addressFile, rpcAddressFile);
  }
}
