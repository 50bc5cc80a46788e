package io.spate.runtime.minicluster;

/**
 * The shape of an embedded cluster.
 *
 * @param numberOfTaskExecutors TaskExecutors to start in this process (0 when TaskManager processes
 *     bring them)
 * @param slotsPerTaskExecutor task slots of each
 * @param workerThreadsPerTaskExecutor cooperative worker threads of each
 * @param channelCapacity batches in flight per channel
 * @param batchSize records per batch
 */
public record MiniClusterConfiguration(
    int numberOfTaskExecutors, int slotsPerTaskExecutor, int workerThreadsPerTaskExecutor,
    int channelCapacity, int batchSize) {

  /** Validates the configuration. */
  public MiniClusterConfiguration {
    if (numberOfTaskExecutors < 0 || slotsPerTaskExecutor < 1 || workerThreadsPerTaskExecutor < 1
        || channelCapacity < 1 || batchSize < 1) {
      throw new IllegalArgumentException("Every mini cluster setting must be positive (TaskExecutors may be 0): " + this);
    }
  }
}
