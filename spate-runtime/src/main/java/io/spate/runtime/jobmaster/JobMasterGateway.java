package io.spate.runtime.jobmaster;

import io.spate.api.common.JobProgress;
import io.spate.api.common.JobStatus;
import io.spate.runtime.resourcemanager.SlotOwnerGateway;
import io.spate.runtime.source.OperatorEvent;
import io.spate.runtime.execution.ExecutionAttemptID;
import io.spate.runtime.execution.TaskExecutionState;
import io.spate.runtime.checkpoint.CheckpointResponder;
import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.api.checkpoint.RestoredCheckpoint;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What TaskExecutors and the Dispatcher can ask of a JobMaster. */
public interface JobMasterGateway extends SlotOwnerGateway, CheckpointResponder {

  /** A subtask changed state. */
  void updateTaskExecutionState(TaskExecutionState state);

  /** A subtask sends an event to the coordinator of operator {@code operatorId}. */
  void sendOperatorEventToCoordinator(ExecutionAttemptID sender, int operatorId, OperatorEvent event);

  /**
   * Takes a savepoint into a new directory under {@code targetDirectory} (the configured default if
   * null); with {@code stop}, the job then stops (after emitting the final watermark if {@code drain}).
   * Completes with the savepoint's directory.
   */
  CompletableFuture<String> triggerSavepoint(String targetDirectory, boolean stop, boolean drain);

  /** Statistics of the job's recent checkpoints. */
  CompletableFuture<List<CheckpointStatistics>> requestCheckpointStatistics();

  /** The details of the job's latest checkpoints, its latest savepoint, and its checkpointing settings. */
  CompletableFuture<io.spate.runtime.checkpoint.CheckpointStatsSnapshot> requestCheckpointStatsSnapshot();

  /** The job's user accumulators: current values of running subtasks, final values of finished ones. */
  CompletableFuture<JobAccumulators> requestAccumulators();

  /** The job's execution configuration. */
  CompletableFuture<JobConfigInfo> requestJobConfig();

  /** The job's latest restore from a checkpoint or savepoint; null if it restored none. */
  CompletableFuture<RestoredCheckpoint> requestLatestRestore();

  /** The job's latest failures, newest first. */
  CompletableFuture<List<ExceptionHistoryEntry>> requestExceptionHistory();

  /** The job's status. */
  CompletableFuture<JobStatus> requestJobStatus();

  /** The job's graph with the states of its subtasks. */
  CompletableFuture<JobDetails> requestJobDetails();

  /** The job's progress. */
  CompletableFuture<JobProgress> requestProgress();


  /** Cancels the job; completes when the request is accepted. */
  CompletableFuture<Void> cancel();

  /**
   * The size in bytes of each of the job's jars ({@code pipeline.jars}), in order; empty when the job
   * has none. Fails naming the jar if one is missing or unreadable.
   */
  CompletableFuture<List<Long>> jobJarSizes();

  /**
   * Up to {@code maxLength} bytes (at most {@link JobJars#MAX_CHUNK_BYTES}) of the job's jar number
   * {@code jarIndex} from {@code offset}, for TaskExecutors that download it; fewer only at its end.
   * Fails with an {@link IllegalArgumentException} for an index, offset or length out of range.
   */
  CompletableFuture<byte[]> readJobJar(int jarIndex, long offset, int maxLength);
}
