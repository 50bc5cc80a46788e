package io.spate.runtime.jobmaster;

import static io.spate.runtime.jobmaster.CompletionFailures.unwrap;

import io.spate.api.configuration.JobManagerOptions;
import io.spate.api.configuration.SavepointOptions;
import io.spate.runtime.checkpoint.CheckpointCoordinator;
import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import io.spate.runtime.checkpoint.StateAssignment;
import io.spate.runtime.checkpoint.TaskRestore;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobVertex;
import io.spate.runtime.network.SubtaskLocation;
import io.spate.runtime.resourcemanager.NotEnoughResourcesException;
import io.spate.runtime.resourcemanager.ResourceManagerGateway;
import io.spate.runtime.resourcemanager.SlotOffer;
import io.spate.runtime.rpc.RpcService;
import io.spate.api.common.JobStatus;
import io.spate.runtime.taskexecutor.gateway.TaskExecutorGateway;
import io.spate.runtime.execution.ExecutionState;
import io.spate.runtime.tasks.ShippableJobGraph;
import io.spate.runtime.tasks.TaskDeploymentDescriptor;
import io.spate.runtime.execution.TaskExecutionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts one job's subtasks onto task slots: owns the job's {@link ExecutionGraph}, asks the ResourceManager
 * for slots (again, or for replacements, when TaskExecutors are lost, waiting up to {@code
 * slot.request.timeout}), assigns each subtask its slot and its state to restore, deploys to the
 * TaskExecutors and cancels there. Decides nothing about failures; main thread only.
 */
