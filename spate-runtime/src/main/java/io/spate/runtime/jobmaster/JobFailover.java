package io.spate.runtime.jobmaster;

import static io.spate.runtime.jobmaster.CompletionFailures.unwrap;

import io.spate.api.common.JobStatus;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.runtime.checkpoint.CheckpointCoordinator;
import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.jobmaster.failover.ExecutionFailureHandler;
import io.spate.runtime.jobmaster.failover.FailureHandlingResult;
import io.spate.runtime.jobmaster.failover.PipelinedRegions;
import io.spate.runtime.network.UpstreamTaskFailedException;
import io.spate.runtime.operators.OperatorFailure;
import io.spate.runtime.rpc.PortableFailure;
import io.spate.runtime.state.snapshot.UnreadableStateException;
import io.spate.runtime.execution.ExecutionState;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out what a job does about its failures: a subtask that failed or was cancelled unexpectedly, a
 * source coordinator that failed, a TaskExecutor lost with the subtasks it ran. {@link
 * ExecutionFailureHandler} decides; this restarts the failed pipelined regions or the whole job from the
 * latest checkpoint, each deployment with a new attempt number from {@link AttemptNumbers}, records the
 * restarts in the exception history, or fails the job. Main thread only.
 */
final class JobFailover {

  private static final Logger LOG = LoggerFactory.getLogger(JobFailover.class);

  private final JobGraph job;
  private final JobLifecycle lifecycle;
  private final MainThread mainThread;
  private final JobScheduler scheduler;
  private final SourceCoordinators sources;
  private final Supplier<CheckpointCoordinator> checkpoints;
  private final ExecutionFailureHandler failureHandler;
  private final PipelinedRegions regions;
  private final AttemptNumbers attemptNumbers;
  private final ExceptionHistory exceptionHistory;
  private final BooleanSupplier stoppingWithSavepoint;
  // The pipelined regions restarting on their own while the rest of the job runs on, by region
  // index: from the failure until their subtasks are deployed again.
  private final Map<Integer, RegionRestart> regionRestarts = new HashMap<>();
  private int attempt;

  /**
   * The failover of {@code job}: decided by {@code failureHandler}, numbered by {@code attemptNumbers},
   * recorded in {@code exceptionHistory}; any failure fails the job while {@code stoppingWithSavepoint}.
   */
  JobFailover(JobGraph job, JobLifecycle lifecycle, MainThread mainThread, JobScheduler scheduler,
      SourceCoordinators sources, Supplier<CheckpointCoordinator> checkpoints, ExecutionFailureHandler failureHandler,
      AttemptNumbers attemptNumbers, ExceptionHistory exceptionHistory, BooleanSupplier stoppingWithSavepoint) {
    this.job = job;
    this.lifecycle = lifecycle;
    this.mainThread = mainThread;
    this.scheduler = scheduler;
    this.sources = sources;
    this.checkpoints = checkpoints;
    this.failureHandler = failureHandler;
    this.regions = failureHandler.regions();
    this.attemptNumbers = attemptNumbers;
    this.exceptionHistory = exceptionHistory;
    this.stoppingWithSavepoint = stoppingWithSavepoint;
  }

