package io.spate.cli;

import io.spate.api.configuration.Configuration;
import io.spate.runtime.TaskManagerOptions;
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
    GrpcRpcService[] rpc = new GrpcRpcService[1];
    MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(taskExecutors, slots,
        conf.get(TaskManagerOptions.WORKER_THREADS), conf.get(TaskManagerOptions.CHANNEL_CAPACITY),
        conf.get(TaskManagerOptions.BATCH_SIZE), HeartbeatSettings.from(conf)), DataPlaneSettings.from(conf), () -> {
          try {
            rpc[0] = GrpcRpcService.start(conf);
            return rpc[0];
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    cluster.start();
    return new NetworkedJobManager(cluster, rpc[0].hostAndPort());
  }
}
