package io.spate.runtime.jobmaster;

import io.spate.api.common.JobProgress;
import io.spate.api.common.JobStatus;
import io.spate.api.dag.SourceTransformation;
import io.spate.api.eventtime.WatermarkAlignmentParams;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobVertex;
import io.spate.runtime.operators.OperatorFailure;
import io.spate.runtime.resourcemanager.ResourceManagerGateway;
import io.spate.runtime.resourcemanager.SlotOffer;
import io.spate.runtime.rpc.RpcEndpoint;
import io.spate.runtime.rpc.RpcService;
import io.spate.runtime.source.OperatorEvent;
import io.spate.runtime.source.SourceOperator;
import io.spate.runtime.taskexecutor.TaskExecutorGateway;
import io.spate.runtime.tasks.ExecutionAttemptID;
import io.spate.runtime.tasks.ExecutionState;
import io.spate.runtime.tasks.TaskDeploymentDescriptor;
import io.spate.runtime.tasks.TaskExecutionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job: expands its graph into subtask executions, gets slots from the ResourceManager,
 * deploys to TaskExecutors, coordinates sources, and decides how the job ends.
 */
public final class JobMaster extends RpcEndpoint implements JobMasterGateway {

  private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

  private final JobGraph job;
  private final String resourceManagerAddress;
  private final Consumer<JobResult> onTermination;
  private final Map<Integer, SourceCoordinator<?>> coordinators = new HashMap<>();
  private final WatermarkAlignmentGroups alignmentGroups = new WatermarkAlignmentGroups();
  private ExecutionGraph executionGraph;
  private final Map<String, TaskExecutorGateway> taskExecutorsByAddress = new HashMap<>();
  private long finishedRecordsIn;
  private long finishedSourceRecords;
  private JobStatus status = JobStatus.CREATED;
  private long startNanos;
  private Throwable failure;
  private ResourceManagerGateway resourceManager;

