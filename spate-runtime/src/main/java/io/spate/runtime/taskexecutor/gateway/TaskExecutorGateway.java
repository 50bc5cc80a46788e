package io.spate.runtime.taskexecutor.gateway;

import io.spate.api.common.JobID;
import io.spate.runtime.rpc.RpcGateway;
import io.spate.runtime.source.OperatorEvent;
import io.spate.runtime.execution.ExecutionAttemptID;
import io.spate.runtime.tasks.TaskDeploymentDescriptor;
import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** What the JobMaster can ask of a TaskExecutor. */
public interface TaskExecutorGateway extends RpcGateway {

  /** Starts a subtask attempt. */
  CompletableFuture<Void> submitTask(TaskDeploymentDescriptor tdd);

  /** Cancels a subtask attempt; completes once cancellation was requested. */
  CompletableFuture<Void> cancelTask(ExecutionAttemptID attemptId);

  /** Delivers an event from an operator coordinator to a subtask. */
  void sendOperatorEventToTask(ExecutionAttemptID attemptId, int operatorId, OperatorEvent event);

  /** Starts checkpoint {@code barrier} at a source subtask. */
  void triggerCheckpoint(ExecutionAttemptID attemptId, CheckpointBarrier barrier);

  /** Checkpoint {@code checkpointId} completed. */
  void notifyCheckpointComplete(ExecutionAttemptID attemptId, long checkpointId);

  /** Checkpoint {@code checkpointId} was aborted. */
  void notifyCheckpointAborted(ExecutionAttemptID attemptId, long checkpointId);

  /** A stop-with-savepoint failed: a source subtask that stopped reading for it resumes. */
  void resumeAfterFailedStop(ExecutionAttemptID attemptId);

  /**
   * The ResourceManager at {@code resourceManagerAddress} asks for a sign of life; the answer reports
   * the slots. A TaskExecutor that gets no such request for {@code heartbeat.timeout} considers the
   * ResourceManager and JobManager lost.
   */
  CompletableFuture<SlotReport> heartbeatFromResourceManager(String resourceManagerAddress);

  /**
   * The ResourceManager at {@code resourceManagerAddress} dropped this TaskExecutor (it missed its
   * heartbeats, so the JobMasters restarted its tasks elsewhere): it cancels its tasks and registers again
   * at once, rather than after its own heartbeat timeout.
   */
  void disconnectResourceManager(String resourceManagerAddress, String reason);

  /** Counters of this job's tasks on this TaskExecutor, summed. */
  CompletableFuture<Map<String, Long>> requestJobCounters(JobID jobId);

  /** The current values of the user accumulators of this job's running tasks on this TaskExecutor. */
  default CompletableFuture<java.util.List<SubtaskAccumulators>> requestAccumulators(JobID jobId) {
    return CompletableFuture.completedFuture(java.util.List.of());
  }

  /**
   * A snapshot of every metric of this TaskExecutor and of its jobs, subtasks and operators, for the
   * JobManager's REST API.
   */
  default CompletableFuture<io.spate.runtime.metrics.dump.MetricDump> requestMetricDump() {
    return CompletableFuture.completedFuture(io.spate.runtime.metrics.dump.MetricDump.EMPTY);
  }

  /** The stacks of every thread of this TaskExecutor's JVM. */
  default CompletableFuture<java.util.List<io.spate.runtime.cluster.ThreadDump.Entry>> requestThreadDump() {
    return CompletableFuture.completedFuture(java.util.List.of());
  }

  /** The log files of this TaskExecutor's process; null if it has none (it was not started with -Dlog.file). */
  default CompletableFuture<java.util.List<io.spate.runtime.cluster.ProcessLogs.LogFile>> requestLogList() {
    return CompletableFuture.completedFuture(null);
  }

  /**
   * The end of log file {@code name} of this TaskExecutor's process, or of its own log file when
   * {@code name} is null; null if there is no such file.
   */
  default CompletableFuture<io.spate.runtime.cluster.ProcessLogs.LogTail> requestLogFile(String name) {
    return CompletableFuture.completedFuture(null);
  }

  /**
   * Samples the stacks of the worker threads while they run subtasks of vertex {@code vertexId} of job
   * {@code jobId}: {@code samples} rounds {@code delayMillis} apart, keeping all samples ({@code full}),
   * those of running threads ({@code on_cpu}) or of waiting ones ({@code off_cpu}); each sample is its
   * frames, outermost first, at most the {@code maxDepth} innermost.
   */
  default CompletableFuture<java.util.List<java.util.List<String>>> requestStackSamples(JobID jobId, int vertexId,
      String type, int samples, long delayMillis, int maxDepth) {
    return CompletableFuture.completedFuture(java.util.List.of());
  }
}