  /** Takes the next attempt number; returns why the job must fail if none can be had, else null. */
  SubtaskFailure takeNextAttempt() {
    try {
      attempt = attemptNumbers.next();
      return null;
    } catch (IOException e) {
      return new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId() + ") failed: no number for its next"
          + " attempt: " + e.getMessage(), e);
    }
  }

  /** The number of the attempt last taken. */
  int attempt() {
    return attempt;
  }

  /** How many times the job has restarted (whole or by region). */
  int restarts() {
    return failureHandler.restarts();
  }

  /** Subtask {@code execution}, {@code previousState} before, reported that it failed with {@code error}. */
  void onSubtaskFailed(Execution execution, ExecutionState previousState, Throwable error) {
    if (UpstreamTaskFailedException.isCauseOf(error)) {
      // Its producer failed (or was cancelled) and ended the channel: the producer's own report is
      // the failure to record and recover from, and it comes, or its TaskExecutor is found lost.
      LOG.info("{} stopped because a subtask it reads from ended: {}", execution.describe(), error.getMessage());
      checkRegionRestarts();
      lifecycle.checkTerminal();
      return;
    }
    SubtaskFailure failure = describe(execution, error);
    if (execution.restoredFrom != null && previousState == ExecutionState.INITIALIZING && isUnreadableState(error)) {
      CheckpointCoordinator checkpoints = this.checkpoints.get();
      CheckpointMetadata unreadable = execution.restoredFrom;
      String snapshot = checkpoints.describe(unreadable);
      String refusal = checkpoints.skipUnreadable(unreadable, rootMessage(error));
      if (refusal != null) {
        lifecycle.failJob(new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId() + ") failed: " + snapshot
            + " cannot be read: " + whatFailed(execution, error) + ". The job is not restarted: "
            + refusal, failure.getCause(), failure.location()));
        lifecycle.checkTerminal();
        return;
      }
      CheckpointMetadata older = checkpoints.latestForRecovery();
      if (older != unreadable) {
        failure = new SubtaskFailure(failure.getMessage() + "; " + snapshot + " cannot be read, so recovery"
            + " goes back to " + checkpoints.describe(older) + " ("
            + CheckpointingOptions.TOLERABLE_CORRUPT_CHECKPOINTS.key()
            + "): sinks may emit again what they committed after it", failure.getCause(), failure.location());
      }
    }
    handleFailure(failure, List.of(execution));
    lifecycle.checkTerminal();
  }

  /** Subtask {@code execution} reported that it was cancelled: a failure unless the job cancelled it. */
  void onSubtaskCancelled(Execution execution) {
    if (lifecycle.status() == JobStatus.RUNNING && !stoppingWithSavepoint.getAsBoolean() && !isRestarting(execution)) {
      handleFailure(new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId() + ") failed: "
          + execution.describe() + " was cancelled unexpectedly", null), List.of(execution));
    } else {
      lifecycle.checkTerminal();
    }
  }

  /**
   * Whether a failure while restoring came from state that could not be read: a file of the snapshot
   * is missing, ends early or fails its checksum. Any other failure (a bug, a resource, a sink that
   * cannot open) follows the restart strategy and restores the same snapshot again.
   */
  private static boolean isUnreadableState(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 64; t = t.getCause(), depth++) {
      if (t instanceof UnreadableStateException
          || (t instanceof PortableFailure p && p.originalClass().equals(UnreadableStateException.class.getName()))) {
        return true;
      }
    }
    return false;
  }

  /** The message of the innermost cause of {@code failure}, which names what could not be read. */
  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    int depth = 0;
    while (root.getCause() != null && root.getCause() != root && depth++ < 64) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }

  private SubtaskFailure describe(Execution execution, Throwable error) {
    Throwable cause = error;
    String operator = null;
    while (cause instanceof OperatorFailure f) {
      operator = f.getOperatorName();
      cause = f.getCause();
    }
    String message = "Job '" + job.jobName() + "' (" + job.jobId() + ") failed: " + whatFailed(execution, error);
    return new SubtaskFailure(message, cause, new FailureLocation(execution.vertex.getName(), operator,
        execution.attemptId.subtaskIndex(), execution.attemptId.attemptNumber(), execution.taskExecutorAddress));
  }

  /** "operator 'o' in task 't' (subtask 1/2, attempt 0) threw ..." for {@code error} of {@code execution}. */
  private static String whatFailed(Execution execution, Throwable error) {
    Throwable cause = error;
    String operator = null;
    while (cause instanceof OperatorFailure f) {
      operator = f.getOperatorName();
      cause = f.getCause();
    }
    return (operator != null ? "operator '" + operator + "' in " : "") + execution.describe() + " threw " + cause;
  }

  /**
   * A coordinator failed, or something outside any one subtask: restarts the whole job from its
   * latest checkpoint if the restart strategy allows it, else fails the job.
   */
  void handleFailure(Throwable cause) {
    handleFailure(cause, List.of());
  }

  /**
   * The subtasks {@code failed} failed (the whole job if none is named): restarts their pipelined
   * regions, or the whole job, from the latest checkpoint if the restart strategy allows it, else
   * fails the job.
   */
  private void handleFailure(Throwable cause, Collection<Execution> failed) {
    JobStatus status = lifecycle.status();
    if (status != JobStatus.RUNNING || stoppingWithSavepoint.getAsBoolean()) {
      if (status == JobStatus.RUNNING) {
        lifecycle.failJob(cause);
      }
      return;
    }
    List<Integer> failedVertices = failed.stream().map(execution -> execution.vertex.getId()).toList();
    FailureHandlingResult result = failureHandler.handle(cause, failedVertices, regionRestarts.keySet());
    switch (result.action()) {
      case PART_OF_RESTART -> checkRegionRestarts(); // their regions were already being cancelled for a restart
      case FAIL_JOB -> lifecycle.failJob(cause);
      case RESTART_REGIONS -> {
        exceptionHistory.add(ExceptionHistoryEntry.of(cause, ExceptionHistoryEntry.Outcome.RESTARTED));
        for (int region : result.regions()) {
          Set<Integer> vertices = regions.region(region);
          LOG.warn("Job '{}' ({}) restarts pipelined region {} ({} of its {} tasks; restart {}) after: {}",
              job.jobName(), job.jobId(), region + 1, vertices.size(), job.vertices().size(), result.restartNumber(),
              cause.getMessage());
          regionRestarts.put(region, new RegionRestart(region));
          sources.close(vertices);
          scheduler.cancelExecutions(scheduler.executionGraph().executionsOf(vertices));
        }
        checkpoints.get().abortPending("a region of the job is restarting");
        checkRegionRestarts();
      }
      case RESTART_JOB -> {
        exceptionHistory.add(ExceptionHistoryEntry.of(cause, ExceptionHistoryEntry.Outcome.RESTARTED));
        LOG.warn("Job '{}' ({}) restarts (restart {}) after: {}", job.jobName(), job.jobId(), result.restartNumber(),
            cause.getMessage());
        restartAll();
      }
    }
  }

  /** Cancels every subtask and deploys the whole job again once they all stopped. */
  private void restartAll() {
    regionRestarts.clear();
    lifecycle.restarting();
    checkpoints.get().stopPeriodicCheckpoints();
    checkpoints.get().abortPending("the job is restarting");
    sources.closeAll();
    scheduler.cancelExecutions();
    lifecycle.checkTerminal();
  }

  /** Whether {@code execution}'s region is restarting on its own. */
  private boolean isRestarting(Execution execution) {
    return !regionRestarts.isEmpty() && regionRestarts.containsKey(regions.regionOf(execution.vertex.getId()));
  }

  /** Whether some regions are restarting on their own while the rest of the job runs on. */
  boolean regionsRestarting() {
    return !regionRestarts.isEmpty();
  }

  /** One pipelined region restarting on its own. */
  private static final class RegionRestart {
    final int region;
    // Whether its subtasks have all stopped and its redeployment is scheduled.
    boolean scheduled;

    RegionRestart(int region) {
      this.region = region;
    }
  }

  /** Schedules the redeployment of every restarting region whose subtasks have all stopped. */
  void checkRegionRestarts() {
    for (RegionRestart restart : regionRestarts.values()) {
      if (restart.scheduled) {
        continue;
      }
      boolean stopped = true;
      for (Execution execution : scheduler.executionGraph().executionsOf(regions.region(restart.region))) {
        stopped &= execution.state.isTerminal();
      }
      if (stopped) {
        restart.scheduled = true;
        mainThread.schedule(() -> redeployRegion(restart), failureHandler.backoffMillis());
      }
    }
  }

  /**
   * Deploys new attempts of a region's subtasks to the slots the old ones ran in, restoring them and
   * their sources' enumerators from the latest checkpoint.
   */
  private void redeployRegion(RegionRestart restart) {
    if (lifecycle.status() != JobStatus.RUNNING || regionRestarts.get(restart.region) != restart) {
      return; // the job ended, or restarts as a whole, meanwhile
    }
    if (scheduler.lostSlots()) {
      // Some of the job's slots went with a TaskExecutor: replace them first, keeping the others.
      scheduler.replaceLostSlots().whenCompleteAsync((ok, error) -> {
        if (error == null) {
          redeployRegion(restart);
        } else if (lifecycle.status() == JobStatus.RUNNING && regionRestarts.get(restart.region) == restart) {
          Throwable cause = unwrap(error);
          lifecycle.failJob(new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId() + ") failed: "
              + cause.getMessage(), cause));
        }
      }, mainThread);
      return;
    }
    regionRestarts.remove(restart.region);
    Set<Integer> vertices = regions.region(restart.region);
    SubtaskFailure noAttempt = takeNextAttempt();
    if (noAttempt != null) {
      lifecycle.failJob(noAttempt);
      return;
    }
    List<Execution> fresh = scheduler.replace(vertices, attempt);
    if (!sources.start(checkpoints.get().latestForRecovery(), vertices)) {
      return;
    }
    scheduler.deploy(fresh);
  }

  /** Every subtask of a job restarting as a whole has stopped: deploys it again after the restart backoff. */
  void restartWhenStopped() {
    mainThread.schedule(this::redeploy, failureHandler.backoffMillis());
  }

  private void redeploy() {
    if (lifecycle.status() != JobStatus.RESTARTING) {
      return; // cancelled meanwhile
    }
    SubtaskFailure noAttempt = takeNextAttempt();
    if (noAttempt != null) {
      lifecycle.failJob(noAttempt);
      return;
    }
    scheduler.newExecutionGraph(attempt);
    lifecycle.runningAgain();
    sources.clearAlignmentGroups();
    CheckpointMetadata latest = checkpoints.get().latestForRecovery();
    if (!sources.start(latest, null)) {
      return;
    }
    scheduler.redeployAll();
  }

  /**
   * This JobMaster's own call to a TaskExecutor failed: it is handled as lost here, and the
   * ResourceManager is told, so that it checks at once instead of offering the TaskExecutor's slots to
   * the restart until its heartbeat timeout.
   */
  void taskExecutorUnreachable(String address, String reason) {
    taskExecutorLost(new TaskExecutorLostException(address, reason));
    scheduler.reportUnreachable(address, reason);
  }

  /**
   * Fails every subtask on the lost TaskExecutor at once, since none of them will report again, and
   * restarts the job through the normal failure path.
   */
  void taskExecutorLost(TaskExecutorLostException lost) {
    String address = lost.taskExecutorAddress();
    if (lifecycle.status().isTerminal() || !scheduler.markLost(address)) {
      return;
    }
    List<Execution> failed = LostTaskExecutors.failExecutionsOn(scheduler.executionGraph(), address);
    LOG.warn("Job '{}' ({}): {}; {} of its subtasks ran there", job.jobName(), job.jobId(), lost.getMessage(),
        failed.size());
    if (!failed.isEmpty()) {
      Execution first = failed.get(0);
      handleFailure(new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId() + ") failed: "
          + lost.getMessage() + "; it ran " + first.describe()
          + (failed.size() > 1 ? " and " + (failed.size() - 1) + " more subtasks" : ""), lost,
          new FailureLocation(first.vertex.getName(), null, first.attemptId.subtaskIndex(),
              first.attemptId.attemptNumber(), address)), failed);
    }
    lifecycle.checkTerminal();
  }
}