  /** Creates the JobMaster of {@code job}; {@code onTermination} receives the result. */
  public JobMaster(RpcService rpcService, String address, JobGraph job, String resourceManagerAddress,
      Consumer<JobResult> onTermination) {
    super(rpcService, address);
    this.job = job;
    this.resourceManagerAddress = resourceManagerAddress;
    this.onTermination = onTermination;
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
    executionGraph = new ExecutionGraph(job);
    try {
      for (JobVertex vertex : job.vertices()) {
        if (vertex.getHead().getTransformation() instanceof SourceTransformation<?> source) {
          int operatorId = vertex.getHead().getId();
          WatermarkAlignmentParams alignment = SourceOperator.alignmentOf(source.getWatermarkStrategy(), job.runtimeMode());
          SourceCoordinator<?> coordinator = new SourceCoordinator<>(source.getName(), source.getSource(),
              vertex.getParallelism(), getMainThreadExecutor(),
              (subtask, event) -> sendToSubtask(vertex, subtask, operatorId, event), this::failJob,
              operatorId, alignment, alignmentGroups);
          coordinators.put(operatorId, coordinator);
          coordinator.start();
        }
      }
    } catch (Throwable t) {
      failJob(new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId()
          + ") failed: a source's split enumerator could not start: " + t, t));
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
          return rm.requestSlots(job.jobId(), slotsNeeded);
        })
        .whenCompleteAsync((offers, error) -> {
          if (error != null) {
            Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
            failJob(new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId()
                + ") could not get task slots: " + cause.getMessage(), cause));
          } else {
            deploy(offers, slotsPerGroup);
          }
        }, getMainThreadExecutor());
  }

  private void deploy(List<SlotOffer> offers, Map<String, Integer> slotsPerGroup) {
    if (status != JobStatus.RUNNING) {
      if (status.isTerminal()) {
        // The job ended (cancelled) while its slot request was in flight: give the slots back.
        resourceManager.releaseSlots(job.jobId());
      } else {
        checkTerminal();
      }
      return;
    }
    Map<String, Integer> firstSlotOfGroup = new HashMap<>();
    int next = 0;
    for (Map.Entry<String, Integer> group : slotsPerGroup.entrySet()) {
      firstSlotOfGroup.put(group.getKey(), next);
      next += group.getValue();
    }
    for (Execution execution : executionGraph.executions()) {
      SlotOffer slot = offers.get(firstSlotOfGroup.get(execution.vertex.getSlotSharingGroup())
          + execution.attemptId.subtaskIndex());
      TaskExecutorGateway taskExecutor = taskExecutorsByAddress.computeIfAbsent(slot.taskExecutorAddress(),
          address -> rpcService.connect(address, TaskExecutorGateway.class).join());
      execution.taskExecutor = taskExecutor;
      taskExecutor.submitTask(new TaskDeploymentDescriptor(execution.attemptId, job, execution.vertex, getAddress()))
          .whenCompleteAsync((ok, error) -> {
            if (error != null) {
              updateTaskExecutionState(new TaskExecutionState(execution.attemptId, ExecutionState.FAILED,
                  error, 0, 0));
            }
          }, getMainThreadExecutor());
    }
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
    execution.state = update.state();
    if (update.state().isTerminal()) {
      finishedRecordsIn += update.recordsIn();
      finishedSourceRecords += update.sourceRecordsOut();
    }
    switch (update.state()) {
      case FAILED -> {
        failJob(describe(execution, update.failure()));
        checkTerminal();
      }
      case CANCELED -> {
        if (status == JobStatus.RUNNING) {
          failJob(new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId() + ") failed: "
              + execution.describe() + " was cancelled unexpectedly", null));
        } else {
          checkTerminal();
        }
      }
      case FINISHED -> checkTerminal();
      default -> { }
    }
  }

  private SubtaskFailure describe(Execution execution, Throwable error) {
    Throwable cause = error;
    String operator = null;
    while (cause instanceof OperatorFailure f) {
      operator = f.getOperatorName();
      cause = f.getCause();
    }
    String message = "Job '" + job.jobName() + "' (" + job.jobId() + ") failed: "
        + (operator != null ? "operator '" + operator + "' in " : "") + execution.describe()
        + " threw " + cause;
    return new SubtaskFailure(message, cause);
  }

  private void failJob(Throwable cause) {
    if (status.isTerminal() || status == JobStatus.FAILING) {
      return;
    }
    failure = cause instanceof SubtaskFailure ? cause
        : new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId() + ") failed: " + cause, cause);
    LOG.error("{}", failure.getMessage(), failure.getCause() != null ? failure.getCause() : failure);
    status = JobStatus.FAILING;
    cancelExecutions();
    checkTerminal();
  }

  @Override
  public CompletableFuture<Void> cancel() {
    return callAsync(() -> {
      if (status == JobStatus.CREATED) {
        terminate(JobStatus.CANCELED);
      } else if (status == JobStatus.RUNNING) {
        status = JobStatus.CANCELLING;
        cancelExecutions();
        checkTerminal();
      }
      return null;
    });
  }

  private void cancelExecutions() {
    for (Execution execution : executionGraph.executions()) {
      if (execution.state.isTerminal()) {
        continue;
      }
      if (execution.taskExecutor == null) {
        execution.state = ExecutionState.CANCELED;
      } else {
        execution.state = execution.state == ExecutionState.DEPLOYING
            || execution.state == ExecutionState.INITIALIZING || execution.state == ExecutionState.RUNNING
            ? ExecutionState.CANCELING : execution.state;
        execution.taskExecutor.cancelTask(execution.attemptId);
      }
    }
  }

  private void checkTerminal() {
    if (status.isTerminal()) {
      return;
    }
    if (executionGraph == null || !executionGraph.allTerminal()) {
      return;
    }
    JobStatus finalStatus = switch (status) {
      case FAILING -> JobStatus.FAILED;
      case CANCELLING -> JobStatus.CANCELED;
      default -> JobStatus.FINISHED;
    };
    terminate(finalStatus);
  }

  private void terminate(JobStatus finalStatus) {
    status = finalStatus;
    for (SourceCoordinator<?> coordinator : coordinators.values()) {
      try {
        coordinator.close();
      } catch (Exception e) {
        LOG.warn("Closing a source coordinator of job {} failed", job.jobId(), e);
      }
    }
    if (resourceManager != null) {
      resourceManager.releaseSlots(job.jobId());
    }
    Duration runtime = startNanos == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - startNanos);
    onTermination.accept(new JobResult(job.jobId(), job.jobName(), finalStatus, runtime,
        finalStatus == JobStatus.FINISHED ? null : failure,
        Map.of(TaskExecutionState.RECORDS_IN, finishedRecordsIn,
            TaskExecutionState.SOURCE_RECORDS_OUT, finishedSourceRecords)));
  }

  @Override
  public CompletableFuture<JobStatus> requestJobStatus() {
    return callAsync(() -> status);
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
}
