package io.spate.runtime.jobmaster;

import io.spate.api.common.JobProgress;
import io.spate.api.common.JobStatus;
import io.spate.api.dag.SourceTransformation;
import io.spate.api.eventtime.WatermarkAlignmentParams;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobVertex;
import io.spate.runtime.network.UpstreamTaskFailedException;
import io.spate.runtime.operators.OperatorFailure;
import io.spate.runtime.resourcemanager.NotEnoughResourcesException;
import io.spate.runtime.resourcemanager.ResourceManagerGateway;
import io.spate.runtime.resourcemanager.SlotOffer;
import io.spate.runtime.rpc.RpcEndpoint;
import io.spate.runtime.rpc.RpcService;
import io.spate.runtime.source.OperatorEvent;
import io.spate.runtime.source.SourceOperator;
import io.spate.runtime.taskexecutor.TaskExecutorGateway;
import io.spate.runtime.tasks.ExecutionAttemptID;
import io.spate.runtime.tasks.ExecutionState;
import io.spate.runtime.network.SubtaskLocation;
import io.spate.runtime.tasks.ShippableJobGraph;
import io.spate.runtime.tasks.TaskDeploymentDescriptor;
import io.spate.runtime.tasks.TaskExecutionState;
import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.api.checkpoint.RestoredCheckpoint;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.JobManagerOptions;
import io.spate.api.configuration.RestOptions;
import io.spate.api.configuration.RestoreMode;
import io.spate.api.configuration.SavepointOptions;
import io.spate.runtime.checkpoint.CheckpointBarrier;
import io.spate.runtime.checkpoint.CheckpointCoordinator;
import io.spate.runtime.checkpoint.CheckpointMetadata;
import io.spate.runtime.checkpoint.CheckpointParticipants;
import io.spate.runtime.checkpoint.CheckpointSettings;
import io.spate.runtime.checkpoint.CheckpointType;
import io.spate.runtime.checkpoint.CompletedCheckpointStore;
import io.spate.runtime.checkpoint.DeclineKind;
import io.spate.runtime.checkpoint.StateAssignment;
import io.spate.runtime.checkpoint.TaskCheckpointMetrics;
import io.spate.runtime.checkpoint.TaskRestore;
import io.spate.runtime.checkpoint.storage.CheckpointPaths;
import io.spate.runtime.checkpoint.storage.CheckpointStorage;
import io.spate.runtime.jobmaster.failover.PipelinedRegions;
import io.spate.runtime.jobmaster.failover.RestartBackoffTimeStrategy;
import io.spate.runtime.jobmaster.failover.RestartBackoffTimeStrategyFactory;
import io.spate.runtime.rpc.PortableFailure;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.runtime.state.snapshot.UnreadableStateException;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job: expands its graph into subtask executions, gets slots from the ResourceManager,
 * deploys to TaskExecutors, coordinates sources, and decides how the job ends.
 */
public final class JobMaster extends RpcEndpoint implements JobMasterGateway {

