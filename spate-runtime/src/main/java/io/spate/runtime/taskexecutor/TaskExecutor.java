package io.spate.runtime.taskexecutor;

import io.spate.api.common.JobID;
import io.spate.runtime.heartbeat.HeartbeatMonitor;
import io.spate.runtime.heartbeat.HeartbeatSettings;
import io.spate.runtime.jobmaster.JobMasterGateway;
import io.spate.runtime.metrics.TaskMetricGroup;
import io.spate.runtime.network.LocalShuffleEnvironment;
import io.spate.runtime.resourcemanager.ResourceManagerGateway;
import io.spate.runtime.rpc.RpcEndpoint;
import io.spate.runtime.rpc.RpcService;
import io.spate.runtime.source.OperatorEvent;
import io.spate.runtime.tasks.ExecutionAttemptID;
import io.spate.runtime.tasks.ExecutionState;
import io.spate.runtime.tasks.StreamTask;
import io.spate.runtime.tasks.TaskDeploymentDescriptor;
import io.spate.runtime.tasks.TaskExecutionState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.spate.runtime.checkpoint.CheckpointBarrier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The worker role: offers task slots to the ResourceManager and runs the subtasks the JobMasters
 * deploy to it on its pool of cooperative worker threads.
 */
public final class TaskExecutor extends RpcEndpoint implements TaskExecutorGateway {

  private static final long CANCEL_WATCH_INTERVAL_MS = 3000;
  private static final int CANCEL_WATCH_ROUNDS = 20;

  private final int numberOfSlots;
  private final WorkerPool workers;
  private final LocalShuffleEnvironment shuffle;
  private final Map<ExecutionAttemptID, StreamTask> tasks = new HashMap<>();
  private volatile ResourceManagerConnection resourceManagerConnection;
  // Writes the asynchronous part of snapshots, so that tasks go on processing meanwhile.
  private final ExecutorService checkpointIo;

