package io.spate.runtime.minicluster;

import io.spate.api.common.JobClient;
import io.spate.runtime.dispatcher.Dispatcher;
import io.spate.runtime.dispatcher.DispatcherGateway;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.network.LocalShuffleEnvironment;
import io.spate.runtime.resourcemanager.ResourceManager;
import io.spate.runtime.resourcemanager.ResourceManagerGateway;
import io.spate.runtime.rpc.LocalRpcService;
import io.spate.runtime.taskexecutor.DataPlaneSettings;
import io.spate.runtime.taskexecutor.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.io.IOException;
import io.spate.api.configuration.Configuration;
import io.spate.runtime.rest.RestServer;

/**
 * A whole Spate cluster in this JVM: the same Dispatcher, ResourceManager and TaskExecutor roles
 * as a distributed cluster, talking through in-process RPC and shuffle.
 */
public final class MiniCluster implements AutoCloseable {

  private final MiniClusterConfiguration configuration;
  private final DataPlaneSettings dataPlane;
  private final boolean copyRpcMessages;
  private LocalRpcService rpcService;
  private LocalShuffleEnvironment shuffle;
  private ResourceManager resourceManager;
  private final List<TaskExecutor> taskExecutors = new ArrayList<>();
  private Dispatcher dispatcher;
  private DispatcherGateway dispatcherGateway;
  private RestServer restServer;
  private boolean closed;

  /** Creates a cluster of the given shape; {@link #start()} starts it. */
  public MiniCluster(MiniClusterConfiguration configuration) {
    this(configuration, null);
  }

  /**
   * Creates a cluster of the given shape whose TaskExecutors each have a network data plane set up by
   * {@code dataPlane} (null for none): records between subtasks of different TaskExecutors are then
   * serialized and sent over loopback connections, as between processes.
   */
  public MiniCluster(MiniClusterConfiguration configuration, DataPlaneSettings dataPlane) {
    this(configuration, dataPlane, false);
  }

  /**
   * Like {@link #MiniCluster(MiniClusterConfiguration, DataPlaneSettings)}; with
   * {@code copyRpcMessages} the roles' calls serialize every argument and result, as between
   * processes, so that the cluster fails where a distributed one would (a job whose functions cannot
   * be serialized, a message type that cannot travel).
   */
  public MiniCluster(MiniClusterConfiguration configuration, DataPlaneSettings dataPlane, boolean copyRpcMessages) {
    if (dataPlane != null && dataPlane.port() != 0 && configuration.numberOfTaskExecutors() > 1) {
      throw new IllegalArgumentException("TaskExecutors in one process cannot share data plane port "
          + dataPlane.port() + "; use port 0");
    }
    this.configuration = configuration;
    this.dataPlane = dataPlane;
    this.copyRpcMessages = copyRpcMessages;
  }

  /** Starts every role. */
  public synchronized void start() {
    rpcService = new LocalRpcService(copyRpcMessages);
    shuffle = new LocalShuffleEnvironment(configuration.channelCapacity(), configuration.batchSize());
    resourceManager = new ResourceManager(rpcService, "resourcemanager");
    for (int i = 0; i < configuration.numberOfTaskExecutors(); i++) {
      TaskExecutor te = new TaskExecutor(rpcService, "taskexecutor-" + i, configuration.slotsPerTaskExecutor(),
          configuration.workerThreadsPerTaskExecutor(), shuffle, dataPlane);
      taskExecutors.add(te);
      te.registerAt(resourceManager.getAddress()).join();
    }
    dispatcher = new Dispatcher(rpcService, "dispatcher", resourceManager.getAddress(), this::jobEnded);
    dispatcherGateway = rpcService.connect(dispatcher.getAddress(), DispatcherGateway.class).join();
  }

  private void jobEnded(JobResult result) {
    shuffle.releaseJob(result.jobId());
  }

  /** Submits {@code jobGraph}; the client follows the job. */
  public CompletableFuture<JobClient> submitJob(JobGraph jobGraph) {
    return dispatcherGateway.submitJob(jobGraph)
        .thenApply(v -> new ClusterJobClient(jobGraph.jobId(), jobGraph.jobName(), dispatcherGateway,
            restServer == null ? null : restServer.url()));
  }

  /**
   * Starts the REST API of this cluster, configured by {@code conf} ({@code rest.*}); it stops with
   * the cluster.
   *
   * @throws IOException if it cannot listen on any allowed port
   */
  public synchronized RestServer startRestServer(Configuration conf) throws IOException {
    return startRestServer(conf, null, io.spate.runtime.rest.JarRunner.UNSUPPORTED);
  }

  /**
   * Like {@link #startRestServer(Configuration)}, serving the uploaded jars of {@code jars} (null
   * refuses uploads) and running them with {@code jarRunner}.
   *
   * @throws IOException if it cannot listen on any allowed port
   */
  public synchronized RestServer startRestServer(Configuration conf, io.spate.runtime.rest.JarStore jars,
      io.spate.runtime.rest.JarRunner jarRunner) throws IOException {
    if (rpcService == null || closed) {
      throw new IllegalStateException("Start the cluster before its REST API.");
    }
    if (restServer == null) {
      restServer = RestServer.start(conf, dispatcherGateway,
          rpcService.connect(resourceManager.getAddress(), ResourceManagerGateway.class).join(), jars, jarRunner);
    }
    return restServer;
  }

  /** The Dispatcher's gateway. */
  public DispatcherGateway getDispatcherGateway() {
    return dispatcherGateway;
  }

  /** The live channels of the shuffle, for leak checks. */
  public int numberOfLiveChannels() {
    return shuffle.numberOfChannels();
  }

  /** How many channel ends the TaskExecutors' tasks have opened over their data planes, for checks. */
  public long networkChannelEnds() {
    return taskExecutors.stream().mapToLong(TaskExecutor::networkChannelEnds).sum();
  }

  /** How many bytes of job jars the TaskExecutors have downloaded from JobMasters, for checks. */
  public long downloadedJobJarBytes() {
    return taskExecutors.stream().mapToLong(te -> te.jobClassLoaders().downloadedBytes()).sum();
  }

  /** How many class loaders of downloaded job jars the TaskExecutors hold (one per job and TaskExecutor). */
  public int cachedJobClassLoaders() {
    return taskExecutors.stream().mapToInt(te -> te.jobClassLoaders().cachedJobs()).sum();
  }

  /** Cancels running jobs and stops every role and thread. */
  @Override
  public synchronized void close() {
    if (closed || rpcService == null) {
      return;
    }
    closed = true;
    if (restServer != null) {
      restServer.close();
    }
    dispatcher.close();
    for (TaskExecutor te : taskExecutors) {
      te.close();
    }
    resourceManager.close();
    rpcService.close();
  }
}
