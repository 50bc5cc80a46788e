package io.spate.runtime.dispatcher;

import io.spate.api.common.JobID;
import io.spate.api.common.JobProgress;
import io.spate.api.common.JobStatus;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.jobmaster.ExceptionHistoryEntry;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.rpc.RpcGateway;
import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.api.checkpoint.RestoredCheckpoint;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What clients can ask of the Dispatcher: submit, follow and cancel jobs. */
public interface DispatcherGateway extends RpcGateway {

  /** Accepts a job and starts its JobMaster. */
  CompletableFuture<Void> submitJob(JobGraph jobGraph);

  /** The job's status. */
  CompletableFuture<JobStatus> requestJobStatus(JobID jobId);

  /** Completes with the job's result when it has ended. */
  CompletableFuture<JobResult> requestJobResult(JobID jobId);

  /** The job's progress. */
  CompletableFuture<JobProgress> requestJobProgress(JobID jobId);

  /** Takes a savepoint of the job (and stops it, if {@code stop}); completes with its directory. */
  CompletableFuture<String> triggerSavepoint(JobID jobId, String targetDirectory, boolean stop, boolean drain);

  /** Statistics of the job's recent checkpoints. */
  CompletableFuture<List<CheckpointStatistics>> requestCheckpointStatistics(JobID jobId);

  /**
   * The details of the job's latest checkpoints, its latest savepoint, and its checkpointing settings (for an
   * ended job, as they stood when it ended).
   */
  CompletableFuture<io.spate.runtime.checkpoint.CheckpointStatsSnapshot> requestCheckpointStatsSnapshot(JobID jobId);

  /** The job's execution configuration (for an ended job, as it ran). */
  CompletableFuture<io.spate.runtime.jobmaster.JobConfigInfo> requestJobConfig(JobID jobId);

  /** The job's user accumulators: current values while it runs, final values once it ended. */
  CompletableFuture<io.spate.runtime.jobmaster.JobAccumulators> requestAccumulators(JobID jobId);

  /** The job's latest restore from a checkpoint or savepoint (as it stood when it ended); null if none. */
  CompletableFuture<RestoredCheckpoint> requestLatestRestore(JobID jobId);

  /** The job's latest failures, newest first (for an ended job, as they stood when it ended). */
  CompletableFuture<List<ExceptionHistoryEntry>> requestExceptionHistory(JobID jobId);

  /** Cancels the job. */
  CompletableFuture<Void> cancelJob(JobID jobId);

  /** Running and recently ended jobs, oldest first. */
  CompletableFuture<List<JobOverview>> requestJobOverviews();

  /** The graph of job {@code jobId} with the states of its subtasks (their final ones once it ended). */
  CompletableFuture<io.spate.runtime.jobmaster.JobDetails> requestJobDetails(JobID jobId);
}
