package io.spate.runtime.taskexecutor;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.runtime.TaskManagerOptions;
import io.spate.runtime.network.LocalShuffleEnvironment;
import io.spate.runtime.rpc.remote.GrpcRpcService;
import io.spate.runtime.rpc.remote.RemoteAddress;
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

  private TaskManagerRunner(GrpcRpcService rpcService, TaskExecutor taskExecutor, CompletableFuture<Void> registered) {
    this.rpcService = rpcService;
    this.taskExecutor = taskExecutor;
    this.registered = registered;
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
    if (slots < 1) {
      throw new IllegalConfigurationException("A TaskManager needs at least one slot; got " + slots);
    }
    try {
      RemoteAddress.parse(resourceManagerAddress);
    } catch (IllegalArgumentException e) {
      throw new IllegalConfigurationException("Bad ResourceManager address: " + e.getMessage());
    }
    DataPlaneSettings dataPlane = DataPlaneSettings.from(conf);
    GrpcRpcService rpc = GrpcRpcService.start(conf);
    TaskExecutor taskExecutor;
    try {
      taskExecutor = new TaskExecutor(rpc, "taskexecutor-" + UUID.randomUUID().toString().substring(0, 8), slots,
          conf.get(TaskManagerOptions.WORKER_THREADS), new LocalShuffleEnvironment(
              conf.get(TaskManagerOptions.CHANNEL_CAPACITY), conf.get(TaskManagerOptions.BATCH_SIZE)), dataPlane);
    } catch (RuntimeException e) {
      rpc.close();
      throw e;
    }
    LOG.info("TaskExecutor {} with {} slots, data plane at {}, registering with {}", taskExecutor.externalAddress(),
        slots, taskExecutor.dataAddress(), resourceManagerAddress);
    CompletableFuture<Void> registered = taskExecutor.registerAt(resourceManagerAddress);
    return new TaskManagerRunner(rpc, taskExecutor, registered);
  }

  /** The TaskExecutor of this TaskManager. */
  public TaskExecutor taskExecutor() {
    return taskExecutor;
  }

  /** Completes once the ResourceManager accepted the first registration. */
  public CompletableFuture<Void> registration() {
    return registered;
  }

  /** Stops the TaskExecutor (its running tasks end) and the RPC server. */
  @Override
  public void close() {
    try {
      taskExecutor.close();
    } finally {
      rpcService.close();
    }
  }
}