  private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);
  // How long a restart waits for the ResourceManager to stop offering slots on TaskExecutors this
  // JobMaster already knows to be lost: longer than the default heartbeat.timeout (50 s).
  private static final Duration LOST_TASK_EXECUTOR_GRACE = Duration.ofMinutes(2);


  private final JobGraph job;
  // Serialized at most once, when the first deployment leaves the process.
  private final ShippableJobGraph shippableJob;
  private final String resourceManagerAddress;
  private final Consumer<JobResult> onTermination;
  private final Map<Integer, SourceCoordinator<?>> coordinators = new HashMap<>();
  private final WatermarkAlignmentGroups alignmentGroups = new WatermarkAlignmentGroups();
  private ExecutionGraph executionGraph;
  private final Map<String, TaskExecutorGateway> taskExecutorsByAddress = new HashMap<>();
  private final LostTaskExecutors lostTaskExecutors = new LostTaskExecutors();
  private long finishedRecordsIn;
  private long finishedSourceRecords;
  private JobStatus status = JobStatus.CREATED;
  private long startNanos;
  private Throwable failure;
  private ResourceManagerGateway resourceManager;
  private final CheckpointSettings checkpointSettings;
  private final RestartBackoffTimeStrategy restartStrategy;
  private final JobManagerOptions.FailoverStrategy failoverStrategy;
  private final PipelinedRegions regions;
  // The pipelined regions restarting on their own while the rest of the job runs on, by region
  // index: from the failure until their subtasks are deployed again.
  private final Map<Integer, RegionRestart> regionRestarts = new HashMap<>();
  // While slots lost with a TaskExecutor are being replaced for restarting regions.
  private CompletableFuture<Void> slotReplacement;
  private final ExecutorService ioExecutor;
  private final ExceptionHistory exceptionHistory;
  private final JobJars jobJars;
  private final CompletedCheckpointStore completedCheckpoints;
  private CheckpointCoordinator checkpoints;
  // Where the job's metrics on the JobManager go; set before start().
  private volatile io.spate.api.metrics.MetricGroup metricGroup = new io.spate.api.metrics.UnregisteredMetricsGroup();
  private List<SlotOffer> offers;
  private Map<String, Integer> slotsPerGroup;
  private int attempt;
  private int restarts;
  // Set while a stop-with-savepoint is under way: once the savepoint completes the job stops.
  private CheckpointType stopping;
  private String stoppedWithSavepoint;

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
    super(rpcService, address);
    this.completedCheckpoints = completedCheckpoints;
    this.job = job;
    this.shippableJob = new ShippableJobGraph(job);
    this.resourceManagerAddress = resourceManagerAddress;
    this.onTermination = onTermination;
    this.checkpointSettings = CheckpointSettings.from(job.configuration());
    this.restartStrategy = RestartBackoffTimeStrategyFactory.create(job.configuration());
    this.failoverStrategy = job.configuration().get(JobManagerOptions.EXECUTION_FAILOVER_STRATEGY);
    this.regions = PipelinedRegions.of(job);
    this.exceptionHistory = new ExceptionHistory(job.configuration().get(RestOptions.EXCEPTION_HISTORY_SIZE));
    this.jobJars = new JobJars(job);
    this.ioExecutor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "spate-jobmaster-io-" + job.jobId());
      t.setDaemon(true);
      return t;
    });
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
    startNanos = System.nanoTime();
    executionGraph = new ExecutionGraph(job, attempt);
    checkpoints = new CheckpointCoordinator(job, checkpointSettings,
        CheckpointStorage.forJob(checkpointSettings, job.jobId()), new Participants(),
        this::scheduleRunAsync, getMainThreadExecutor(), ioExecutor, this::handleFailure, completedCheckpoints);
    checkpoints.registerMetrics(metricGroup);
    CheckpointMetadata initial;
    try {
      initial = restoreInitialSavepoint();
    } catch (Throwable t) {
      failJob(new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId() + ") failed: cannot restore from "
          + job.configuration().get(SavepointOptions.SAVEPOINT_PATH) + ": " + t.getMessage(), t));
      return;
    }
    if (!startCoordinators(initial, null)) {
      return;
    }
    Map<String, Integer> slotsPerGroup = new LinkedHashMap<>();
    for (JobVertex vertex : job.vertices()) {
      slotsPerGroup.merge(vertex.getSlotSharingGroup(), vertex.getParallelism(), Math::max);
    }
    int slotsNeeded = slotsPerGroup.values().stream().mapToInt(Integer::intValue).sum();
    rpcService.connect(resourceManagerAddress, ResourceManagerGateway.class)
        .thenCompose(rm -> {
          resourceManager = rm;
          return rm.requestSlots(job.jobId(), externalAddress(), slotsNeeded);
        })
        .whenCompleteAsync((offers, error) -> {
          if (error != null) {
            Throwable cause = unwrap(error);
            failJob(new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId()
                + ") could not get task slots: " + cause.getMessage(), cause));
          } else {
            deploy(offers, slotsPerGroup, executionGraph.executions());
          }
        }, getMainThreadExecutor());
  }

  /** Reads the savepoint the job starts from, if any, and hands it to the checkpoint coordinator. */
  private CheckpointMetadata restoreInitialSavepoint() throws Exception {
    String path = job.configuration().get(SavepointOptions.SAVEPOINT_PATH);
    if (path == null) {
      return null;
    }
    CheckpointPaths.Loaded loaded = CheckpointPaths.loadResolved(path, checkpointSettings.tolerableCorrupt());
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
   * Starts the source coordinators of the vertices {@code vertexIds} (all if null), restoring their
   * enumerators from {@code restored} if not null.
   */
  private boolean startCoordinators(CheckpointMetadata restored, Set<Integer> vertexIds) {
    try {
      for (JobVertex vertex : job.vertices()) {
        if (vertexIds != null && !vertexIds.contains(vertex.getId())) {
          continue;
        }
        if (vertex.getHead().getTransformation() instanceof SourceTransformation<?> source) {
          int operatorId = vertex.getHead().getId();
          WatermarkAlignmentParams alignment = SourceOperator.alignmentOf(source.getWatermarkStrategy(), job.runtimeMode());
          SourceCoordinator<?> coordinator = new SourceCoordinator<>(source.getName(), source.getSource(),
              vertex.getParallelism(), getMainThreadExecutor(),
              (subtask, event) -> sendToSubtask(vertex, subtask, operatorId, event), this::handleFailure,
              operatorId, alignment, alignmentGroups);
          coordinators.put(operatorId, coordinator);
          io.spate.runtime.checkpoint.OperatorState state =
              restored == null ? null : restored.operators().get(vertex.getHead().getOperatorId());
          coordinator.start(state == null ? null : state.coordinatorState());
        }
      }
      return true;
    } catch (Throwable t) {
      failJob(new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId()
          + ") failed: a source's split enumerator could not start: " + t, t));
      return false;
    }
  }

  private void closeCoordinators() {
    for (SourceCoordinator<?> coordinator : coordinators.values()) {
      close(coordinator);
    }
    coordinators.clear();
  }

  /** Closes the source coordinators of the vertices {@code vertexIds}. */
  private void closeCoordinators(Set<Integer> vertexIds) {
    for (JobVertex vertex : job.vertices()) {
      if (vertexIds.contains(vertex.getId())) {
        SourceCoordinator<?> coordinator = coordinators.remove(vertex.getHead().getId());
        if (coordinator != null) {
          close(coordinator);
        }
      }
    }
  }

  private void close(SourceCoordinator<?> coordinator) {
    try {
      coordinator.close();
    } catch (Exception e) {
      LOG.warn("Closing a source coordinator of job {} failed", job.jobId(), e);
    }
  }

  /**
   * Deploys {@code toDeploy} (all executions, or those of restarting regions) to their slots among
   * {@code offers}; a subtask always gets the same slot of the offers.
   */
  private void deploy(List<SlotOffer> offers, Map<String, Integer> slotsPerGroup, Collection<Execution> toDeploy) {
    this.offers = offers;
    this.slotsPerGroup = slotsPerGroup;
    if (status != JobStatus.RUNNING) {
      if (status.isTerminal()) {
        // The job ended (cancelled) while its slot request was in flight: give the slots back.
        resourceManager.releaseSlots(job.jobId());
      } else {
        checkTerminal();
      }
      return;
    }
    Map<Integer, TaskRestore[]> restores;
    CheckpointMetadata recovery = checkpoints.latestForRecovery();
    try {
      restores = restoresFor(recovery);
    } catch (RuntimeException e) {
      failJob(new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId() + ") failed: " + e.getMessage(), e));
      return;
    }
    Map<String, Integer> firstSlotOfGroup = new HashMap<>();
    int next = 0;
    for (Map.Entry<String, Integer> group : slotsPerGroup.entrySet()) {
      firstSlotOfGroup.put(group.getKey(), next);
      next += group.getValue();
    }
    Map<Execution, SlotOffer> slots = new LinkedHashMap<>();
    for (Execution execution : executionGraph.executions()) {
      slots.put(execution, offers.get(firstSlotOfGroup.get(execution.vertex.getSlotSharingGroup())
          + execution.attemptId.subtaskIndex()));
    }
    Map<Integer, SubtaskLocation[]> locations = locationsOf(slots);
    // Connecting to a TaskExecutor in another process takes a round trip: never wait for it on the
    // main thread. Deploy once every TaskExecutor answered (or could not be reached).
    Map<String, CompletableFuture<TaskExecutorGateway>> gateways = new LinkedHashMap<>();
    for (Execution execution : toDeploy) {
      gateways.computeIfAbsent(slots.get(execution).taskExecutorAddress(), address -> {
        TaskExecutorGateway known = taskExecutorsByAddress.get(address);
        return known != null ? CompletableFuture.completedFuture(known)
            : rpcService.connect(address, TaskExecutorGateway.class);
      });
    }
    ExecutionGraph deploying = executionGraph;
    for (Execution execution : toDeploy) {
      execution.taskExecutorAddress = slots.get(execution).taskExecutorAddress();
    }
    List<Execution> deployed = List.copyOf(toDeploy);
    CompletableFuture.allOf(gateways.values().toArray(new CompletableFuture<?>[0])).handleAsync((ignored, error) -> {
      if (executionGraph == deploying && status == JobStatus.RUNNING) {
        submitTasks(deployed, slots, gateways, recovery, restores, locations);
      }
      return null;
    }, getMainThreadExecutor());
  }

  private void submitTasks(List<Execution> toDeploy, Map<Execution, SlotOffer> slots,
      Map<String, CompletableFuture<TaskExecutorGateway>> gateways, CheckpointMetadata recovery,
      Map<Integer, TaskRestore[]> restores, Map<Integer, SubtaskLocation[]> locations) {
    for (Map.Entry<String, CompletableFuture<TaskExecutorGateway>> gateway : gateways.entrySet()) {
      if (gateway.getValue().isCompletedExceptionally()) {
        Throwable cause = gateway.getValue().handle((g, t) -> t).join();
        cause = unwrap(cause);
        taskExecutorUnreachable(gateway.getKey(), "it cannot be reached: " + cause.getMessage());
      } else {
        taskExecutorsByAddress.put(gateway.getKey(), gateway.getValue().join());
      }
    }
    if (status != JobStatus.RUNNING) {
      return; // the loss of a TaskExecutor failed this attempt
    }
    for (Execution execution : toDeploy) {
      if (execution.state.isTerminal() || executionGraph.execution(execution.attemptId) != execution) {
        continue; // cancelled (or its region restarted again) while the TaskExecutors were being reached
      }
      SlotOffer slot = slots.get(execution);
      TaskExecutorGateway taskExecutor = taskExecutorsByAddress.get(slot.taskExecutorAddress());
      execution.taskExecutor = taskExecutor;
      TaskRestore restore = restores == null ? null : restores.get(execution.vertex.getId())[execution.attemptId.subtaskIndex()];
      execution.restoredFrom = restore != null ? recovery : null;
      taskExecutor.submitTask(new TaskDeploymentDescriptor(execution.attemptId, shippableJob, externalAddress(),
              restore, locations))
          .whenCompleteAsync((ok, error) -> {
            if (error != null) {
              Throwable cause = unwrap(error);
              updateTaskExecutionState(new TaskExecutionState(execution.attemptId, ExecutionState.FAILED,
                  cause, 0, 0));
            }
          }, getMainThreadExecutor());
    }
    checkpoints.startPeriodicCheckpoints();
  }

  /**
   * Where each subtask runs, for the channels between TaskExecutors; empty when no TaskExecutor has
   * a data plane (all share one process's in-process channels).
   */
  private static Map<Integer, SubtaskLocation[]> locationsOf(Map<Execution, SlotOffer> slots) {
    if (slots.values().stream().allMatch(slot -> slot.dataAddress() == null)) {
      return Map.of();
    }
    Map<Integer, SubtaskLocation[]> locations = new HashMap<>();
    for (Map.Entry<Execution, SlotOffer> e : slots.entrySet()) {
      Execution execution = e.getKey();
      locations.computeIfAbsent(execution.vertex.getId(), id -> new SubtaskLocation[execution.vertex.getParallelism()])
          [execution.attemptId.subtaskIndex()] = new SubtaskLocation(e.getValue().taskExecutorAddress(),
              e.getValue().dataAddress());
    }
    return locations;
  }

  private Map<Integer, TaskRestore[]> restoresFor(CheckpointMetadata metadata) {
    if (metadata == null) {
      return null;
    }
    String source = (metadata.type().isSavepoint() ? "savepoint " : "checkpoint ") + metadata.checkpointId();
    Map<Integer, TaskRestore[]> restores = StateAssignment.assign(job, metadata,
        job.configuration().get(SavepointOptions.ALLOW_NON_RESTORED_STATE), source);
    checkpoints.noteRestore(metadata);
    return restores;
  }

  private void sendToSubtask(JobVertex vertex, int subtask, int operatorId, OperatorEvent event) {
    Execution execution = executionGraph.subtask(vertex.getId(), subtask);
    if (execution.taskExecutor != null && !execution.state.isTerminal()) {
      execution.taskExecutor.sendOperatorEventToTask(execution.attemptId, operatorId, event);
    }
  }

  @Override
  public void sendOperatorEventToCoordinator(ExecutionAttemptID sender, int operatorId, OperatorEvent event) {
    SourceCoordinator<?> coordinator = coordinators.get(operatorId);
    Execution execution = executionGraph == null ? null : executionGraph.execution(sender);
    if (coordinator != null && execution != null && !execution.state.isTerminal() && !status.isTerminal()) {
      coordinator.handleEvent(sender.subtaskIndex(), event);
    }
  }

  @Override
  public void updateTaskExecutionState(TaskExecutionState update) {
    Execution execution = executionGraph == null ? null : executionGraph.execution(update.attemptId());
    if (execution == null || execution.state.isTerminal()) {
      return;
    }
    ExecutionState previousState = execution.state;
    execution.state = update.state();
    if (update.state().isTerminal()) {
      finishedRecordsIn += update.recordsIn();
      finishedSourceRecords += update.sourceRecordsOut();
    }
    switch (update.state()) {
      case FAILED -> {
        if (UpstreamTaskFailedException.isCauseOf(update.failure())) {
          // Its producer failed (or was cancelled) and ended the channel: the producer's own report is
          // the failure to record and recover from, and it comes, or its TaskExecutor is found lost.
          LOG.info("{} stopped because a subtask it reads from ended: {}", execution.describe(),
              update.failure().getMessage());
          checkRegionRestarts();
          checkTerminal();
          return;
        }
        SubtaskFailure failure = describe(execution, update.failure());
        if (execution.restoredFrom != null && previousState == ExecutionState.INITIALIZING
            && isUnreadableState(update.failure())) {
          CheckpointMetadata unreadable = execution.restoredFrom;
          String snapshot = checkpoints.describe(unreadable);
          String refusal = checkpoints.skipUnreadable(unreadable, rootMessage(update.failure()));
          if (refusal != null) {
            failJob(new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId() + ") failed: " + snapshot
                + " cannot be read: " + whatFailed(execution, update.failure()) + ". The job is not restarted: "
                + refusal, failure.getCause(), failure.location()));
            checkTerminal();
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
        checkTerminal();
      }
      case CANCELED -> {
        if (status == JobStatus.RUNNING && stopping == null && !isRestarting(execution)) {
          handleFailure(new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId() + ") failed: "
              + execution.describe() + " was cancelled unexpectedly", null), List.of(execution));
        } else {
          checkTerminal();
        }
      }
      case FINISHED -> {
        checkpoints.onSubtaskFinished(execution.attemptId);
        checkTerminal();
      }
      default -> { }
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
  private void handleFailure(Throwable cause) {
    handleFailure(cause, List.of());
  }

  /**
   * The subtasks {@code failed} failed (the whole job if none is named): restarts their pipelined
   * regions, or the whole job, from the latest checkpoint if the restart strategy allows it, else
   * fails the job.
   */
  private void handleFailure(Throwable cause, Collection<Execution> failed) {
    if (status != JobStatus.RUNNING || stopping != null) {
      if (status == JobStatus.RUNNING) {
        failJob(cause);
      }
      return;
    }
    if (!failed.isEmpty() && failed.stream().allMatch(this::isRestarting)) {
      // Their regions were already being cancelled for a restart: this failure is part of that one.
      checkRegionRestarts();
      return;
    }
    restartStrategy.notifyFailure(cause);
    if (!restartStrategy.canRestart()) {
      failJob(cause);
      return;
    }
    restarts++;
    exceptionHistory.add(ExceptionHistoryEntry.of(cause, ExceptionHistoryEntry.Outcome.RESTARTED));
    Set<Integer> affected = new java.util.TreeSet<>();
    for (Execution execution : failed) {
      if (!isRestarting(execution)) {
        affected.add(regions.regionOf(execution.vertex.getId()));
      }
    }
    if (!affected.isEmpty() && restartsByRegion() && affected.size() < regions.size()) {
      for (int region : affected) {
        Set<Integer> vertices = regions.region(region);
        LOG.warn("Job '{}' ({}) restarts pipelined region {} ({} of its {} tasks; restart {}) after: {}",
            job.jobName(), job.jobId(), region + 1, vertices.size(), job.vertices().size(), restarts,
            cause.getMessage());
        regionRestarts.put(region, new RegionRestart(region));
        closeCoordinators(vertices);
        cancelExecutions(executionGraph.executionsOf(vertices));
      }
      checkpoints.abortPending("a region of the job is restarting");
      checkRegionRestarts();
      return;
    }
    LOG.warn("Job '{}' ({}) restarts (restart {}) after: {}", job.jobName(), job.jobId(), restarts,
        cause.getMessage());
    restartAll();
  }

  /** Cancels every subtask and deploys the whole job again once they all stopped. */
  private void restartAll() {
    regionRestarts.clear();
    status = JobStatus.RESTARTING;
    checkpoints.stopPeriodicCheckpoints();
    checkpoints.abortPending("the job is restarting");
    closeCoordinators();
    cancelExecutions();
    checkTerminal();
  }

  /**
   * Whether a subtask's failure restarts only its region. A BATCH job restarts as a whole. Slots lost
   * with a TaskExecutor are replaced when a region is deployed again ({@link #replaceLostSlots}).
   */
  private boolean restartsByRegion() {
    return failoverStrategy == JobManagerOptions.FailoverStrategy.REGION
        && job.runtimeMode() == io.spate.api.common.RuntimeExecutionMode.STREAMING
        && regions.size() > 1;
  }

  /** Whether {@code execution}'s region is restarting on its own. */
  private boolean isRestarting(Execution execution) {
    return !regionRestarts.isEmpty() && regionRestarts.containsKey(regions.regionOf(execution.vertex.getId()));
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
  private void checkRegionRestarts() {
    for (RegionRestart restart : regionRestarts.values()) {
      if (restart.scheduled) {
        continue;
      }
      boolean stopped = true;
      for (Execution execution : executionGraph.executionsOf(regions.region(restart.region))) {
        stopped &= execution.state.isTerminal();
      }
      if (stopped) {
        restart.scheduled = true;
        scheduleRunAsync(() -> redeployRegion(restart), restartStrategy.getBackoffTime());
      }
    }
  }

  /**
   * Deploys new attempts of a region's subtasks to the slots the old ones ran in, restoring them and
   * their sources' enumerators from the latest checkpoint.
   */
  private void redeployRegion(RegionRestart restart) {
    if (status != JobStatus.RUNNING || regionRestarts.get(restart.region) != restart) {
      return; // the job ended, or restarts as a whole, meanwhile
    }
    if (lostTaskExecutors.any()) {
      // Some of the job's slots went with a TaskExecutor: replace them first, keeping the others.
      replaceLostSlots().whenCompleteAsync((ok, error) -> {
        if (error == null) {
          redeployRegion(restart);
        } else if (status == JobStatus.RUNNING && regionRestarts.get(restart.region) == restart) {
          Throwable cause = unwrap(error);
          failJob(new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId() + ") failed: "
              + cause.getMessage(), cause));
        }
      }, getMainThreadExecutor());
      return;
    }
    regionRestarts.remove(restart.region);
    Set<Integer> vertices = regions.region(restart.region);
    attempt++;
    List<Execution> fresh = executionGraph.replace(vertices, attempt);
    if (!startCoordinators(checkpoints.latestForRecovery(), vertices)) {
      return;
    }
    deploy(offers, slotsPerGroup, fresh);
  }

  /**
   * Asks the ResourceManager for as many more slots as the job held on lost TaskExecutors and puts them
   * in their places, so that every subtask keeps its slot index; one request serves every region
   * waiting for it. Waits up to {@code slot.request.timeout} for enough slots, then completes
   * exceptionally.
   */
  private CompletableFuture<Void> replaceLostSlots() {
    if (slotReplacement != null) {
      return slotReplacement;
    }
    CompletableFuture<Void> replacement = new CompletableFuture<>();
    slotReplacement = replacement;
    replacement.whenCompleteAsync((ok, error) -> slotReplacement = null, getMainThreadExecutor());
    askForReplacementSlots(replacement, newSlotWait());
    return replacement;
  }

  private void askForReplacementSlots(CompletableFuture<Void> replacement, SlotWait wait) {
    List<String> lost = lostTaskExecutors.addresses();
    List<Integer> places = new ArrayList<>();
    for (int i = 0; i < offers.size(); i++) {
      if (lost.contains(offers.get(i).taskExecutorAddress())) {
        places.add(i);
      }
    }
    List<SlotOffer> replaced = offers;
    LOG.info("Job '{}' ({}) asks for {} slots to replace those on lost TaskExecutor(s) {}", job.jobName(), job.jobId(),
        places.size(), lost);
    resourceManager.requestAdditionalSlots(job.jobId(), externalAddress(), places.size())
        .orTimeout(Math.max(1, wait.remainingMillis()), TimeUnit.MILLISECONDS)
        .whenCompleteAsync((more, error) -> {
          if (error != null) {
            Throwable cause = unwrap(error);
            if (status == JobStatus.RUNNING && waitsForSlots(wait, cause, places.size(), lost)) {
              scheduleRunAsync(() -> askForReplacementSlots(replacement, wait), wait.nextRetryMillis());
            } else {
              replacement.completeExceptionally(new NotEnoughResourcesException("it could not get the "
                  + places.size() + " task slots that replace those on lost TaskExecutor(s) " + lost + ": "
                  + wait.failure(String.valueOf(cause.getMessage()))));
            }
            return;
          }
          if (offers == replaced) { // else the whole job got new slots meanwhile
            List<SlotOffer> updated = new ArrayList<>(offers);
            for (int k = 0; k < places.size(); k++) {
              updated.set(places.get(k), more.get(k));
            }
            offers = updated;
            lostTaskExecutors.clear();
          }
          replacement.complete(null);
        }, getMainThreadExecutor());
  }

  private void restartWhenStopped() {
    long backoff = restartStrategy.getBackoffTime();
    scheduleRunAsync(this::redeploy, backoff);
  }

  private void redeploy() {
    if (status != JobStatus.RESTARTING) {
      return; // cancelled meanwhile
    }
    attempt++;
    executionGraph = new ExecutionGraph(job, attempt);
    status = JobStatus.RUNNING;
    alignmentGroups.clear();
    CheckpointMetadata latest = checkpoints.latestForRecovery();
    if (!startCoordinators(latest, null)) {
      return;
    }
    if (lostTaskExecutors.any()) {
      requestSlotsAgainAndDeploy();
    } else {
      deploy(offers, slotsPerGroup, executionGraph.executions());
    }
  }

  /**
   * Some slots were on lost TaskExecutors: asks for the job's slots again, on those that are left,
   * waiting up to {@code slot.request.timeout} for enough of them.
   */
  private void requestSlotsAgainAndDeploy() {
    requestSlotsAgainAndDeploy(newSlotWait());
  }

  private SlotWait newSlotWait() {
    return new SlotWait(job.configuration().get(JobManagerOptions.SLOT_REQUEST_TIMEOUT));
  }

  private void requestSlotsAgainAndDeploy(SlotWait wait) {
    List<String> lost = lostTaskExecutors.addresses();
    int slotsNeeded = slotsPerGroup.values().stream().mapToInt(Integer::intValue).sum();
    LOG.debug("Job '{}' ({}) requests its {} slots again: TaskExecutor(s) {} were lost", job.jobName(), job.jobId(),
        slotsNeeded, lost);
    ExecutionGraph graph = executionGraph;
    resourceManager.requestSlots(job.jobId(), externalAddress(), slotsNeeded)
        .orTimeout(Math.max(1, wait.remainingMillis()), TimeUnit.MILLISECONDS)
        .whenCompleteAsync((newOffers, error) -> {
          if (error != null) {
            if (status != JobStatus.RUNNING || executionGraph != graph) {
              return; // the job ended, or restarts again, meanwhile
            }
            Throwable cause = unwrap(error);
            if (waitsForSlots(wait, cause, slotsNeeded, lost)) {
              scheduleRunAsync(() -> {
                if (status == JobStatus.RUNNING && executionGraph == graph) {
                  requestSlotsAgainAndDeploy(wait);
                }
              }, wait.nextRetryMillis());
              return;
            }
            failJob(new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId() + ") failed: it could not get"
                + " the " + slotsNeeded + " task slots it needs after losing TaskExecutor(s) " + lost + ": "
                + wait.failure(String.valueOf(cause.getMessage())), cause));
            return;
          }
          List<String> stillOffered = lostTaskExecutors.offeredIn(newOffers);
          if (!stillOffered.isEmpty() && status == JobStatus.RUNNING
              && System.nanoTime() - wait.startNanos() < LOST_TASK_EXECUTOR_GRACE.toNanos()) {
            // This JobMaster found out first; the ResourceManager drops them within its heartbeat timeout.
            long retryMillis = wait.nextRetryMillis();
            LOG.info("Job '{}' ({}): the ResourceManager still offers slots on lost TaskExecutor(s) {}; asking again"
                + " in {} ms", job.jobName(), job.jobId(), stillOffered, retryMillis);
            this.offers = newOffers;
            scheduleRunAsync(() -> {
              if (status == JobStatus.RUNNING && executionGraph == graph) {
                requestSlotsAgainAndDeploy(wait);
              }
            }, retryMillis);
            return;
          }
          lostTaskExecutors.clear();
          deploy(newOffers, slotsPerGroup, executionGraph.executions());
        }, getMainThreadExecutor());
  }

  /**
   * Whether a restart whose slot request failed with {@code cause} waits and asks again: while
   * {@code slot.request.timeout} has not passed and the ResourceManager only lacks slots. Logs the
   * first refusal of a wait.
   */
  private boolean waitsForSlots(SlotWait wait, Throwable cause, int slotsNeeded, List<String> lost) {
    if (!(cause instanceof NotEnoughResourcesException) || wait.expired()) {
      return false;
    }
    if (wait.refused(cause.getMessage())) {
      LOG.warn("Job '{}' ({}) waits up to {} s ({}) for the {} task slots it needs after losing TaskExecutor(s) {},"
          + " using up no restart attempts: {}", job.jobName(), job.jobId(), wait.timeout().toSeconds(),
          JobManagerOptions.SLOT_REQUEST_TIMEOUT.key(), slotsNeeded, lost, cause.getMessage());
    }
    return true;
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
  }

  @Override
  public void disconnectTaskExecutor(String taskExecutorAddress, String reason) {
    taskExecutorLost(new TaskExecutorLostException(taskExecutorAddress, reason));
  }

  /**
   * This JobMaster's own call to a TaskExecutor failed: it is handled as lost here, and the
   * ResourceManager is told, so that it checks at once instead of offering the TaskExecutor's slots to
   * the restart until its heartbeat timeout.
   */
  private void taskExecutorUnreachable(String address, String reason) {
    taskExecutorLost(new TaskExecutorLostException(address, reason));
    if (resourceManager != null) {
      resourceManager.reportUnreachableTaskExecutor(address, reason);
    }
  }

  /**
   * Fails every subtask on the lost TaskExecutor at once, since none of them will report again, and
   * restarts the job through the normal failure path.
   */
  private void taskExecutorLost(TaskExecutorLostException lost) {
    String address = lost.taskExecutorAddress();
    if (status.isTerminal() || !lostTaskExecutors.markLost(address, offers)) {
      return;
    }
    taskExecutorsByAddress.remove(address);
    List<Execution> failed = LostTaskExecutors.failExecutionsOn(executionGraph, address);
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
    checkTerminal();
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
    cancelExecutions();
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
        cancelExecutions();
        checkTerminal();
      }
      return null;
    });
  }

  private void cancelExecutions() {
    cancelExecutions(executionGraph.executions());
  }

  private void cancelExecutions(Collection<Execution> executions) {
    for (Execution execution : executions) {
      if (execution.state.isTerminal()) {
        continue;
      }
      if (execution.taskExecutor == null) {
        execution.state = ExecutionState.CANCELED;
      } else {
        execution.state = execution.state == ExecutionState.DEPLOYING
            || execution.state == ExecutionState.INITIALIZING || execution.state == ExecutionState.RUNNING
            ? ExecutionState.CANCELING : execution.state;
        String address = execution.taskExecutorAddress;
        execution.taskExecutor.cancelTask(execution.attemptId).whenCompleteAsync((ok, error) -> {
          if (error != null) {
            // It cannot be reached: its subtasks will never report that they stopped.
            Throwable cause = unwrap(error);
            taskExecutorUnreachable(address, "cancelling a subtask there failed: " + cause);
          }
        }, getMainThreadExecutor());
      }
    }
  }

  private void checkTerminal() {
    if (status.isTerminal()) {
      return;
    }
    if (status == JobStatus.RUNNING && !regionRestarts.isEmpty()) {
      checkRegionRestarts(); // the job runs on while some of its regions restart
      return;
    }
    if (executionGraph == null || !executionGraph.allTerminal()) {
      return;
    }
    if (status == JobStatus.RESTARTING) {
      restartWhenStopped();
      return;
    }
    JobStatus finalStatus = switch (status) {
      case FAILING -> JobStatus.FAILED;
      case CANCELLING -> stopping != null && stoppedWithSavepoint != null ? JobStatus.FINISHED : JobStatus.CANCELED;
      default -> JobStatus.FINISHED;
    };
    terminate(finalStatus);
  }

  private void terminate(JobStatus finalStatus) {
    status = finalStatus;
    if (checkpoints != null) {
      checkpoints.shutdown(finalStatus);
    }
    closeCoordinators();
    if (resourceManager != null) {
      resourceManager.releaseSlots(job.jobId());
    }
    Duration runtime = startNanos == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - startNanos);
    JobResult result = new JobResult(job.jobId(), job.jobName(), finalStatus, runtime,
        finalStatus == JobStatus.FINISHED ? null : failure,
        Map.of(TaskExecutionState.RECORDS_IN, finishedRecordsIn,
            TaskExecutionState.SOURCE_RECORDS_OUT, finishedSourceRecords, JobResult.RESTARTS, (long) restarts),
        stoppedWithSavepoint, checkpoints == null ? List.of() : checkpoints.statistics(), exceptionHistory.entries(),
        checkpoints == null ? null : checkpoints.latestRestore());
    // The job is reported ended only after the checkpoint I/O queued so far (settling a checkpoint that was
    // being finalized, deleting subsumed ones): once a job has ended, the checkpoints it left no longer change.
    try {
      ioExecutor.execute(() -> onTermination.accept(result));
    } catch (RejectedExecutionException e) {
      onTermination.accept(result);
    }
    ioExecutor.shutdown();
  }

  // ------------------------------------------------------------------ checkpoints

  @Override
  public void acknowledgeCheckpoint(ExecutionAttemptID attemptId, long checkpointId,
      Map<String, OperatorSubtaskState> operatorStates, TaskCheckpointMetrics metrics) {
    if (checkpoints != null && executionGraph != null && executionGraph.execution(attemptId) != null) {
      checkpoints.acknowledge(attemptId, checkpointId, operatorStates, metrics);
    }
  }

  @Override
  public void declineCheckpoint(ExecutionAttemptID attemptId, long checkpointId, DeclineKind kind, String reason) {
    if (checkpoints != null && executionGraph != null && executionGraph.execution(attemptId) != null) {
      checkpoints.decline(attemptId, checkpointId, kind, reason);
    }
  }

  @Override
  public CompletableFuture<String> triggerSavepoint(String targetDirectory, boolean stop, boolean drain) {
    return callAsync(() -> {
      if (status != JobStatus.RUNNING || checkpoints == null) {
        return CompletableFuture.<String>failedFuture(new IllegalStateException("Job '" + job.jobName() + "' ("
            + job.jobId() + ") is " + status + "; only a running job can take a savepoint"));
      }
      if (job.runtimeMode() == io.spate.api.common.RuntimeExecutionMode.BATCH) {
        return CompletableFuture.<String>failedFuture(new IllegalStateException("Job '" + job.jobName()
            + "' runs in BATCH mode, which takes no savepoints"));
      }
      if (!stop) {
        return checkpoints.triggerSavepoint(targetDirectory, CheckpointType.SAVEPOINT);
      }
      if (stopping != null) {
        return CompletableFuture.<String>failedFuture(new IllegalStateException("Job '" + job.jobName()
            + "' is already stopping with a savepoint"));
      }
      CheckpointType type = drain ? CheckpointType.SAVEPOINT_TERMINATE : CheckpointType.SAVEPOINT_SUSPEND;
      stopping = type;
      checkpoints.stopPeriodicCheckpoints();
      return checkpoints.triggerSavepoint(targetDirectory, type).whenCompleteAsync((path, error) -> {
        if (error != null) {
          stopping = null;
          if (status == JobStatus.RUNNING) {
            checkpoints.startPeriodicCheckpoints();
            for (Execution execution : executionGraph.executions()) {
              if (execution.taskExecutor != null && !execution.state.isTerminal()) {
                execution.taskExecutor.resumeAfterFailedStop(execution.attemptId);
              }
            }
          }
          return;
        }
        stoppedWithSavepoint = path;
        if (type == CheckpointType.SAVEPOINT_SUSPEND && status == JobStatus.RUNNING) {
          status = JobStatus.CANCELLING;
          cancelExecutions();
          checkTerminal();
        }
      }, getMainThreadExecutor());
    }).thenCompose(f -> f);
  }

  @Override
  public CompletableFuture<List<CheckpointStatistics>> requestCheckpointStatistics() {
    return callAsync(() -> checkpoints == null ? List.<CheckpointStatistics>of() : checkpoints.statistics());
  }

  @Override
  public CompletableFuture<RestoredCheckpoint> requestLatestRestore() {
    return callAsync(() -> checkpoints == null ? null : checkpoints.latestRestore());
  }

  /** The JobMaster's view of the subtasks, for the checkpoint coordinator. */
  private final class Participants implements CheckpointParticipants {
    @Override
    public Collection<ExecutionAttemptID> runningSubtasksOrNull() {
      if (status != JobStatus.RUNNING || executionGraph == null) {
        return null;
      }
      List<ExecutionAttemptID> ids = new ArrayList<>();
      for (Execution execution : executionGraph.executions()) {
        if (execution.state != ExecutionState.RUNNING || execution.taskExecutor == null) {
          return null;
        }
        ids.add(execution.attemptId);
      }
      return ids;
    }

    @Override
    public void triggerSources(CheckpointBarrier barrier) {
      for (Execution execution : executionGraph.executions()) {
        if (execution.vertex.getInputs().isEmpty()) {
          execution.taskExecutor.triggerCheckpoint(execution.attemptId, barrier);
        }
      }
    }

    @Override
    public void notifyComplete(long checkpointId) {
      for (Execution execution : executionGraph.executions()) {
        if (execution.taskExecutor != null && !execution.state.isTerminal()) {
          execution.taskExecutor.notifyCheckpointComplete(execution.attemptId, checkpointId);
        }
      }
      for (SourceCoordinator<?> coordinator : coordinators.values()) {
        coordinator.notifyCheckpointComplete(checkpointId);
      }
    }

    @Override
    public void notifyAborted(long checkpointId) {
      if (executionGraph == null) {
        return;
      }
      for (Execution execution : executionGraph.executions()) {
        if (execution.taskExecutor != null && !execution.state.isTerminal()) {
          execution.taskExecutor.notifyCheckpointAborted(execution.attemptId, checkpointId);
        }
      }
    }

    @Override
    public Map<String, byte[]> snapshotCoordinators(long checkpointId) throws Exception {
      Map<String, byte[]> states = new HashMap<>();
      for (JobVertex vertex : job.vertices()) {
        SourceCoordinator<?> coordinator = coordinators.get(vertex.getHead().getId());
        if (coordinator != null) {
          states.put(vertex.getHead().getOperatorId(), coordinator.snapshotState(checkpointId));
        }
      }
      return states;
    }
  }

  @Override
  public CompletableFuture<List<ExceptionHistoryEntry>> requestExceptionHistory() {
    return callAsync(exceptionHistory::entries);
  }

  @Override
  public CompletableFuture<JobStatus> requestJobStatus() {
    return callAsync(() -> status);
  }

  @Override
  public CompletableFuture<JobDetails> requestJobDetails() {
    return callAsync(() -> {
      Map<Integer, List<ExecutionState>> states = new HashMap<>();
      if (executionGraph != null) {
        for (Execution execution : executionGraph.executions()) {
          states.computeIfAbsent(execution.vertex.getId(), id -> new ArrayList<>()).add(execution.state);
        }
      }
      return JobDetails.of(job, status, vertex -> states.getOrDefault(vertex.getId(), List.of()));
    });
  }

  @Override
  public CompletableFuture<JobProgress> requestProgress() {
    return callAsync(() -> {
      Set<TaskExecutorGateway> taskExecutors = new LinkedHashSet<>();
      for (Execution execution : executionGraph.executions()) {
        if (execution.taskExecutor != null && !execution.state.isTerminal()) {
          taskExecutors.add(execution.taskExecutor);
        }
      }
      List<CompletableFuture<Map<String, Long>>> counters = new ArrayList<>();
      for (TaskExecutorGateway te : taskExecutors) {
        counters.add(te.requestJobCounters(job.jobId()));
      }
      long base = finishedSourceRecords;
      JobStatus current = status;
      Duration elapsed = Duration.ofNanos(startNanos == 0 ? 0 : System.nanoTime() - startNanos);
      return CompletableFuture.allOf(counters.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
        long records = base;
        for (CompletableFuture<Map<String, Long>> c : counters) {
          records += c.join().getOrDefault(TaskExecutionState.SOURCE_RECORDS_OUT, 0L);
        }
        return new JobProgress(current, records, elapsed);
      });
    }).thenCompose(f -> f);
  }

  @Override
  public CompletableFuture<List<Long>> jobJarSizes() {
    return onIoExecutor(jobJars::sizes);
  }

  @Override
  public CompletableFuture<byte[]> readJobJar(int jarIndex, long offset, int maxLength) {
    return onIoExecutor(() -> jobJars.read(jarIndex, offset, maxLength));
  }

  /** Runs a file read off the main thread; an unchecked IOException fails the call with the IOException. */
  private <T> CompletableFuture<T> onIoExecutor(java.util.function.Supplier<T> read) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      ioExecutor.execute(() -> {
        try {
          result.complete(read.get());
        } catch (java.io.UncheckedIOException e) {
          result.completeExceptionally(e.getCause());
        } catch (RuntimeException e) {
          result.completeExceptionally(e);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      result.completeExceptionally(new IllegalStateException("Job " + job.jobId() + " has ended: its JobMaster"
          + " serves its jars no more"));
    }
    return result;
  }
}
