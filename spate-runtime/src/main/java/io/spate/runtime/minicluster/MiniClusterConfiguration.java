package io.spate.runtime.minicluster;

import io.spate.runtime.heartbeat.HeartbeatSettings;

/**
 * The shape of an embedded cluster.
 *
 * @param numberOfTaskExecutors TaskExecutors to start in this process (0 when TaskManager processes
 *     bring them)
 * @param slotsPerTaskExecutor task slots of each
 * @param workerThreadsPerTaskExecutor cooperative worker threads of each
 * @param channelCapacity batches in flight per channel
 * @param batchSize records per batch
 * @param heartbeat the heartbeat interval and timeout between the ResourceManager and the TaskExecutors
 */
public record MiniClusterConfiguration(
    int numberOfTaskExecutors, int slotsPerTaskExecutor, int workerThreadsPerTaskExecutor,
    int channelCapacity, int batchSize, HeartbeatSettings heartbeat) {

  /** Validates the configuration. */
  public MiniClusterConfiguration {
    if (numberOfTaskExecutors < 0 || slotsPerTaskExecutor < 1 || workerThreadsPerTaskExecutor < 1
        || channelCapacity < 1 || batchSize < 1) {
      throw new IllegalArgumentException("Every mini cluster setting must be positive (TaskExecutors may be 0): " + this);
    }
    if (heartbeat == null) {
      throw new IllegalArgumentException("A mini cluster needs heartbeat settings: " + this);
    }
  }

  /** A configuration with the default {@code heartbeat.*} settings. */
  public MiniClusterConfiguration(int numberOfTaskExecutors, int slotsPerTaskExecutor,
      int workerThreadsPerTaskExecutor, int channelCapacity, int batchSize) {
    this(numberOfTaskExecutors, slotsPerTaskExecutor, workerThreadsPerTaskExecutor, channelCapacity, batchSize,
        HeartbeatSettings.DEFAULT);
  }

  /** This configuration with {@code heartbeat} instead of its heartbeat settings. */
  public MiniClusterConfiguration withHeartbeat(HeartbeatSettings heartbeat) {
    return new MiniClusterConfiguration(numberOfTaskExecutors, slotsPerTaskExecutor, workerThreadsPerTaskExecutor,
        channelCapacity, batchSize, heartbeat);
  }
}
