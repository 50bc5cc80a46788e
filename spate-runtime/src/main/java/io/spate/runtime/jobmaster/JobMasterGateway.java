package io.spate.runtime.jobmaster;

import io.spate.api.common.JobProgress;
import io.spate.api.common.JobStatus;
import io.spate.runtime.rpc.RpcGateway;
import io.spate.runtime.source.OperatorEvent;
import io.spate.runtime.tasks.ExecutionAttemptID;
import io.spate.runtime.tasks.TaskExecutionState;
import java.util.concurrent.CompletableFuture;

/** What TaskExecutors and the Dispatcher can ask of a JobMaster. */
public interface JobMasterGateway extends RpcGateway {

  /** A subtask changed state. */
  void updateTaskExecutionState(TaskExecutionState state);

  /** A subtask sends an event to the coordinator of operator {@code operatorId}. */
  void sendOperatorEventToCoordinator(ExecutionAttemptID sender, int operatorId, OperatorEvent event);

  /** The job's status. */
  CompletableFuture<JobStatus> requestJobStatus();

  /** The job's progress. */
  CompletableFuture<JobProgress> requestProgress();

  /** Cancels the job; completes when the request is accepted. */
  CompletableFuture<Void> cancel();
}
