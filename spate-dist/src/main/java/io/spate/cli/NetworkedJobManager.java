package io.spate.cli;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.TaskManagerOptions;
import io.spate.runtime.cluster.ClusterProcessOptions;
import io.spate.runtime.dispatcher.SubmittedJobGraphs;
import io.spate.runtime.heartbeat.HeartbeatSettings;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.rpc.remote.GrpcRpcService;
import io.spate.runtime.taskexecutor.DataPlaneSettings;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The roles of a JobManager process whose RPC is gRPC, so that TaskManager processes can join:
 * Dispatcher, ResourceManager, and {@code taskExecutors} TaskExecutors of its own with a data plane.
 *
 * @param cluster the started roles
 * @param rpcAddress the host:port TaskManagers join
 */
record NetworkedJobManager(MiniCluster cluster, String rpcAddress) {

  /** Starts the roles configured by {@code conf} with {@code taskExecutors} TaskExecutors of their own. */
  static NetworkedJobManager start(Configuration conf, int taskExecutors, int slots) {
    GrpcRpcService rpc;
    try {
      rpc = GrpcRpcService.start(conf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return start(conf, taskExecutors, slots, rpc, SubmittedJobGraphs.NONE);
  }

  /**
   * Starts the roles on the running RPC service {@code rpc}, keeping submitted job graphs in
   * {@code jobGraphs}; they stop it when they close.
   */
  static NetworkedJobManager start(Configuration conf, int taskExecutors, int slots, GrpcRpcService rpc,
      SubmittedJobGraphs jobGraphs) {
    java.time.Duration startUpTime = conf.get(ClusterProcessOptions.RESOURCE_MANAGER_START_UP_TIME);
    if (startUpTime.isNegative()) {
      throw new io.spate.api.configuration.IllegalConfigurationException("Invalid value for option '"
          + ClusterProcessOptions.RESOURCE_MANAGER_START_UP_TIME.key() + "': it must not be negative.");
    }
    MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(taskExecutors, slots,
        conf.get(TaskManagerOptions.WORKER_THREADS), conf.get(TaskManagerOptions.CHANNEL_CAPACITY),
        conf.get(TaskManagerOptions.BATCH_SIZE), HeartbeatSettings.from(conf)), DataPlaneSettings.from(conf), () -> rpc)
        .keepingJobGraphsIn(jobGraphs)
        .awaitingTaskExecutorsAtStartUp(startUpTime)
        .reportingMetricsWith(conf);
    cluster.start();
    return new NetworkedJobManager(cluster, rpc.hostAndPort());
  }
}
