package io.spate.api.common;

import java.util.concurrent.CompletableFuture;

/** A handle on a submitted job: its status, its progress, cancellation, and its result. */
public interface JobClient {

  /** The job's id. */
  JobID getJobID();

  /** The job's current status. */
  CompletableFuture<JobStatus> getJobStatus();

  /** Requests cancellation; completes when the job has reached a terminal state. */
  CompletableFuture<Void> cancel();

  /**
   * Completes with the result when the job finishes, or exceptionally with a {@link
   * JobExecutionException} when it fails or is cancelled.
   */
  CompletableFuture<JobExecutionResult> getJobExecutionResult();

  /** A snapshot of the job's progress (records read by its sources, elapsed time). */
  JobProgress getProgress();
}
