package io.spate.runtime.taskexecutor;

import io.spate.runtime.metrics.MetricRegistry;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.TaskManagerOptions;
import io.spate.runtime.network.LocalShuffleEnvironment;
import io.spate.runtime.rpc.RpcAuthenticationException;
import io.spate.runtime.rpc.remote.GrpcRpcService;
import io.spate.runtime.rpc.remote.RemoteAddress;
import io.spate.runtime.heartbeat.HeartbeatSettings;
import io.spate.runtime.highavailability.LeaderRetrieval;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskManager process's roles: an RPC server, one TaskExecutor with its slots, workers and network
 * data plane, registered with the ResourceManager of a JobManager process.
 */
public final class TaskManagerRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TaskManagerRunner.class);

  private final GrpcRpcService rpcService;
  private final TaskExecutor taskExecutor;
  private final CompletableFuture<Void> registered;
  private final AutoCloseable leaderRetrieval;
  private final MetricRegistry metricRegistry;

  private TaskManagerRunner(GrpcRpcService rpcService, TaskExecutor taskExecutor, CompletableFuture<Void> registered,
      AutoCloseable leaderRetrieval, MetricRegistry metricRegistry) {
    this.metricRegistry = metricRegistry;
    this.rpcService = rpcService;
    this.taskExecutor = taskExecutor;
    this.registered = registered;
    this.leaderRetrieval = leaderRetrieval;
  }

  /**
   * Starts a TaskManager configured by {@code conf} ({@code rpc.*}, {@code taskmanager.*},
   * {@code security.ssl.internal.*}) with {@code slots} slots, and registers it with the
   * ResourceManager at {@code resourceManagerAddress} ({@code host:port/resourcemanager}).
   *
   * @throws IllegalConfigurationException if an option or the address is malformed
   * @throws IOException if the RPC server or the data plane cannot listen
   */
  public static TaskManagerRunner start(Configuration conf, String resourceManagerAddress, int slots)
      throws IOException {
    try {
      RemoteAddress.parse(resourceManagerAddress);
    } catch (IllegalArgumentException e) {
      throw new IllegalConfigurationException("Bad ResourceManager address: " + e.getMessage());
    }
    DataPlaneSettings dataPlane = DataPlaneSettings.from(conf);
    MetricRegistry metrics = new MetricRegistry(conf);
    GrpcRpcService rpc = startRpc(slots, conf, metrics);
    TaskExecutor taskExecutor = startTaskExecutor(conf, dataPlane, rpc, slots, metrics);
    LOG.info("TaskExecutor {} with {} slots, data plane at {}, registering with {}", taskExecutor.externalAddress(),
        slots, taskExecutor.dataAddress(), resourceManagerAddress);
    CompletableFuture<Void> registered = taskExecutor.registerAt(resourceManagerAddress, HeartbeatSettings.from(conf));
    return new TaskManagerRunner(rpc, taskExecutor, registered, () -> { }, metrics);
  }

  /**
   * Starts a TaskManager like {@link #start(Configuration, String, int)} that follows the leading
   * JobManager which {@code leaders} reports (high availability): it registers with each new leader's
   * ResourceManager, cancelling the tasks of the former one. {@code leaders} is started here and closed
   * with this TaskManager.
   *
   * @throws IOException if the RPC server or the data plane cannot listen
   */
  public static TaskManagerRunner startFollowing(Configuration conf, LeaderRetrieval leaders, int slots)
      throws IOException {
    DataPlaneSettings dataPlane = DataPlaneSettings.from(conf);
    MetricRegistry metrics = new MetricRegistry(conf);
    GrpcRpcService rpc = startRpc(slots, conf, metrics);
    TaskExecutor taskExecutor = startTaskExecutor(conf, dataPlane, rpc, slots, metrics);
    HeartbeatSettings heartbeat = HeartbeatSettings.from(conf);
    CompletableFuture<Void> registered = new CompletableFuture<>();
    LOG.info("TaskExecutor {} with {} slots, data plane at {}, waiting for the leading JobManager",
        taskExecutor.externalAddress(), slots, taskExecutor.dataAddress());
    leaders.start(leader -> {
      if (leader.isEmpty()) {
        // Its tasks go on while the leader is unknown; the heartbeat timeout stops them if it is gone.
        LOG.info("TaskExecutor {}: no leading JobManager known", taskExecutor.externalAddress());
        return;
      }
      String resourceManager = leader.get().rpcAddress() + "/" + io.spate.runtime.resourcemanager.ResourceManager.ENDPOINT_NAME;
      LOG.info("TaskExecutor {} registers with the leading JobManager's ResourceManager {} (term {})",
          taskExecutor.externalAddress(), resourceManager, leader.get().leaderSessionId());
      taskExecutor.registerAt(resourceManager, heartbeat).whenComplete((ok, error) -> {
        if (error == null) {
          registered.complete(null);
        } else if (RpcAuthenticationException.isCauseOf(error)) {
          registered.completeExceptionally(error);
        }
      });
    });
    return new TaskManagerRunner(rpc, taskExecutor, registered, leaders, metrics);
  }

  private static GrpcRpcService startRpc(int slots, Configuration conf, MetricRegistry metrics) throws IOException {
    try {
      if (slots < 1) {
        throw new IllegalConfigurationException("A TaskManager needs at least one slot; got " + slots);
      }
      return GrpcRpcService.start(conf);
    } catch (IOException | RuntimeException e) {
      metrics.close();
      throw e;
    }
  }

  private static TaskExecutor startTaskExecutor(Configuration conf, DataPlaneSettings dataPlane, GrpcRpcService rpc,
      int slots, MetricRegistry metrics) {
    try {
      return new TaskExecutor(rpc, "taskexecutor-" + UUID.randomUUID().toString().substring(0, 8), slots,
          TaskManagerResources.workerThreads(conf), new LocalShuffleEnvironment(
              conf.get(TaskManagerOptions.CHANNEL_CAPACITY), conf.get(TaskManagerOptions.BATCH_SIZE)), dataPlane,
          metrics);
    } catch (RuntimeException e) {
      rpc.close();
      metrics.close();
      throw e;
    }
  }

  /** The TaskExecutor of this TaskManager. */
  public TaskExecutor taskExecutor() {
    return taskExecutor;
  }

  /**
   * Completes once the ResourceManager accepted the first registration, or fails when it refused this
   * TaskManager's authentication ({@link io.spate.runtime.rpc.RpcAuthenticationException}).
   */
  public CompletableFuture<Void> registration() {
    return registered;
  }

  /** Stops the TaskExecutor (its running tasks end) and the RPC server. */
  @Override
  public void close() {
    try {
      leaderRetrieval.close();
    } catch (Exception e) {
      LOG.warn("Closing the leader retrieval failed", e);
    }
    try {
      taskExecutor.close();
    } finally {
      rpcService.close();
      metricRegistry.close();
    }
  }
}
