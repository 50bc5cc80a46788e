package io.spate.api.common;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.checkpoint.CheckpointStatistics;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A handle on a submitted job: its status, its progress, cancellation, and its result. */
@PublicEvolving
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

  /**
   * Takes a savepoint of the running job into a new directory under {@code savepointDirectory} (the
   * configured {@code state.savepoints.dir} when null); completes with the savepoint's directory.
   */
  CompletableFuture<String> triggerSavepoint(String savepointDirectory);

  /**
   * Takes a savepoint and stops the job; with {@code advanceToEndOfEventTime} the sources first emit
   * the final watermark, so every event-time window and timer fires before the savepoint. Completes
   * with the savepoint's directory once the job has stopped.
   */
  CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory);

  /** Statistics of the job's recent checkpoints and savepoints, oldest first. */
  CompletableFuture<List<CheckpointStatistics>> getCheckpointStatistics();

  /** A snapshot of the job's progress (records read by its sources, elapsed time). */
  JobProgress getProgress();
}
