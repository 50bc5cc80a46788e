package io.spate.runtime.minicluster;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionException;
import io.spate.api.common.JobExecutionResult;
import io.spate.api.common.JobID;
import io.spate.api.common.JobProgress;
import io.spate.api.common.JobStatus;
import io.spate.runtime.dispatcher.DispatcherGateway;
import io.spate.runtime.jobmaster.JobResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** A {@link JobClient} that follows a job through the Dispatcher's gateway. */
public final class ClusterJobClient implements JobClient {

  private final JobID jobId;
  private final String jobName;
  private final DispatcherGateway dispatcher;
  private final CompletableFuture<JobExecutionResult> result;

  /** Creates the client of job {@code jobId}. */
  public ClusterJobClient(JobID jobId, String jobName, DispatcherGateway dispatcher) {
    this.jobId = jobId;
    this.jobName = jobName;
    this.dispatcher = dispatcher;
    this.result = dispatcher.requestJobResult(jobId).thenApply(this::toExecutionResult);
  }

  private JobExecutionResult toExecutionResult(JobResult r) {
    switch (r.status()) {
      case FINISHED:
        return new JobExecutionResult(jobId, r.netRuntime(), r.counters());
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

  @Override
  public JobID getJobID() {
    return jobId;
  }

  @Override
  public CompletableFuture<JobStatus> getJobStatus() {
    return dispatcher.requestJobStatus(jobId);
  }

  @Override
  public CompletableFuture<Void> cancel() {
    return dispatcher.cancelJob(jobId).thenCompose(v -> result.handle((r, e) -> null));
  }

  @Override
  public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
    return result;
  }

  @Override
  public JobProgress getProgress() {
    try {
      return dispatcher.requestJobProgress(jobId).join();
    } catch (CompletionException e) {
      return new JobProgress(JobStatus.CREATED, 0, Duration.ZERO);
    }
  }
}
