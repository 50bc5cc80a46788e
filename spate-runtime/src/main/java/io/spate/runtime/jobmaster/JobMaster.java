package io.spate.runtime.jobmaster;

import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.api.checkpoint.RestoredCheckpoint;
import io.spate.api.common.JobProgress;
import io.spate.api.common.JobStatus;
import io.spate.api.configuration.RestOptions;
import io.spate.api.configuration.SavepointOptions;
import io.spate.runtime.checkpoint.CheckpointCoordinator;
import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import io.spate.runtime.checkpoint.barrier.CheckpointSettings;
import io.spate.runtime.checkpoint.CompletedCheckpointStore;
import io.spate.runtime.checkpoint.barrier.DeclineKind;
import io.spate.runtime.checkpoint.TaskCheckpointMetrics;
import io.spate.runtime.checkpoint.storage.CheckpointStorage;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.jobmaster.failover.ExecutionFailureHandler;
import io.spate.runtime.rpc.RpcEndpoint;
import io.spate.runtime.rpc.RpcService;
import io.spate.runtime.source.OperatorEvent;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.runtime.execution.ExecutionAttemptID;
import io.spate.runtime.execution.ExecutionState;
import io.spate.runtime.tasks.ShippableJobGraph;
import io.spate.runtime.execution.TaskExecutionState;
import java.time.Duration;
import io.spate.runtime.rpc.SerializedValue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job: owns its lifecycle (CREATED, RUNNING, RESTARTING, FAILING, CANCELLING, then FINISHED,
 * CANCELED or FAILED) and answers its RPC gateway, handing each call to the part whose job it is, all on
 * the JobMaster's one main thread: the {@link JobScheduler} gets slots and deploys, the {@link JobFailover}
 * restarts regions or the whole job as the {@link ExecutionFailureHandler} decides, the {@link
 * SourceCoordinators} run the sources' enumerators, {@link Savepoints} takes savepoints and stops with one,
 * the {@link CheckpointCoordinator} checkpoints through {@link JobCheckpointParticipants}, and the {@link
 * JobView} answers REST queries without changing anything; the {@link JobJarServer} serves the job's jars
 * from its I/O thread.
 */
public final class JobMaster extends RpcEndpoint implements JobMasterGateway {

  private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

  private final JobGraph job;
  private final Consumer<JobResult> onTermination;
  private final CheckpointSettings checkpointSettings;
  private final CompletedCheckpointStore completedCheckpoints;
  private final ExecutorService ioExecutor;
  private final ExceptionHistory exceptionHistory;
  private final JobJarServer jobJars;
  private final JobLifecycle lifecycle = new Lifecycle();
  private final JobScheduler scheduler;
  private final SourceCoordinators sources;
  private final Savepoints savepoints;
  private final JobFailover failover;
  private final JobView view;
  private final JobStatusMetrics statusMetrics = new JobStatusMetrics();
  private JobStatus status = JobStatus.CREATED;
  private long startNanos;
  private Throwable failure;
  private CheckpointCoordinator checkpoints;
  private long finishedRecordsIn;
  private long finishedSourceRecords;
  // The accumulators of each subtask (vertex, subtask index) as its latest attempt finished: a subtask that
  // runs again after a restart replaces its earlier ones, so that none counts twice.
  private final Map<List<Integer>, SerializedValue<Map<String, io.spate.api.accumulators.Accumulator<?, ?>>>>
      finishedAccumulators = new java.util.TreeMap<>(java.util.Comparator.<List<Integer>>comparingInt(k -> k.get(0))
          .thenComparingInt(k -> k.get(1)));
  // Where the job's metrics on the JobManager go; set before start().
  private volatile io.spate.api.metrics.MetricGroup metricGroup = new io.spate.api.metrics.groups.UnregisteredMetricsGroup();

  /**
   * Creates the JobMaster of {@code job}; {@code onTermination} receives the result, on the JobMaster's
   * I/O thread once the checkpoint I/O queued before the end is done.
   */
  public JobMaster(RpcService rpcService, String address, JobGraph job, String resourceManagerAddress,
      Consumer<JobResult> onTermination) {
    this(rpcService, address, job, resourceManagerAddress, onTermination, CompletedCheckpointStore.NONE);
  }

