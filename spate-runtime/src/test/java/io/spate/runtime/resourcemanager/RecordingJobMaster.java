package io.spate.runtime.resourcemanager;

import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.api.common.JobProgress;
import io.spate.api.common.JobStatus;
import io.spate.runtime.checkpoint.TaskCheckpointMetrics;
import io.spate.runtime.jobmaster.ExceptionHistoryEntry;
import io.spate.runtime.jobmaster.JobMasterGateway;
import io.spate.runtime.rpc.RpcEndpoint;
import io.spate.runtime.rpc.RpcService;
import io.spate.runtime.source.OperatorEvent;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.runtime.tasks.ExecutionAttemptID;
import io.spate.runtime.tasks.TaskExecutionState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

/** A JobMaster stand-in that records the TaskExecutors it is told were lost, and does nothing else. */
final class RecordingJobMaster extends RpcEndpoint implements JobMasterGateway {

  /** A call of {@link #disconnectTaskExecutor}. */
  record Disconnect(String taskExecutorAddress, String reason) {}

  final BlockingQueue<Disconnect> disconnects = new ArrayBlockingQueue<>(64);

  RecordingJobMaster(RpcService rpcService, String address) {
    super(rpcService, address);
  }

  @Override
  public void disconnectTaskExecutor(String taskExecutorAddress, String reason) {
    disconnects.add(new Disconnect(taskExecutorAddress, reason));
  }

  @Override
  public void updateTaskExecutionState(TaskExecutionState state) {}

  @Override
  public void sendOperatorEventToCoordinator(ExecutionAttemptID sender, int operatorId, OperatorEvent event) {}

  @Override
  public CompletableFuture<String> triggerSavepoint(String targetDirectory, boolean stop, boolean drain) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException());
  }

  @Override
  public CompletableFuture<List<CheckpointStatistics>> requestCheckpointStatistics() {
    return CompletableFuture.completedFuture(List.of());
  }

  @Override
  public CompletableFuture<List<ExceptionHistoryEntry>> requestExceptionHistory() {
    return CompletableFuture.completedFuture(List.of());
  }

  @Override
  public CompletableFuture<JobStatus> requestJobStatus() {
    return CompletableFuture.completedFuture(JobStatus.RUNNING);
  }

  @Override
  public CompletableFuture<JobProgress> requestProgress() {
    return CompletableFuture.failedFuture(new UnsupportedOperationException());
  }

  @Override
  public CompletableFuture<Void> cancel() {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void acknowledgeCheckpoint(ExecutionAttemptID attemptId, long checkpointId,
      Map<String, OperatorSubtaskState> operatorStates, TaskCheckpointMetrics metrics) {}

  @Override
  public void declineCheckpoint(ExecutionAttemptID attemptId, long checkpointId, String reason) {}

  @Override
  public CompletableFuture<java.util.List<Long>> jobJarSizes() {
    return CompletableFuture.completedFuture(java.util.List.of());
  }

  @Override
  public CompletableFuture<byte[]> readJobJar(int jarIndex, long offset, int maxLength) {
    return CompletableFuture.failedFuture(new IllegalArgumentException("this job has no jars"));
  }

  @Override
  public CompletableFuture<io.spate.runtime.jobmaster.JobDetails> requestJobDetails() {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("not a real job"));
  }
}
