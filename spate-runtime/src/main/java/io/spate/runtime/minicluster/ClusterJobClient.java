package io.spate.runtime.minicluster;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionException;
import io.spate.api.common.JobExecutionResult;
import io.spate.api.common.JobID;
import io.spate.api.common.JobProgress;
import io.spate.api.common.JobStatus;
import io.spate.runtime.dispatcher.DispatcherGateway;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.execution.TaskExecutionState;
import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.api.checkpoint.RestoredCheckpoint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** A {@link JobClient} that follows a job through the Dispatcher's gateway. */
public final class ClusterJobClient implements JobClient {

  private final JobID jobId;
  private final String jobName;
  private final DispatcherGateway dispatcher;
  private final CompletableFuture<JobResult> jobResult;
  private final CompletableFuture<JobExecutionResult> result;
  private final String restUrl;
  private final CompletableFuture<Void> clusterStopped = new CompletableFuture<>();
  private final ClassLoader userClassLoader;

  /** Creates the client of job {@code jobId}; {@code restUrl} is the cluster's REST API, or null if it has none. */
  public ClusterJobClient(JobID jobId, String jobName, DispatcherGateway dispatcher, String restUrl) {
    this(jobId, jobName, dispatcher, restUrl, ClusterJobClient.class.getClassLoader());
  }

  /**
   * Like {@link #ClusterJobClient(JobID, String, DispatcherGateway, String)}, reading the job's
   * accumulators with {@code userClassLoader}, the class loader of the job's code.
   */
  public ClusterJobClient(JobID jobId, String jobName, DispatcherGateway dispatcher, String restUrl,
      ClassLoader userClassLoader) {
    this.userClassLoader = userClassLoader != null ? userClassLoader : ClusterJobClient.class.getClassLoader();
    this.jobId = jobId;
    this.restUrl = restUrl;
    this.jobName = jobName;
    this.dispatcher = dispatcher;
    this.jobResult = dispatcher.requestJobResult(jobId);
    this.result = jobResult.thenApply(this::toExecutionResult);
  }

  private JobExecutionResult toExecutionResult(JobResult r) {
    switch (r.status()) {
      case FINISHED:
        return new JobExecutionResult(jobId, r.netRuntime(), r.counters(),
            AccumulatorResults.merge(jobName, jobId, r.accumulators(), userClassLoader));
      case CANCELED:
        throw new CompletionException(new JobExecutionException(jobId,
            "Job '" + jobName + "' (" + jobId + ") was cancelled.", r.failure()));
      default:
        Throwable failure = r.failure();
        String message = failure != null ? failure.getMessage() : "Job '" + jobName + "' (" + jobId + ") failed.";
        Throwable cause = failure != null && failure.getCause() != null ? failure.getCause() : failure;
        throw new CompletionException(new JobExecutionException(jobId, message, cause));
    }
  }

  /** The base URL of the REST API of the job's cluster, or null if the cluster serves none. */
  public String restUrl() {
    return restUrl;
  }

  /**
   * Completes when the cluster that was started for this job alone has stopped (its REST API
   * included); never, for a job on a shared cluster.
   */
  public CompletableFuture<Void> clusterStopped() {
    return clusterStopped;
  }

  void markClusterStopped() {
    clusterStopped.complete(null);
  }

  /** The job's name. */
  public String jobName() {
    return jobName;
  }

  @Override
  public JobID getJobID() {
    return jobId;
  }

  // Once the job has ended its cluster may be gone (a per-job local cluster stops with its job),
  // so questions about an ended job are answered from its result.

  @Override
  public CompletableFuture<JobStatus> getJobStatus() {
    if (jobResult.isDone()) {
      return jobResult.thenApply(JobResult::status);
    }
    return dispatcher.requestJobStatus(jobId)
        .exceptionallyCompose(e -> jobResult.isDone() ? jobResult.thenApply(JobResult::status)
            : CompletableFuture.failedFuture(e));
  }

  @Override
  public CompletableFuture<Void> cancel() {
    if (jobResult.isDone()) {
      return CompletableFuture.completedFuture(null);
    }
    return dispatcher.cancelJob(jobId)
        .exceptionally(e -> null)
        .thenCompose(v -> jobResult.handle((r, e) -> null));
  }

  @Override
  public CompletableFuture<String> triggerSavepoint(String savepointDirectory) {
    return dispatcher.triggerSavepoint(jobId, savepointDirectory, false, false);
  }

  @Override
  public CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory) {
    return dispatcher.triggerSavepoint(jobId, savepointDirectory, true, advanceToEndOfEventTime)
        .thenCompose(path -> jobResult.handle((r, e) -> path));
  }

  @Override
  public CompletableFuture<List<CheckpointStatistics>> getCheckpointStatistics() {
    if (jobResult.isDone()) {
      return jobResult.thenApply(JobResult::checkpoints);
    }
    return dispatcher.requestCheckpointStatistics(jobId)
        .exceptionallyCompose(e -> jobResult.isDone() ? jobResult.thenApply(JobResult::checkpoints)
            : CompletableFuture.failedFuture(e));
  }

  /** The job's latest restore from a checkpoint or savepoint (as it stood when it ended); null if none. */
  public CompletableFuture<RestoredCheckpoint> getLatestRestore() {
    if (jobResult.isDone()) {
      return jobResult.thenApply(JobResult::latestRestore);
    }
    return dispatcher.requestLatestRestore(jobId)
        .exceptionallyCompose(e -> jobResult.isDone() ? jobResult.thenApply(JobResult::latestRestore)
            : CompletableFuture.failedFuture(e));
  }

  @Override
  public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
    return result;
  }

  @Override
  public JobProgress getProgress() {
    if (!jobResult.isDone()) {
      try {
        return dispatcher.requestJobProgress(jobId).join();
      } catch (CompletionException e) {
        if (!jobResult.isDone()) {
          return new JobProgress(JobStatus.CREATED, 0, Duration.ZERO);
        }
      }
    }
    JobResult r = jobResult.join();
    return new JobProgress(r.status(), r.counters().getOrDefault(TaskExecutionState.SOURCE_RECORDS_OUT, 0L),
        r.netRuntime());
  }
}