  /**
   * Creates the JobMaster of {@code job}, recording its completed checkpoints in {@code completedCheckpoints}
   * for a JobManager that may take over; {@code onTermination} receives the result.
   */
  public JobMaster(RpcService rpcService, String address, JobGraph job, String resourceManagerAddress,
      Consumer<JobResult> onTermination, CompletedCheckpointStore completedCheckpoints) {
    this(rpcService, address, job, resourceManagerAddress, onTermination, completedCheckpoints,
        AttemptNumbers.fromZero());
  }

  /**
   * As {@link #JobMaster(RpcService, String, JobGraph, String, Consumer, CompletedCheckpointStore)}, numbering
   * the job's attempts from {@code attemptNumbers} (above those of an earlier JobMaster of the job).
   */
  public JobMaster(RpcService rpcService, String address, JobGraph job, String resourceManagerAddress,
      Consumer<JobResult> onTermination, CompletedCheckpointStore completedCheckpoints,
      AttemptNumbers attemptNumbers) {
    super(rpcService, address);
    this.completedCheckpoints = completedCheckpoints;
    this.job = job;
    ShippableJobGraph shippableJob = new ShippableJobGraph(job);
    this.onTermination = onTermination;
    this.checkpointSettings = CheckpointSettings.from(job.configuration());
    ExecutionFailureHandler failureHandler = ExecutionFailureHandler.of(job);
    this.exceptionHistory = new ExceptionHistory(job.configuration().get(RestOptions.EXCEPTION_HISTORY_SIZE));
    JobJars jars = new JobJars(job);
    this.ioExecutor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "spate-jobmaster-io-" + job.jobId());
      t.setDaemon(true);
      return t;
    });
    this.jobJars = new JobJarServer(jars, ioExecutor, job.jobId());
    MainThread mainThread = new MainThread() {
      @Override
      public void execute(Runnable action) {
        getMainThreadExecutor().execute(action);
      }

      @Override
      public void schedule(Runnable action, long delayMillis) {
        scheduleRunAsync(action, delayMillis);
      }
    };
    Supplier<CheckpointCoordinator> coordinator = () -> checkpoints;
    this.scheduler = new JobScheduler(job, shippableJob, rpcService, resourceManagerAddress, this::externalAddress,
        mainThread, lifecycle, coordinator, this::updateTaskExecutionState,
        (taskExecutor, reason) -> failover().taskExecutorUnreachable(taskExecutor, reason));
    this.sources = new SourceCoordinators(job, mainThread, lifecycle, scheduler::executionGraph,
        cause -> failover().handleFailure(cause));
    this.savepoints = new Savepoints(job, lifecycle, mainThread, coordinator, scheduler::executionGraph,
        checkpointSettings.tolerableCorrupt());
    this.failover = new JobFailover(job, lifecycle, mainThread, scheduler, sources, coordinator, failureHandler,
        attemptNumbers, exceptionHistory, savepoints::stopping);
    this.view = new JobView(job, new ViewedState());
  }

  // The scheduler and the source coordinators report to the failover, which is made after them.
  private JobFailover failover() {
    return failover;
  }

  /** Registers the job's JobManager-side metrics (its checkpoints) in {@code group}; call before {@link #start()}. */
  public void reportMetricsTo(io.spate.api.metrics.MetricGroup group) {
    this.metricGroup = java.util.Objects.requireNonNull(group, "group");
  }

  /** Starts scheduling the job. */
  public void start() {
    runAsync(this::startScheduling);
  }

  private void startScheduling() {
    if (status != JobStatus.CREATED) {
      return; // cancelled before it was scheduled
    }
    status = JobStatus.RUNNING;
    statusMetrics.statusChanged(status);
    startNanos = System.nanoTime();
    SubtaskFailure noAttempt = failover.takeNextAttempt();
    scheduler.newExecutionGraph(failover.attempt()); // never deployed without a number of its own
    if (noAttempt != null) {
      failJob(noAttempt);
      return;
    }
    checkpoints = new CheckpointCoordinator(job, checkpointSettings,
        CheckpointStorage.forJob(checkpointSettings, job.jobId()),
        new JobCheckpointParticipants(lifecycle, scheduler::executionGraph, sources,
            checkpointSettings.afterTasksFinish()),
        this::scheduleRunAsync, getMainThreadExecutor(), ioExecutor, failover::handleFailure, completedCheckpoints);
    checkpoints.registerMetrics(metricGroup);
    checkpoints.keepDetailsOf(job.configuration().get(io.spate.api.configuration.WebOptions.CHECKPOINTS_HISTORY_SIZE));
    statusMetrics.register(metricGroup, failover::restarts);
    CheckpointMetadata initial;
    try {
      initial = savepoints.restoreInitial();
    } catch (Throwable t) {
      failJob(new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId() + ") failed: cannot restore from "
          + job.configuration().get(SavepointOptions.SAVEPOINT_PATH) + ": " + t.getMessage(), t));
      return;
    }
    if (!sources.start(initial, null)) {
      return;
    }
    scheduler.requestSlotsAndDeploy();
  }

  @Override
  public void sendOperatorEventToCoordinator(ExecutionAttemptID sender, int operatorId, OperatorEvent event) {
    sources.handleEvent(sender, operatorId, event);
  }

  @Override
  public void updateTaskExecutionState(TaskExecutionState update) {
    Execution execution = execution(update.attemptId());
    if (execution == null || execution.state.isTerminal()) {
      return;
    }
    ExecutionState previousState = execution.state;
    execution.state = update.state();
    if (update.state().isTerminal()) {
      finishedRecordsIn += update.recordsIn();
      finishedSourceRecords += update.sourceRecordsOut();
      execution.endedAt = System.currentTimeMillis();
    }
    switch (update.state()) {
      case FAILED -> failover.onSubtaskFailed(execution, previousState, update.failure());
      case CANCELED -> failover.onSubtaskCancelled(execution);
      case FINISHED -> {
        if (update.accumulators() != null) {
          finishedAccumulators.put(List.of(update.attemptId().vertexId(), update.attemptId().subtaskIndex()),
              update.accumulators());
        }
        checkpoints.onSubtaskFinished(execution.attemptId);
        checkTerminal();
      }
      case RUNNING -> {
        if (execution.awaitingFinalCheckpoint) {
          checkpoints.onSubtaskAwaitingFinalCheckpoint();
        }
      }
      default -> { }
    }
  }

  /** The current execution of {@code attemptId}, or null if it is not (or no longer, or not yet) one. */
  private Execution execution(ExecutionAttemptID attemptId) {
    ExecutionGraph graph = scheduler.executionGraph();
    return graph == null ? null : graph.execution(attemptId);
  }

  @Override
  public void disconnectTaskExecutor(String taskExecutorAddress, String reason) {
    failover.taskExecutorLost(new TaskExecutorLostException(taskExecutorAddress, reason));
  }

  private void failJob(Throwable cause) {
    if (status.isTerminal() || status == JobStatus.FAILING) {
      return;
    }
    if (checkpoints != null) {
      checkpoints.stopPeriodicCheckpoints();
    }
    failure = cause instanceof SubtaskFailure ? cause
        : new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId() + ") failed: " + cause, cause);
    LOG.error("{}", failure.getMessage(), failure.getCause() != null ? failure.getCause() : failure);
    exceptionHistory.add(ExceptionHistoryEntry.of(failure, ExceptionHistoryEntry.Outcome.FAILED_JOB));
    status = JobStatus.FAILING;
    statusMetrics.statusChanged(status);
    scheduler.cancelExecutions();
    checkTerminal();
  }

  @Override
  public CompletableFuture<Void> cancel() {
    return callAsync(() -> {
      if (status == JobStatus.CREATED) {
        terminate(JobStatus.CANCELED);
      } else if (status == JobStatus.RESTARTING) {
        status = JobStatus.CANCELLING;
        checkTerminal();
      } else if (status == JobStatus.RUNNING) {
        checkpoints.stopPeriodicCheckpoints();
        status = JobStatus.CANCELLING;
        scheduler.cancelExecutions();
        checkTerminal();
      }
      return null;
    });
  }

  private void checkTerminal() {
    if (status.isTerminal()) {
      return;
    }
    if (status == JobStatus.RUNNING && failover.regionsRestarting()) {
      failover.checkRegionRestarts(); // the job runs on while some of its regions restart
      return;
    }
    ExecutionGraph graph = scheduler.executionGraph();
    if (graph == null || !graph.allTerminal()) {
      return;
    }
    if (status == JobStatus.RESTARTING) {
      failover.restartWhenStopped();
      return;
    }
    JobStatus finalStatus = switch (status) {
      case FAILING -> JobStatus.FAILED;
      case CANCELLING -> savepoints.stoppedBySavepoint() ? JobStatus.FINISHED : JobStatus.CANCELED;
      default -> JobStatus.FINISHED;
    };
    terminate(finalStatus);
  }

  private void terminate(JobStatus finalStatus) {
    status = finalStatus;
    statusMetrics.statusChanged(status);
    if (checkpoints != null) {
      checkpoints.shutdown(finalStatus);
    }
    sources.closeAll();
    scheduler.releaseSlots();
    JobResult result = new JobResult(job.jobId(), job.jobName(), finalStatus, runtime(),
        finalStatus == JobStatus.FINISHED ? null : failure,
        Map.of(TaskExecutionState.RECORDS_IN, finishedRecordsIn,
            TaskExecutionState.SOURCE_RECORDS_OUT, finishedSourceRecords, JobResult.RESTARTS,
            (long) failover.restarts()),
        savepoints.stoppedWithSavepoint(), checkpoints == null ? List.of() : checkpoints.statistics(),
        exceptionHistory.entries(), checkpoints == null ? null : checkpoints.latestRestore(),
        List.copyOf(finishedAccumulators.values()));
    // The job is reported ended only after the checkpoint I/O queued so far (settling a checkpoint that was
    // being finalized, deleting subsumed ones): once a job has ended, the checkpoints it left no longer change.
    try {
      ioExecutor.execute(() -> onTermination.accept(result));
    } catch (RejectedExecutionException e) {
      onTermination.accept(result);
    }
    ioExecutor.shutdown();
  }

  private Duration runtime() {
    return startNanos == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** The job's state machine as the JobMaster's parts may drive it. */
  private final class Lifecycle implements JobLifecycle {
    @Override
    public JobStatus status() {
      return status;
    }

    @Override
    public void restarting() {
      status = JobStatus.RESTARTING;
      statusMetrics.statusChanged(status);
    }

    @Override
    public void runningAgain() {
      status = JobStatus.RUNNING;
      statusMetrics.statusChanged(status);
    }

    @Override
    public void stopByCancelling() {
      status = JobStatus.CANCELLING;
      scheduler.cancelExecutions();
      checkTerminal();
    }

    @Override
    public void failJob(Throwable cause) {
      JobMaster.this.failJob(cause);
    }

    @Override
    public void checkTerminal() {
      JobMaster.this.checkTerminal();
    }
  }

  // ------------------------------------------------------------------ checkpoints and savepoints

  @Override
  public void acknowledgeCheckpoint(ExecutionAttemptID attemptId, long checkpointId,
      Map<String, OperatorSubtaskState> operatorStates, TaskCheckpointMetrics metrics) {
    if (checkpoints != null && execution(attemptId) != null) {
      checkpoints.acknowledge(attemptId, checkpointId, operatorStates, metrics);
    }
  }

  @Override
  public void declineCheckpoint(ExecutionAttemptID attemptId, long checkpointId, DeclineKind kind, String reason) {
    if (checkpoints != null && execution(attemptId) != null) {
      checkpoints.decline(attemptId, checkpointId, kind, reason);
    }
  }

  @Override
  public void reportAwaitingFinalCheckpoint(ExecutionAttemptID attemptId) {
    Execution execution = execution(attemptId);
    if (checkpoints != null && execution != null && !execution.state.isTerminal()) {
      // May come before the report that the subtask runs, which it was sent after, by another way.
      execution.awaitingFinalCheckpoint = true;
      checkpoints.onSubtaskAwaitingFinalCheckpoint();
    }
  }

  @Override
  public CompletableFuture<String> triggerSavepoint(String targetDirectory, boolean stop, boolean drain) {
    return callAsync(() -> savepoints.trigger(targetDirectory, stop, drain)).thenCompose(f -> f);
  }

  // ------------------------------------------------------------------ queries

  @Override
  public CompletableFuture<List<CheckpointStatistics>> requestCheckpointStatistics() {
    return callAsync(view::checkpointStatistics);
  }

  @Override
  public CompletableFuture<io.spate.runtime.checkpoint.CheckpointStatsSnapshot> requestCheckpointStatsSnapshot() {
    String backend = job.configuration().get(io.spate.api.configuration.StateBackendOptions.STATE_BACKEND);
    return callAsync(() -> checkpoints == null
        ? new io.spate.runtime.checkpoint.CheckpointStatsSnapshot(List.of(), null, 0, 0, 0, checkpointSettings,
            backend)
        : checkpoints.statsSnapshot(backend));
  }

  @Override
  public CompletableFuture<JobConfigInfo> requestJobConfig() {
    return callAsync(() -> {
      String restarts;
      try {
        restarts = io.spate.runtime.jobmaster.failover.RestartBackoffTimeStrategyFactory.create(job.configuration())
            .toString();
      } catch (RuntimeException e) {
        restarts = "not valid: " + e.getMessage();
      }
      io.spate.api.common.ExecutionConfig execution = job.executionConfig();
      return new JobConfigInfo(job.jobName(),
          job.runtimeMode() == io.spate.api.common.RuntimeExecutionMode.BATCH ? "BATCH" : "PIPELINED", restarts,
          execution.getParallelism(), execution.isObjectReuseEnabled(),
          new java.util.TreeMap<>(execution.getGlobalJobParameters().toMap()));
    });
  }

  @Override
  public CompletableFuture<JobAccumulators> requestAccumulators() {
    return callAsync(() -> {
      var finished = new java.util.LinkedHashMap<>(finishedAccumulators);
      List<CompletableFuture<List<io.spate.runtime.taskexecutor.gateway.SubtaskAccumulators>>> running =
          new java.util.ArrayList<>();
      ExecutionGraph graph = scheduler.executionGraph();
      java.util.Set<io.spate.runtime.taskexecutor.gateway.TaskExecutorGateway> asked = new java.util.LinkedHashSet<>();
      if (graph != null) {
        for (Execution execution : graph.executions()) {
          if (execution.taskExecutor != null && !execution.state.isTerminal() && asked.add(execution.taskExecutor)) {
            running.add(execution.taskExecutor.requestAccumulators(job.jobId())
                .exceptionally(failure -> List.of()));
          }
        }
      }
      return CompletableFuture.allOf(running.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
        AccumulatorCollector collector = new AccumulatorCollector();
        running.forEach(answer -> collector.addAll(answer.join()));
        // Added last: the final value of a subtask that finished meanwhile wins over its current one.
        finished.forEach((subtask, accumulators) -> collector.add(subtask.get(0), subtask.get(1), accumulators));
        return collector.collect();
      });
    }).thenCompose(f -> f);
  }

  @Override
  public CompletableFuture<RestoredCheckpoint> requestLatestRestore() {
    return callAsync(view::latestRestore);
  }

  @Override
  public CompletableFuture<List<ExceptionHistoryEntry>> requestExceptionHistory() {
    return callAsync(view::exceptionHistory);
  }

  @Override
  public CompletableFuture<JobStatus> requestJobStatus() {
    return callAsync(() -> status);
  }

  @Override
  public CompletableFuture<JobDetails> requestJobDetails() {
    return callAsync(view::details);
  }

  @Override
  public CompletableFuture<JobProgress> requestProgress() {
    return callAsync(view::progress).thenCompose(f -> f);
  }

  /** The JobMaster's state as its {@link JobView} reads it. */
  private final class ViewedState implements JobView.JobState {
    @Override
    public JobStatus status() {
      return status;
    }

    @Override
    public ExecutionGraph executionGraph() {
      return scheduler.executionGraph();
    }

    @Override
    public long finishedSourceRecords() {
      return finishedSourceRecords;
    }

    @Override
    public Duration runtime() {
      return JobMaster.this.runtime();
    }

    @Override
    public List<ExceptionHistoryEntry> exceptionHistory() {
      return exceptionHistory.entries();
    }

    @Override
    public List<CheckpointStatistics> checkpointStatistics() {
      return checkpoints == null ? List.of() : checkpoints.statistics();
    }

    @Override
    public RestoredCheckpoint latestRestore() {
      return checkpoints == null ? null : checkpoints.latestRestore();
    }
  }

  // ------------------------------------------------------------------ job jars

  @Override
  public CompletableFuture<List<Long>> jobJarSizes() {
    return jobJars.sizes();
  }

  @Override
  public CompletableFuture<byte[]> readJobJar(int jarIndex, long offset, int maxLength) {
    return jobJars.read(jarIndex, offset, maxLength);
  }
}