  /** Creates the TaskExecutor and starts its workers. */
  public TaskExecutor(RpcService rpcService, String address, int numberOfSlots, int workerThreads,
      LocalShuffleEnvironment shuffle) {
    super(rpcService, address);
    this.numberOfSlots = numberOfSlots;
    this.shuffle = shuffle;
    this.workers = new WorkerPool(address, workerThreads);
    this.checkpointIo = Executors.newFixedThreadPool(Math.max(2, workerThreads), runnable -> {
      Thread thread = new Thread(runnable, address + "-checkpoint-io");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Registers with the ResourceManager at {@code resourceManagerAddress}, expecting heartbeats at the
   * default {@code heartbeat.*} settings; see {@link #registerAt(String, HeartbeatSettings)}.
   */
  public CompletableFuture<Void> registerAt(String resourceManagerAddress) {
    return registerAt(resourceManagerAddress, HeartbeatSettings.DEFAULT);
  }

  /**
   * Registers with the ResourceManager at {@code resourceManagerAddress}, retrying until it succeeds
   * or this TaskExecutor closes; completes with the first registration. From then on the
   * ResourceManager must send heartbeats: after {@code heartbeat.timeout} without one this
   * TaskExecutor cancels all its tasks and registers again, with all its slots free. A second call
   * replaces the first.
   */
  public CompletableFuture<Void> registerAt(String resourceManagerAddress, HeartbeatSettings heartbeat) {
    return callAsync(() -> {
      if (resourceManagerConnection != null) {
        resourceManagerConnection.close();
      }
      resourceManagerConnection = new ResourceManagerConnection(getAddress(), resourceManagerAddress, heartbeat,
          this::scheduleRunAsync, getMainThreadExecutor(), HeartbeatMonitor::monotonicMillis,
          address -> rpcService.connect(address, ResourceManagerGateway.class)
              .thenCompose(rm -> rm.registerTaskExecutor(getAddress(), numberOfSlots)),
          this::cancelAllTasks);
      return resourceManagerConnection.start();
    }).thenCompose(registered -> registered);
  }

  @Override
  public CompletableFuture<SlotReport> heartbeatFromResourceManager(String resourceManagerAddress) {
    return callAsync(() -> {
      boolean registered = false;
      if (resourceManagerConnection != null) {
        resourceManagerConnection.heartbeatReceived(resourceManagerAddress);
        registered = resourceManagerConnection.isRegistered()
            && resourceManagerConnection.resourceManagerAddress().equals(resourceManagerAddress);
      }
      return new SlotReport(getAddress(), numberOfSlots, tasks.size(), registered);
    });
  }

  /** The JobManager is gone: no one would follow these tasks, so they stop. */
  private void cancelAllTasks(String reason) {
    if (!tasks.isEmpty()) {
      org.slf4j.LoggerFactory.getLogger(TaskExecutor.class).warn("TaskExecutor {} cancels its {} tasks: {}",
          getAddress(), tasks.size(), reason);
    }
    for (StreamTask task : tasks.values()) {
      task.cancel();
      ExecutionAttemptID attemptId = task.attemptId();
      scheduleRunAsync(() -> watchCancellation(attemptId, 1), CANCEL_WATCH_INTERVAL_MS);
    }
  }

  @Override
  public CompletableFuture<Void> submitTask(TaskDeploymentDescriptor tdd) {
    return rpcService.connect(tdd.jobMasterAddress(), JobMasterGateway.class).thenAcceptAsync(jobMaster -> {
      ExecutionAttemptID id = tdd.attemptId();
      TaskMetricGroup metrics = new TaskMetricGroup(List.of(tdd.jobGraph().jobName(), tdd.vertex().getName(),
          String.valueOf(tdd.subtaskIndex())));
      StreamTask task = new StreamTask(tdd, shuffle,
          event -> jobMaster.sendOperatorEventToCoordinator(id, tdd.vertex().getHead().getId(), event),
          (t, state, failure) -> onTaskStateChange(jobMaster, t, state, failure), metrics,
          jobMaster, checkpointIo);
      tasks.put(id, task);
      workers.submit(task);
    }, getMainThreadExecutor());
  }

  private void onTaskStateChange(JobMasterGateway jobMaster, StreamTask task, ExecutionState state, Throwable failure) {
    jobMaster.updateTaskExecutionState(new TaskExecutionState(task.attemptId(), state, failure,
        task.recordsIn(), task.sourceRecordsOut()));
    if (state.isTerminal()) {
      runAsync(() -> tasks.remove(task.attemptId()));
    }
  }

  @Override
  public CompletableFuture<Void> cancelTask(ExecutionAttemptID attemptId) {
    return callAsync(() -> {
      StreamTask task = tasks.get(attemptId);
      if (task != null) {
        task.cancel();
        scheduleRunAsync(() -> watchCancellation(attemptId, 1), CANCEL_WATCH_INTERVAL_MS);
      }
      return null;
    });
  }

  private void watchCancellation(ExecutionAttemptID attemptId, int round) {
    StreamTask task = tasks.get(attemptId);
    if (task == null) {
      return;
    }
    task.interruptIfStuck(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(CANCEL_WATCH_INTERVAL_MS));
    if (round < CANCEL_WATCH_ROUNDS) {
      scheduleRunAsync(() -> watchCancellation(attemptId, round + 1), CANCEL_WATCH_INTERVAL_MS);
    } else {
      org.slf4j.LoggerFactory.getLogger(TaskExecutor.class).warn(
          "Task {} has not stopped {} ms after it was cancelled", task.name(),
          CANCEL_WATCH_INTERVAL_MS * CANCEL_WATCH_ROUNDS);
    }
  }

  @Override
  public void sendOperatorEventToTask(ExecutionAttemptID attemptId, int operatorId, OperatorEvent event) {
    StreamTask task = tasks.get(attemptId);
    if (task != null) {
      task.deliverOperatorEvent(operatorId, event);
    }
  }

  @Override
  public void triggerCheckpoint(ExecutionAttemptID attemptId, CheckpointBarrier barrier) {
    StreamTask task = tasks.get(attemptId);
    if (task != null) {
      task.triggerCheckpoint(barrier);
    }
  }

  @Override
  public void notifyCheckpointComplete(ExecutionAttemptID attemptId, long checkpointId) {
    StreamTask task = tasks.get(attemptId);
    if (task != null) {
      task.notifyCheckpointComplete(checkpointId);
    }
  }

  @Override
  public void resumeAfterFailedStop(ExecutionAttemptID attemptId) {
    StreamTask task = tasks.get(attemptId);
    if (task != null) {
      task.resumeAfterFailedStop();
    }
  }

  @Override
  public void notifyCheckpointAborted(ExecutionAttemptID attemptId, long checkpointId) {
    StreamTask task = tasks.get(attemptId);
    if (task != null) {
      task.notifyCheckpointAborted(checkpointId);
    }
  }

  @Override
  public CompletableFuture<Map<String, Long>> requestJobCounters(JobID jobId) {
    return callAsync(() -> {
      long in = 0;
      long sourceOut = 0;
      for (StreamTask task : tasks.values()) {
        if (task.attemptId().jobId().equals(jobId)) {
          in += task.recordsIn();
          sourceOut += task.sourceRecordsOut();
        }
      }
      return Map.of(TaskExecutionState.RECORDS_IN, in, TaskExecutionState.SOURCE_RECORDS_OUT, sourceOut);
    });
  }

  @Override
  public void close() {
    ResourceManagerConnection connection = resourceManagerConnection;
    if (connection != null) {
      connection.close();
    }
    super.close();
    workers.close();
    checkpointIo.shutdownNow();
  }
}
