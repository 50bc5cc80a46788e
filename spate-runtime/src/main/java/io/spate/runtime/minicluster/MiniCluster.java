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
import io.spate.runtime.rpc.RpcService;
import java.util.function.Supplier;
import io.spate.runtime.taskexecutor.DataPlaneSettings;
import io.spate.runtime.taskexecutor.TaskExecutor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
  private final Supplier<RpcService> rpcServiceFactory;
  private RpcService rpcService;
  private LocalShuffleEnvironment shuffle;
  private ResourceManager resourceManager;
  private final List<TaskExecutor> taskExecutors = new ArrayList<>();
  private final Set<Integer> killed = new HashSet<>();
  private Dispatcher dispatcher;
  private DispatcherGateway dispatcherGateway;
  private RestServer restServer;
  private io.spate.runtime.dispatcher.SubmittedJobGraphs submittedJobGraphs =
      io.spate.runtime.dispatcher.SubmittedJobGraphs.NONE;
  private java.time.Duration startUpTime = java.time.Duration.ZERO;
  private Configuration metricsConfiguration = new Configuration();
  private io.spate.runtime.metrics.MetricRegistry metricRegistry;
  private io.spate.runtime.metrics.groups.JobManagerMetricGroup jobManagerMetrics;
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
    this(configuration, dataPlane, () -> new LocalRpcService(copyRpcMessages));
  }

  /**
   * Creates a cluster whose roles talk through the RPC service {@code rpcServiceFactory} makes when the
   * cluster starts (a networked one lets TaskExecutors of other processes join), with TaskExecutors
   * whose data planes {@code dataPlane} sets up (null for none).
   */
  public MiniCluster(MiniClusterConfiguration configuration, DataPlaneSettings dataPlane,
      Supplier<RpcService> rpcServiceFactory) {
    if (dataPlane != null && dataPlane.port() != 0 && configuration.numberOfTaskExecutors() > 1) {
      throw new IllegalArgumentException("TaskExecutors in one process cannot share data plane port "
          + dataPlane.port() + "; use port 0");
    }
    this.configuration = configuration;
    this.dataPlane = dataPlane;
    this.rpcServiceFactory = rpcServiceFactory;
  }

  /**
   * Makes the Dispatcher keep the graph of every job it accepts in {@code graphs} until the job ends
   * for good (high availability); call before {@link #start()}.
   */
  public synchronized MiniCluster keepingJobGraphsIn(io.spate.runtime.dispatcher.SubmittedJobGraphs graphs) {
    if (rpcService != null) {
      throw new IllegalStateException("The cluster has started already");
    }
    this.submittedJobGraphs = java.util.Objects.requireNonNull(graphs, "graphs");
    return this;
  }

  /**
   * Makes the ResourceManager wait up to {@code time} after the start for TaskExecutors of other
   * processes to register before it refuses a job too large for those registered; call before
   * {@link #start()}.
   */
  public synchronized MiniCluster awaitingTaskExecutorsAtStartUp(java.time.Duration time) {
    if (rpcService != null) {
      throw new IllegalStateException("The cluster has started already");
    }
    this.startUpTime = java.util.Objects.requireNonNull(time, "time");
    return this;
  }

  /**
   * Makes the cluster's roles register their metrics in a registry configured by {@code conf}
   * ({@code metrics.*}: reporters and scope formats); call before {@link #start()}. Without it the
   * metrics are kept but no reporter runs.
   */
  public synchronized MiniCluster reportingMetricsWith(Configuration conf) {
    if (rpcService != null) {
      throw new IllegalStateException("The cluster has started already");
    }
    this.metricsConfiguration = new Configuration(java.util.Objects.requireNonNull(conf, "conf"));
    return this;
  }

  /** Starts every role. */
  public synchronized void start() {
    metricRegistry = new io.spate.runtime.metrics.MetricRegistry(metricsConfiguration);
    jobManagerMetrics = new io.spate.runtime.metrics.groups.JobManagerMetricGroup(metricRegistry,
        io.spate.runtime.metrics.LocalHost.name());
    io.spate.runtime.metrics.JvmMetrics.register(jobManagerMetrics);
    rpcService = rpcServiceFactory.get();
    shuffle = new LocalShuffleEnvironment(configuration.channelCapacity(), configuration.batchSize());
    resourceManager = new ResourceManager(rpcService, ResourceManager.ENDPOINT_NAME, configuration.heartbeat());
    resourceManager.awaitTaskExecutorsAtStartUp(startUpTime);
    for (int i = 0; i < configuration.numberOfTaskExecutors(); i++) {
      startTaskExecutor();
    }
    dispatcher = new Dispatcher(rpcService, "dispatcher", resourceManager.getAddress(), this::jobEnded,
        submittedJobGraphs, jobManagerMetrics);
    dispatcherGateway = rpcService.connect(dispatcher.getAddress(), DispatcherGateway.class).join();
  }

  private String startTaskExecutor() {
    TaskExecutor te = new TaskExecutor(rpcService, "taskexecutor-" + taskExecutors.size(),
        configuration.slotsPerTaskExecutor(), configuration.workerThreadsPerTaskExecutor(), shuffle, dataPlane,
        metricRegistry);
    taskExecutors.add(te);
    te.registerAt(resourceManager.externalAddress(), configuration.heartbeat()).join();
    return te.externalAddress();
  }

  /**
   * Starts one more TaskExecutor, named {@code taskexecutor-<index>} after those started before, and
   * waits until it has registered.
   *
   * @return its address
   */
  public synchronized String addTaskExecutor() {
    requireRunning();
    return startTaskExecutor();
  }

  /**
   * Stops the TaskExecutor started {@code index}-th (from 0) abruptly, as if its process died: it tells
   * no one, and its tasks stop where they are. The ResourceManager finds out by its heartbeats.
   *
   * @return its address
   */
  public synchronized String killTaskExecutor(int index) {
    requireRunning();
    if (index < 0 || index >= taskExecutors.size() || killed.contains(index)) {
      throw new IllegalArgumentException("No running TaskExecutor with index " + index + "; started "
          + taskExecutors.size() + ", killed " + killed);
    }
    killed.add(index);
    TaskExecutor te = taskExecutors.get(index);
    te.close();
    return te.getAddress();
  }

  /** The ResourceManager's gateway. */
  public ResourceManagerGateway getResourceManagerGateway() {
    return rpcService.connect(resourceManager.getAddress(), ResourceManagerGateway.class).join();
  }

  private void requireRunning() {
    if (rpcService == null || closed) {
      throw new IllegalStateException("The mini cluster is not running.");
    }
  }

  private void jobEnded(JobResult result) {
    shuffle.releaseJob(result.jobId());
  }

  /** Submits {@code jobGraph}; the client follows the job. */
  public CompletableFuture<JobClient> submitJob(JobGraph jobGraph) {
    return dispatcherGateway.submitJob(jobGraph)
        .thenApply(v -> new ClusterJobClient(jobGraph.jobId(), jobGraph.jobName(), dispatcherGateway,
            restServer == null ? null : restServer.url(), jobGraph.userClassLoader()));
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
          rpcService.connect(resourceManager.getAddress(), ResourceManagerGateway.class).join(), jars, jarRunner,
          () -> io.spate.runtime.metrics.dump.MetricDumper.dump(jobManagerMetrics));
    }
    return restServer;
  }

  /** The address under which TaskExecutors of other processes reach the ResourceManager. */
  public String resourceManagerAddress() {
    return resourceManager.externalAddress();
  }

  /** The ResourceManager's gateway. */
  public ResourceManagerGateway resourceManagerGateway() {
    return rpcService.connect(resourceManager.getAddress(), ResourceManagerGateway.class).join();
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
    for (int i = 0; i < taskExecutors.size(); i++) {
      if (!killed.contains(i)) {
        taskExecutors.get(i).close();
      }
    }
    resourceManager.close();
    rpcService.close();
    jobManagerMetrics.close();
    metricRegistry.close();
  }

  /** The registry the cluster's roles register their metrics in; null before {@link #start()}. */
  public synchronized io.spate.runtime.metrics.MetricRegistry metricRegistry() {
    return metricRegistry;
  }
}