final class JobScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);
  // How long a restart waits for the ResourceManager to stop offering slots on TaskExecutors this
  // JobMaster already knows to be lost: longer than the default heartbeat.timeout (50 s).
  private static final Duration LOST_TASK_EXECUTOR_GRACE = Duration.ofMinutes(2);

  private final JobGraph job;
  // Serialized at most once, when the first deployment leaves the process.
  private final ShippableJobGraph shippableJob;
  private final RpcService rpcService;
  private final String resourceManagerAddress;
  private final Supplier<String> jobMasterAddress;
  private final MainThread mainThread;
  private final JobLifecycle lifecycle;
  private final Supplier<CheckpointCoordinator> checkpoints;
  private final Consumer<TaskExecutionState> deploymentFailed;
  private final BiConsumer<String, String> taskExecutorUnreachable;
  private final Map<String, TaskExecutorGateway> taskExecutorsByAddress = new HashMap<>();
  private final LostTaskExecutors lostTaskExecutors = new LostTaskExecutors();
  private ExecutionGraph executionGraph;
  private ResourceManagerGateway resourceManager;
  private List<SlotOffer> offers;
  private Map<String, Integer> slotsPerGroup;
  // While slots lost with a TaskExecutor are being replaced for restarting regions.
  private CompletableFuture<Void> slotReplacement;

  /**
   * A scheduler for {@code job}, shipped to TaskExecutors as {@code shippableJob}, whose JobMaster answers
   * at {@code jobMasterAddress}; a subtask that cannot be submitted is reported to {@code deploymentFailed}
   * as FAILED, and a TaskExecutor that a call cannot reach to {@code taskExecutorUnreachable} (address,
   * reason).
   */
  JobScheduler(JobGraph job, ShippableJobGraph shippableJob, RpcService rpcService, String resourceManagerAddress,
      Supplier<String> jobMasterAddress, MainThread mainThread, JobLifecycle lifecycle, Supplier<CheckpointCoordinator> checkpoints,
      Consumer<TaskExecutionState> deploymentFailed, BiConsumer<String, String> taskExecutorUnreachable) {
    this.job = job;
    this.shippableJob = shippableJob;
    this.rpcService = rpcService;
    this.resourceManagerAddress = resourceManagerAddress;
    this.jobMasterAddress = jobMasterAddress;
    this.mainThread = mainThread;
    this.lifecycle = lifecycle;
    this.checkpoints = checkpoints;
    this.deploymentFailed = deploymentFailed;
    this.taskExecutorUnreachable = taskExecutorUnreachable;
  }

  /** The current executions, or null before the job was first scheduled. */
  ExecutionGraph executionGraph() {
    return executionGraph;
  }

  /** Replaces every execution with a new one of attempt {@code attempt}, for a (re)start of the whole job. */
  void newExecutionGraph(int attempt) {
    executionGraph = new ExecutionGraph(job, attempt);
  }

  /**
   * Asks the ResourceManager for the job's slots, as many per slot sharing group as its widest vertex has
   * subtasks, and deploys the job to them.
   */
  void requestSlotsAndDeploy() {
    Map<String, Integer> slotsPerGroup = new LinkedHashMap<>();
    for (JobVertex vertex : job.vertices()) {
      slotsPerGroup.merge(vertex.getSlotSharingGroup(), vertex.getParallelism(), Math::max);
    }
    int slotsNeeded = slotsPerGroup.values().stream().mapToInt(Integer::intValue).sum();
    rpcService.connect(resourceManagerAddress, ResourceManagerGateway.class)
        .thenCompose(rm -> {
          resourceManager = rm;
          return rm.requestSlots(job.jobId(), jobMasterAddress.get(), slotsNeeded);
        })
        .whenCompleteAsync((offers, error) -> {
          if (error != null) {
            Throwable cause = unwrap(error);
            lifecycle.failJob(new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId()
                + ") could not get task slots: " + cause.getMessage(), cause));
          } else {
            deploy(offers, slotsPerGroup, executionGraph.executions());
          }
        }, mainThread);
  }

  /**
   * Deploys the whole job again after a restart: to the slots it held, or, if some were on lost
   * TaskExecutors, to slots asked for again.
   */
  void redeployAll() {
    if (lostTaskExecutors.any()) {
      requestSlotsAgainAndDeploy(newSlotWait());
    } else {
      deploy(offers, slotsPerGroup, executionGraph.executions());
    }
  }

  /**
   * Replaces the executions of the vertices {@code vertexIds} with new ones of attempt {@code attempt}, for
   * a restart of their region; returns the new executions, to {@link #deploy(Collection)}.
   */
  List<Execution> replace(Set<Integer> vertexIds, int attempt) {
    return executionGraph.replace(vertexIds, attempt);
  }

  /** Deploys {@code fresh}, new executions of a restarting region, to the slots the old ones ran in. */
  void deploy(Collection<Execution> fresh) {
    deploy(offers, slotsPerGroup, fresh);
  }

  /**
   * Deploys {@code toDeploy} (all executions, or those of restarting regions) to their slots among
   * {@code offers}; a subtask always gets the same slot of the offers.
   */
  private void deploy(List<SlotOffer> offers, Map<String, Integer> slotsPerGroup, Collection<Execution> toDeploy) {
    this.offers = offers;
    this.slotsPerGroup = slotsPerGroup;
    JobStatus status = lifecycle.status();
    if (status != JobStatus.RUNNING) {
      if (status.isTerminal()) {
        // The job ended (cancelled) while its slot request was in flight: give the slots back.
        resourceManager.releaseSlots(job.jobId());
      } else {
        lifecycle.checkTerminal();
      }
      return;
    }
    Map<Integer, TaskRestore[]> restores;
    CheckpointMetadata recovery = checkpoints.get().latestForRecovery();
    try {
      restores = restoresFor(recovery);
    } catch (RuntimeException e) {
      lifecycle.failJob(new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId() + ") failed: "
          + e.getMessage(), e));
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
    String misplaced = CoLocation.violation(slots);
    if (misplaced != null) {
      lifecycle.failJob(new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId() + ") cannot be placed: "
          + misplaced + ".", null));
      return;
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
      if (executionGraph == deploying && lifecycle.status() == JobStatus.RUNNING) {
        submitTasks(deployed, slots, gateways, recovery, restores, locations);
      }
      return null;
    }, mainThread);
  }

  private void submitTasks(List<Execution> toDeploy, Map<Execution, SlotOffer> slots,
      Map<String, CompletableFuture<TaskExecutorGateway>> gateways, CheckpointMetadata recovery,
      Map<Integer, TaskRestore[]> restores, Map<Integer, SubtaskLocation[]> locations) {
    for (Map.Entry<String, CompletableFuture<TaskExecutorGateway>> gateway : gateways.entrySet()) {
      if (gateway.getValue().isCompletedExceptionally()) {
        Throwable cause = gateway.getValue().handle((g, t) -> t).join();
        cause = unwrap(cause);
        taskExecutorUnreachable.accept(gateway.getKey(), "it cannot be reached: " + cause.getMessage());
      } else {
        taskExecutorsByAddress.put(gateway.getKey(), gateway.getValue().join());
      }
    }
    if (lifecycle.status() != JobStatus.RUNNING) {
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
      taskExecutor.submitTask(new TaskDeploymentDescriptor(execution.attemptId, shippableJob, jobMasterAddress.get(),
              restore, locations))
          .whenCompleteAsync((ok, error) -> {
            if (error != null) {
              Throwable cause = unwrap(error);
              deploymentFailed.accept(new TaskExecutionState(execution.attemptId, ExecutionState.FAILED,
                  cause, 0, 0));
            }
          }, mainThread);
    }
    checkpoints.get().startPeriodicCheckpoints();
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

  /** What each subtask restores from {@code metadata}, by vertex id; null if there is nothing to restore. */
  private Map<Integer, TaskRestore[]> restoresFor(CheckpointMetadata metadata) {
    if (metadata == null) {
      return null;
    }
    String source = (metadata.type().isSavepoint() ? "savepoint " : "checkpoint ") + metadata.checkpointId();
    Map<Integer, TaskRestore[]> restores = StateAssignment.assign(job, metadata,
        job.configuration().get(SavepointOptions.ALLOW_NON_RESTORED_STATE), source);
    checkpoints.get().noteRestore(metadata);
    return restores;
  }

  /**
   * Cancels the executions that have not ended; one never deployed is CANCELED at once, the others
   * are CANCELING until their TaskExecutor reports.
   */
  void cancelExecutions(Collection<Execution> executions) {
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
            taskExecutorUnreachable.accept(address, "cancelling a subtask there failed: " + cause);
          }
        }, mainThread);
      }
    }
  }

  /** Cancels every execution that has not ended. */
  void cancelExecutions() {
    cancelExecutions(executionGraph.executions());
  }

  /**
   * Records the TaskExecutor at {@code address} as lost; true if the job held slots there and it was not
   * known lost already.
   */
  boolean markLost(String address) {
    if (!lostTaskExecutors.markLost(address, offers)) {
      return false;
    }
    taskExecutorsByAddress.remove(address);
    return true;
  }

  /** Whether some of the job's slots were on a TaskExecutor since lost. */
  boolean lostSlots() {
    return lostTaskExecutors.any();
  }

  /** Tells the ResourceManager, if connected, that this JobMaster cannot reach the TaskExecutor at {@code address}. */
  void reportUnreachable(String address, String reason) {
    if (resourceManager != null) {
      resourceManager.reportUnreachableTaskExecutor(address, reason);
    }
  }

  /** Gives the job's slots back to the ResourceManager, if connected. */
  void releaseSlots() {
    if (resourceManager != null) {
      resourceManager.releaseSlots(job.jobId());
    }
  }

  /**
   * Asks the ResourceManager for as many more slots as the job held on lost TaskExecutors and puts them
   * in their places, so that every subtask keeps its slot index; one request serves every region
   * waiting for it. Waits up to {@code slot.request.timeout} for enough slots, then completes
   * exceptionally.
   */
  CompletableFuture<Void> replaceLostSlots() {
    if (slotReplacement != null) {
      return slotReplacement;
    }
    CompletableFuture<Void> replacement = new CompletableFuture<>();
    slotReplacement = replacement;
    replacement.whenCompleteAsync((ok, error) -> slotReplacement = null, mainThread);
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
    resourceManager.requestAdditionalSlots(job.jobId(), jobMasterAddress.get(), places.size())
        .orTimeout(Math.max(1, wait.remainingMillis()), TimeUnit.MILLISECONDS)
        .whenCompleteAsync((more, error) -> {
          if (error != null) {
            Throwable cause = unwrap(error);
            if (lifecycle.status() == JobStatus.RUNNING && waitsForSlots(wait, cause, places.size(), lost)) {
              mainThread.schedule(() -> askForReplacementSlots(replacement, wait), wait.nextRetryMillis());
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
        }, mainThread);
  }

  private SlotWait newSlotWait() {
    return new SlotWait(job.configuration().get(JobManagerOptions.SLOT_REQUEST_TIMEOUT));
  }

  /**
   * Some slots were on lost TaskExecutors: asks for the job's slots again, on those that are left,
   * waiting up to {@code slot.request.timeout} for enough of them.
   */
  private void requestSlotsAgainAndDeploy(SlotWait wait) {
    List<String> lost = lostTaskExecutors.addresses();
    int slotsNeeded = slotsPerGroup.values().stream().mapToInt(Integer::intValue).sum();
    LOG.debug("Job '{}' ({}) requests its {} slots again: TaskExecutor(s) {} were lost", job.jobName(), job.jobId(),
        slotsNeeded, lost);
    ExecutionGraph graph = executionGraph;
    resourceManager.requestSlots(job.jobId(), jobMasterAddress.get(), slotsNeeded)
        .orTimeout(Math.max(1, wait.remainingMillis()), TimeUnit.MILLISECONDS)
        .whenCompleteAsync((newOffers, error) -> {
          if (error != null) {
            if (lifecycle.status() != JobStatus.RUNNING || executionGraph != graph) {
              return; // the job ended, or restarts again, meanwhile
            }
            Throwable cause = unwrap(error);
            if (waitsForSlots(wait, cause, slotsNeeded, lost)) {
              mainThread.schedule(() -> {
                if (lifecycle.status() == JobStatus.RUNNING && executionGraph == graph) {
                  requestSlotsAgainAndDeploy(wait);
                }
              }, wait.nextRetryMillis());
              return;
            }
            lifecycle.failJob(new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId() + ") failed: it could"
                + " not get the " + slotsNeeded + " task slots it needs after losing TaskExecutor(s) " + lost + ": "
                + wait.failure(String.valueOf(cause.getMessage())), cause));
            return;
          }
          List<String> stillOffered = lostTaskExecutors.offeredIn(newOffers);
          if (!stillOffered.isEmpty() && lifecycle.status() == JobStatus.RUNNING
              && System.nanoTime() - wait.startNanos() < LOST_TASK_EXECUTOR_GRACE.toNanos()) {
            // This JobMaster found out first; the ResourceManager drops them within its heartbeat timeout.
            long retryMillis = wait.nextRetryMillis();
            LOG.info("Job '{}' ({}): the ResourceManager still offers slots on lost TaskExecutor(s) {}; asking again"
                + " in {} ms", job.jobName(), job.jobId(), stillOffered, retryMillis);
            this.offers = newOffers;
            mainThread.schedule(() -> {
              if (lifecycle.status() == JobStatus.RUNNING && executionGraph == graph) {
                requestSlotsAgainAndDeploy(wait);
              }
            }, retryMillis);
            return;
          }
          lostTaskExecutors.clear();
          deploy(newOffers, slotsPerGroup, executionGraph.executions());
        }, mainThread);
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
}
