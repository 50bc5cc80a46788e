package io.spate.runtime.resourcemanager;

import io.spate.api.common.JobID;
import io.spate.runtime.rpc.RpcGateway;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What TaskExecutors and JobMasters can ask of the ResourceManager. */
public interface ResourceManagerGateway extends RpcGateway {

  /**
   * A TaskExecutor without a data plane of its own (sharing this process's in-process channels)
   * offers its slots; see {@link #registerTaskExecutor(String, int, InetSocketAddress)}.
   */
  default CompletableFuture<Void> registerTaskExecutor(String address, int numberOfSlots) {
    return registerTaskExecutor(address, numberOfSlots, null);
  }

  /**
   * A TaskExecutor whose data plane listens at {@code dataAddress} (null if none) offers its slots;
   * from then on it is asked for heartbeats. Registering again replaces the earlier registration
   * with all slots free.
   */
  CompletableFuture<Void> registerTaskExecutor(String address, int numberOfSlots, InetSocketAddress dataAddress);

  /**
   * Allocates {@code count} slots to {@code jobId}, whose JobMaster is at {@code jobMasterAddress},
   * waiting for busy ones to be released, or fails with {@link NotEnoughResourcesException} when the
   * cluster is too small or the wait times out. Slots the job already holds are released first. The
   * JobMaster is told through {@link SlotOwnerGateway#disconnectTaskExecutor} when a TaskExecutor
   * with some of its slots is lost.
   */
  CompletableFuture<List<SlotOffer>> requestSlots(JobID jobId, String jobMasterAddress, int count);

  /**
   * A JobMaster's call to the TaskExecutor at {@code taskExecutorAddress} failed for {@code reason}:
   * the ResourceManager asks it for a heartbeat at once and drops it (with its slots) if that call
   * fails too, rather than waiting for its heartbeat timeout. An answer, or no answer yet, keeps it.
   */
  void reportUnreachableTaskExecutor(String taskExecutorAddress, String reason);

  /**
   * Allocates {@code count} more slots to {@code jobId}, keeping those it holds (to replace slots lost
   * with a TaskExecutor while the rest of the job runs on); waits and fails like
   * {@link #requestSlots}.
   */
  CompletableFuture<List<SlotOffer>> requestAdditionalSlots(JobID jobId, String jobMasterAddress, int count);

  /** Frees every slot of {@code jobId}. */
  void releaseSlots(JobID jobId);

  /** The number of free slots. */
  CompletableFuture<Integer> freeSlots();

  /** Every registered TaskExecutor with its slots, in the order they registered. */
  CompletableFuture<List<RegisteredTaskExecutor>> requestTaskExecutors();

  /**
   * A snapshot of the metrics of every registered TaskExecutor, by address; one that does not answer
   * within a few seconds is left out.
   */
  default CompletableFuture<java.util.Map<String, io.spate.runtime.metrics.dump.MetricDump>>
      requestTaskManagerMetricDumps() {
    return CompletableFuture.completedFuture(java.util.Map.of());
  }

  /**
   * The thread dump of the TaskExecutor whose address ends with {@code taskManagerId} (as the REST
   * API names it); completes exceptionally with {@link java.util.NoSuchElementException} if none is
   * registered.
   */
  default CompletableFuture<java.util.List<io.spate.runtime.cluster.ThreadDump.Entry>> requestTaskManagerThreadDump(
      String taskManagerId) {
    return CompletableFuture.completedFuture(null);
  }

  /**
   * The log files of TaskExecutor {@code taskManagerId}; completes exceptionally with
   * {@link java.util.NoSuchElementException} if none is registered, and with null if it has no log files.
   */
  default CompletableFuture<java.util.List<io.spate.runtime.cluster.ProcessLogs.LogFile>> requestTaskManagerLogList(
      String taskManagerId) {
    return CompletableFuture.completedFuture(null);
  }

  /**
   * The end of log file {@code name} (null: its own log file) of TaskExecutor {@code taskManagerId};
   * completes exceptionally with {@link java.util.NoSuchElementException} if none is registered, and
   * with null if there is no such file.
   */
  default CompletableFuture<io.spate.runtime.cluster.ProcessLogs.LogTail> requestTaskManagerLogFile(
      String taskManagerId, String name) {
    return CompletableFuture.completedFuture(null);
  }

  /**
   * The stack samples of vertex {@code vertexId} of job {@code jobId} from every registered
   * TaskExecutor (see {@code TaskExecutorGateway.requestStackSamples}), together; one that fails or
   * does not answer in time adds none.
   */
  default CompletableFuture<java.util.List<java.util.List<String>>> requestStackSamples(JobID jobId, int vertexId,
      String type, int samples, long delayMillis, int maxDepth) {
    return CompletableFuture.completedFuture(java.util.List.of());
  }
}
