package io.spate.runtime.taskexecutor;

import io.spate.api.common.JobID;
import io.spate.runtime.rpc.RpcGateway;
import io.spate.runtime.source.OperatorEvent;
import io.spate.runtime.tasks.ExecutionAttemptID;
import io.spate.runtime.tasks.TaskDeploymentDescriptor;
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

  /** Counters of this job's tasks on this TaskExecutor, summed. */
  CompletableFuture<Map<String, Long>> requestJobCounters(JobID jobId);
}
