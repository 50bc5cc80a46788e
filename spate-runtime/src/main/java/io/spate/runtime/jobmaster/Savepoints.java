package io.spate.runtime.jobmaster;

import io.spate.api.common.JobStatus;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.configuration.RestoreMode;
import io.spate.api.configuration.SavepointOptions;
import io.spate.runtime.checkpoint.CheckpointCoordinator;
import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import io.spate.runtime.checkpoint.storage.CheckpointPaths;
import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.runtime.graph.JobGraph;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores one job from the savepoint it starts from, takes its savepoints on request, and stops the job
 * with one: while a stop-with-savepoint is under way no failure restarts the job, and once its savepoint
 * completes the job ends (suspended, or drained by its sources); if the savepoint fails the job runs on.
 * Main thread only.
 */
final class Savepoints {

  private static final Logger LOG = LoggerFactory.getLogger(Savepoints.class);

  private final JobGraph job;
  private final JobLifecycle lifecycle;
  private final MainThread mainThread;
  private final Supplier<CheckpointCoordinator> checkpoints;
  private final Supplier<ExecutionGraph> executionGraph;
  private final int tolerableCorrupt;
  // Set while a stop-with-savepoint is under way: once the savepoint completes the job stops.
  private CheckpointType stopping;
  private String stoppedWithSavepoint;

  /**
   * The savepoints of {@code job}, taken by the coordinator {@code checkpoints} gives once the job runs;
   * finding the one it starts from may skip up to {@code tolerableCorrupt} unreadable checkpoints.
   */
  Savepoints(JobGraph job, JobLifecycle lifecycle, MainThread mainThread, Supplier<CheckpointCoordinator> checkpoints,
      Supplier<ExecutionGraph> executionGraph, int tolerableCorrupt) {
    this.job = job;
    this.lifecycle = lifecycle;
    this.mainThread = mainThread;
    this.checkpoints = checkpoints;
    this.executionGraph = executionGraph;
    this.tolerableCorrupt = tolerableCorrupt;
  }

  /**
   * Reads the savepoint the job starts from ({@code execution.savepoint.path}), if any, and hands it to the
   * checkpoint coordinator, which deletes it once subsumed if the job claims it; null if there is none.
   */
  CheckpointMetadata restoreInitial() throws Exception {
    String path = job.configuration().get(SavepointOptions.SAVEPOINT_PATH);
    if (path == null) {
      return null;
    }
    CheckpointCoordinator checkpoints = this.checkpoints.get();
    CheckpointPaths.Loaded loaded = CheckpointPaths.loadResolved(path, tolerableCorrupt);
    CheckpointMetadata metadata = loaded.metadata();
    boolean claim = job.configuration().get(SavepointOptions.RESTORE_MODE) == RestoreMode.CLAIM;
    if (claim) {
      checkpoints.takeOverRecorded(metadata.checkpointId(), loaded.directory());
    }
    checkpoints.setRestoredFrom(metadata, loaded.directory().toString(),
        claim ? CheckpointPaths.existing(loaded.directory()) : null);
    LOG.info("Job {} restores from {} (checkpoint {}{})", job.jobId(), loaded.directory(), metadata.checkpointId(),
        claim ? ", claimed: deleted once subsumed" : "");
    return metadata;
  }

  /**
   * Triggers a savepoint into {@code targetDirectory} (the configured one if null); with {@code stop}, the
   * job then stops, draining its sources first if {@code drain}. Completes with the savepoint's path, or
   * exceptionally with why none was taken.
   */
  CompletableFuture<String> trigger(String targetDirectory, boolean stop, boolean drain) {
    CheckpointCoordinator checkpoints = this.checkpoints.get();
    JobStatus status = lifecycle.status();
    if (status != JobStatus.RUNNING || checkpoints == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("Job '" + job.jobName() + "' ("
          + job.jobId() + ") is " + status + "; only a running job can take a savepoint"));
    }
    if (job.runtimeMode() == RuntimeExecutionMode.BATCH) {
      return CompletableFuture.failedFuture(new IllegalStateException("Job '" + job.jobName()
          + "' runs in BATCH mode, which takes no savepoints"));
    }
    if (!stop) {
      return checkpoints.triggerSavepoint(targetDirectory, CheckpointType.SAVEPOINT);
    }
    if (stopping != null) {
      return CompletableFuture.failedFuture(new IllegalStateException("Job '" + job.jobName()
          + "' is already stopping with a savepoint"));
    }
    CheckpointType type = drain ? CheckpointType.SAVEPOINT_TERMINATE : CheckpointType.SAVEPOINT_SUSPEND;
    stopping = type;
    checkpoints.stopPeriodicCheckpoints();
    return checkpoints.triggerSavepoint(targetDirectory, type).whenCompleteAsync((path, error) -> {
      if (error != null) {
        stopping = null;
        if (lifecycle.status() == JobStatus.RUNNING) {
          checkpoints.startPeriodicCheckpoints();
          for (Execution execution : executionGraph.get().executions()) {
            if (execution.taskExecutor != null && !execution.state.isTerminal()) {
              execution.taskExecutor.resumeAfterFailedStop(execution.attemptId);
            }
          }
        }
        return;
      }
      stoppedWithSavepoint = path;
      if (type == CheckpointType.SAVEPOINT_SUSPEND && lifecycle.status() == JobStatus.RUNNING) {
        lifecycle.stopByCancelling();
      }
    }, mainThread);
  }

  /** Whether a stop-with-savepoint is under way (or its savepoint completed). */
  boolean stopping() {
    return stopping != null;
  }

  /** Whether the job stops because its stop-with-savepoint completed: it ends FINISHED, not CANCELED. */
  boolean stoppedBySavepoint() {
    return stopping != null && stoppedWithSavepoint != null;
  }

  /** The path of the savepoint the job stopped with, or null. */
  String stoppedWithSavepoint() {
    return stoppedWithSavepoint;
  }
}
