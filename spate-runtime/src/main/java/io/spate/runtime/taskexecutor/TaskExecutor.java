package io.spate.runtime.taskexecutor;

import io.spate.runtime.taskexecutor.gateway.SlotReport;
import io.spate.runtime.taskexecutor.gateway.TaskExecutorGateway;
import io.spate.runtime.worker.WorkerPool;
import io.spate.api.common.JobID;
import io.spate.runtime.heartbeat.HeartbeatMonitor;
import io.spate.runtime.heartbeat.HeartbeatSettings;
import io.spate.runtime.jobmaster.JobMasterGateway;
import io.spate.runtime.metrics.JvmMetrics;
import io.spate.runtime.metrics.LocalHost;
import io.spate.runtime.metrics.MetricRegistry;
import io.spate.runtime.metrics.groups.TaskManagerMetricGroup;
import io.spate.runtime.metrics.groups.TaskMetricGroup;
import io.spate.runtime.graph.JobEdge;
import io.spate.runtime.network.ChannelId;
import io.spate.runtime.network.LocalShuffleEnvironment;
import io.spate.runtime.network.ShuffleEnvironment;
import io.spate.runtime.network.remote.NetworkShuffleEnvironment;
import io.spate.runtime.network.remote.RemoteShuffleService;
import io.spate.runtime.resourcemanager.ResourceManagerGateway;
import io.spate.runtime.rpc.ClusterObjectFilter;
import io.spate.runtime.rpc.RpcEndpoint;
import io.spate.runtime.rpc.RpcService;
import io.spate.runtime.source.OperatorEvent;
import io.spate.runtime.execution.ExecutionAttemptID;
import io.spate.runtime.execution.ExecutionState;
import io.spate.runtime.tasks.StreamTask;
import io.spate.runtime.tasks.TaskDeploymentDescriptor;
import io.spate.runtime.execution.TaskExecutionState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
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
  private final ShuffleEnvironment shuffle;
  private final RemoteShuffleService dataPlane;
  private final DataPlaneSettings dataPlaneSettings;
  private final Map<ExecutionAttemptID, StreamTask> tasks = new HashMap<>();
  // Main thread only: attempts submitted but not yet created (their code or JobMaster being fetched),
  // and those of them cancelled meanwhile; both hold at most the submissions in flight.
  private final java.util.Set<ExecutionAttemptID> submitting = new java.util.HashSet<>();
  private final java.util.Set<ExecutionAttemptID> cancelledWhileSubmitting = new java.util.HashSet<>();
  private volatile ResourceManagerConnection resourceManagerConnection;
  // Writes the asynchronous part of snapshots, so that tasks go on processing meanwhile.
  private final ExecutorService checkpointIo;
  private final JobClassLoaders jobClassLoaders;
  private final TaskManagerMetricGroup metrics;
  // The final metrics of the latest ended subtasks, so that a metric fetch after a short job still sees them.
  // At most one flame graph samples the workers at a time, on a thread of its own.
  private final java.util.concurrent.atomic.AtomicBoolean sampling = new java.util.concurrent.atomic.AtomicBoolean();
  private final io.spate.runtime.metrics.dump.EndedTaskMetrics endedTaskMetrics =
      new io.spate.runtime.metrics.dump.EndedTaskMetrics(256);
  // The registry this TaskExecutor made itself (none was given), closed with it; else null.
  private final MetricRegistry ownRegistry;

  /** Creates a TaskExecutor whose channels are all in-process ones of {@code shuffle}, and starts its workers. */
  public TaskExecutor(RpcService rpcService, String address, int numberOfSlots, int workerThreads,
      LocalShuffleEnvironment shuffle) {
    this(rpcService, address, numberOfSlots, workerThreads, shuffle, null);
  }

  /**
   * Creates a TaskExecutor and starts its workers; with {@code dataPlane} (null for none), channels to
   * subtasks of other TaskExecutors go over the network, listening where the settings say.
   */
  public TaskExecutor(RpcService rpcService, String address, int numberOfSlots, int workerThreads,
      LocalShuffleEnvironment shuffle, DataPlaneSettings dataPlane) {
    this(rpcService, address, numberOfSlots, workerThreads, shuffle, dataPlane, null);
  }

  /**
   * Like {@link #TaskExecutor(RpcService, String, int, int, LocalShuffleEnvironment, DataPlaneSettings)},
   * registering its metrics and those of its tasks in {@code metricRegistry} (null: a registry of its
   * own without reporters).
   */
  public TaskExecutor(RpcService rpcService, String address, int numberOfSlots, int workerThreads,
      LocalShuffleEnvironment shuffle, DataPlaneSettings dataPlane, MetricRegistry metricRegistry) {
    super(rpcService, address);
    this.ownRegistry = metricRegistry == null ? MetricRegistry.withoutReporters() : null;
    this.metrics = new TaskManagerMetricGroup(metricRegistry == null ? ownRegistry : metricRegistry,
        LocalHost.name(), address);
    JvmMetrics.register(metrics);
    this.numberOfSlots = numberOfSlots;
    this.dataPlaneSettings = dataPlane;
    if (dataPlane == null) {
      this.dataPlane = null;
      this.shuffle = shuffle;
    } else {
      this.dataPlane = new RemoteShuffleService(dataPlane.options(), this::onChannelFailed, dataPlane.configuration());
      this.dataPlane.start(dataPlane.bindHost(), dataPlane.port());
      this.shuffle = new NetworkShuffleEnvironment(externalAddress(), shuffle, this.dataPlane);
    }
    this.workers = new WorkerPool(address, workerThreads);
    this.jobClassLoaders = new JobClassLoaders(address, rpcService,
        dataPlane == null ? new io.spate.api.configuration.Configuration() : dataPlane.configuration());
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
   * replaces the first; when it names another ResourceManager (a new leading JobManager) the tasks of
   * the former one are cancelled, since their jobs now run under the new leader.
   */
  public CompletableFuture<Void> registerAt(String resourceManagerAddress, HeartbeatSettings heartbeat) {
    return callAsync(() -> {
      if (resourceManagerConnection != null) {
        resourceManagerConnection.close();
        if (!resourceManagerConnection.resourceManagerAddress().equals(resourceManagerAddress)) {
          cancelAllTasks("the leading JobManager is now the one of the ResourceManager at " + resourceManagerAddress);
        }
      }
      resourceManagerConnection = new ResourceManagerConnection(externalAddress(), resourceManagerAddress, heartbeat,
          this::scheduleRunAsync, getMainThreadExecutor(), HeartbeatMonitor::monotonicMillis,
          address -> rpcService.connect(address, ResourceManagerGateway.class)
              .thenCompose(rm -> rm.registerTaskExecutor(externalAddress(), numberOfSlots, dataAddress())),
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
      java.lang.management.MemoryUsage heap = java.lang.management.ManagementFactory.getMemoryMXBean()
          .getHeapMemoryUsage();
      return new SlotReport(externalAddress(), numberOfSlots, tasks.size(), registered, heap.getUsed(),
          heap.getCommitted(), heap.getMax());
    });
  }

  @Override
  public void disconnectResourceManager(String resourceManagerAddress, String reason) {
    runAsync(() -> {
      if (resourceManagerConnection != null
          && resourceManagerConnection.resourceManagerAddress().equals(resourceManagerAddress)) {
        resourceManagerConnection.disconnected("the ResourceManager at " + resourceManagerAddress
            + " dropped this TaskExecutor: " + reason);
      }
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

  /** How many channel ends this TaskExecutor's tasks have opened over the network so far. */
  public long networkChannelEnds() {
    return shuffle instanceof NetworkShuffleEnvironment network ? network.networkChannelEnds() : 0;
  }

  /** Where this TaskExecutor's data plane listens, or null if its channels are all in-process. */
  public java.net.InetSocketAddress dataAddress() {
    return dataPlane == null ? null : dataPlaneSettings.addressForPeers(dataPlane.address());
  }

  /**
   * A network channel failed (on an event loop). A consuming task learns it from the channel itself;
   * the producing task is failed here, since its channel just stops draining.
   */
  private void onChannelFailed(ChannelId id, boolean outbound, String cause) {
    if (!outbound) {
      return;
    }
    runAsync(() -> {
      for (StreamTask task : tasks.values()) {
        if (produces(task, id)) {
          task.fail(new java.io.IOException("Channel " + id + " to a subtask on another TaskExecutor failed: " + cause));
        }
      }
    });
  }

  private static boolean produces(StreamTask task, ChannelId id) {
    ExecutionAttemptID attempt = task.attemptId();
    if (!attempt.jobId().equals(id.jobId()) || attempt.attemptNumber() != id.attempt()
        || attempt.subtaskIndex() != id.producer()) {
      return false;
    }
    for (JobEdge edge : task.vertex().getOutputs()) {
      if (edge.id() == id.edgeId()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public CompletableFuture<Void> submitTask(TaskDeploymentDescriptor tdd) {
    ExecutionAttemptID id = tdd.attemptId();
    // A graph from another process is read with the job's class loader, which may first be downloaded.
    CompletableFuture<Void> graphLoaded = tdd.isJobGraphLoaded() ? CompletableFuture.completedFuture(null)
        : jobClassLoaders.acquire(tdd).thenAccept(loader -> loadJobGraph(tdd, loader));
    runAsync(() -> submitting.add(id));
    CompletableFuture<Void> created = graphLoaded
        .thenCompose(v -> rpcService.connect(tdd.jobMasterAddress(), JobMasterGateway.class))
        .thenAcceptAsync(jobMaster -> {
      submitting.remove(id);
      if (cancelledWhileSubmitting.remove(id)) {
        // Cancelled while its code or JobMaster was still being fetched: it never starts.
        jobClassLoaders.release(id);
        jobMaster.updateTaskExecutionState(new TaskExecutionState(id, ExecutionState.CANCELED, null, 0, 0));
        return;
      }
      TaskMetricGroup taskMetrics = metrics.addTask(id.jobId(), tdd.jobGraph().jobName(),
          String.valueOf(tdd.vertex().getId()), id.toString(), tdd.vertex().getName(), tdd.subtaskIndex(),
          id.attemptNumber());
      StreamTask task;
      try {
        task = new StreamTask(tdd, shuffle,
            event -> jobMaster.sendOperatorEventToCoordinator(id, tdd.vertex().getHead().getId(), event),
            (t, state, failure) -> onTaskStateChange(jobMaster, t, state, failure), taskMetrics,
            jobMaster, checkpointIo);
      } catch (RuntimeException | Error e) {
        metrics.removeTask(id.jobId(), id.toString());
        throw e;
      }
      tasks.put(id, task);
      workers.submit(task);
    }, getMainThreadExecutor());
    return created.exceptionallyCompose(failure -> {
      runAsync(() -> {
        submitting.remove(id);
        cancelledWhileSubmitting.remove(id);
      });
      jobClassLoaders.release(id);
      return CompletableFuture.failedFuture(
          failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
              ? failure.getCause() : failure);
    });
  }

  private void loadJobGraph(TaskDeploymentDescriptor tdd, ClassLoader loader) {
    try {
      tdd.loadJobGraph(loader, jobGraphFilter(loader));
    } catch (java.io.IOException | RuntimeException e) {
      throw new java.util.concurrent.CompletionException(new java.io.IOException("TaskExecutor " + getAddress()
          + " cannot read the job graph of " + tdd.attemptId() + ": " + e.getMessage(), e));
    }
  }

  /** The class loaders of the jobs with jars whose tasks run here, for checks. */
  public JobClassLoaders jobClassLoaders() {
    return jobClassLoaders;
  }

  private static java.io.ObjectInputFilter jobGraphFilter(ClassLoader loader) {
    return ClusterObjectFilter.ofMaxBytes(Integer.MAX_VALUE).withUserClassLoader(loader);
  }

  private void onTaskStateChange(JobMasterGateway jobMaster, StreamTask task, ExecutionState state, Throwable failure) {
    TaskExecutionState update = new TaskExecutionState(task.attemptId(), state, failure,
        task.recordsIn(), task.sourceRecordsOut());
    if (state == ExecutionState.FINISHED && !task.accumulators().isEmpty()) {
      update = withAccumulators(update, task);
    }
    if (state.isTerminal()) {
      // Counts read above; the metrics go before the JobMaster hears of the end: an ended task leaves none behind.
      retainEndedTaskMetrics(task.attemptId());
      metrics.removeTask(task.attemptId().jobId(), task.attemptId().toString());
    }
    jobMaster.updateTaskExecutionState(update);
    if (state.isTerminal()) {
      runAsync(() -> tasks.remove(task.attemptId()));
      jobClassLoaders.release(task.attemptId());
    }
  }

  /**
   * The report of a finished task with its accumulators; if one cannot be serialized, the report of a
   * failed task that names it, since the job's result would otherwise lack it.
   */
  private static TaskExecutionState withAccumulators(TaskExecutionState finished, StreamTask task) {
    java.util.Map<String, io.spate.api.accumulators.Accumulator<?, ?>> accumulators =
        new java.util.TreeMap<>(task.accumulators());
    try {
      return new TaskExecutionState(finished.attemptId(), finished.state(), null, finished.recordsIn(),
          finished.sourceRecordsOut(), io.spate.runtime.rpc.SerializedValue.of(accumulators));
    } catch (java.io.IOException | RuntimeException e) {
      return new TaskExecutionState(finished.attemptId(), ExecutionState.FAILED,
          new java.io.IOException("Subtask " + task.attemptId() + " finished, but its accumulators "
              + accumulators.keySet() + " cannot be serialized to reach the job's result: " + e, e),
          finished.recordsIn(), finished.sourceRecordsOut());
    }
  }

  @Override
  public CompletableFuture<Void> cancelTask(ExecutionAttemptID attemptId) {
    return callAsync(() -> {
      StreamTask task = tasks.get(attemptId);
      if (task != null) {
        task.cancel();
        scheduleRunAsync(() -> watchCancellation(attemptId, 1), CANCEL_WATCH_INTERVAL_MS);
      } else if (submitting.contains(attemptId)) {
        cancelledWhileSubmitting.add(attemptId); // reported CANCELED once its submission gets this far
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
  public CompletableFuture<io.spate.runtime.metrics.dump.MetricDump> requestMetricDump() {
    // Read off the main thread: the metrics are read without locks, and a large dump should not delay task calls.
    return CompletableFuture.supplyAsync(
        () -> endedTaskMetrics.before(io.spate.runtime.metrics.dump.MetricDumper.dump(metrics)));
  }

  @Override
  public CompletableFuture<java.util.List<io.spate.runtime.cluster.ThreadDump.Entry>> requestThreadDump() {
    return CompletableFuture.supplyAsync(io.spate.runtime.cluster.ThreadDump::take);
  }

  @Override
  public CompletableFuture<java.util.List<io.spate.runtime.cluster.ProcessLogs.LogFile>> requestLogList() {
    return CompletableFuture.supplyAsync(() -> {
      io.spate.runtime.cluster.ProcessLogs logs = io.spate.runtime.cluster.ProcessLogs.ofThisProcess();
      try {
        return logs.hasLogFile() ? logs.list() : null;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("Listing the log files failed: " + e.getMessage(), e);
      }
    });
  }

  @Override
  public CompletableFuture<io.spate.runtime.cluster.ProcessLogs.LogTail> requestLogFile(String name) {
    return CompletableFuture.supplyAsync(() -> {
      io.spate.runtime.cluster.ProcessLogs logs = io.spate.runtime.cluster.ProcessLogs.ofThisProcess();
      try {
        return logs.tail(name == null ? logs.logFileName() : name);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("Reading log file " + name + " failed: " + e.getMessage(), e);
      }
    });
  }

  @Override
  public CompletableFuture<java.util.List<java.util.List<String>>> requestStackSamples(JobID jobId, int vertexId,
      String type, int samples, long delayMillis, int maxDepth) {
    VertexStackSampler.Type kind = VertexStackSampler.Type.valueOf(type.toUpperCase(java.util.Locale.ROOT));
    if (!sampling.compareAndSet(false, true)) {
      return CompletableFuture.failedFuture(new IllegalStateException("TaskManager " + getAddress() + " is sampling"
          + " stacks for another flame graph already; ask again once it is done."));
    }
    CompletableFuture<java.util.List<java.util.List<String>>> result = new CompletableFuture<>();
    result.whenComplete((taken, error) -> sampling.set(false));
    // Its own thread: sampling sleeps between rounds, which neither the main thread nor a shared pool may.
    Thread sampler = new Thread(() -> {
      try {
        result.complete(VertexStackSampler.sample(workers, jobId, vertexId, kind, samples, delayMillis, maxDepth));
      } catch (InterruptedException e) {
        result.completeExceptionally(e);
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    }, getAddress() + "-stack-sampler");
    sampler.setDaemon(true);
    sampler.start();
    return result;
  }

  /** Keeps the final metrics of the ended subtask {@code attemptId} for the next metric fetches. */
  private void retainEndedTaskMetrics(ExecutionAttemptID attemptId) {
    var job = metrics.job(attemptId.jobId());
    TaskMetricGroup group = job == null ? null : job.tasks().get(attemptId.toString());
    if (group != null) {
      endedTaskMetrics.retain(group);
    }
  }

  @Override
  public CompletableFuture<java.util.List<io.spate.runtime.taskexecutor.gateway.SubtaskAccumulators>>
      requestAccumulators(JobID jobId) {
    return callAsync(() -> {
      java.util.List<io.spate.runtime.taskexecutor.gateway.SubtaskAccumulators> all = new java.util.ArrayList<>();
      for (StreamTask task : tasks.values()) {
        if (!task.attemptId().jobId().equals(jobId) || task.accumulators().isEmpty()) {
          continue;
        }
        try {
          // Read while the task runs: a value may be a moment old, which a display of progress allows.
          all.add(new io.spate.runtime.taskexecutor.gateway.SubtaskAccumulators(task.attemptId(),
              io.spate.runtime.rpc.SerializedValue.of(new java.util.TreeMap<>(task.accumulators()))));
        } catch (java.io.IOException | RuntimeException e) {
          org.slf4j.LoggerFactory.getLogger(TaskExecutor.class).debug("The accumulators of {} could not be serialized"
              + " now: {}", task.attemptId(), e.toString());
        }
      }
      return all;
    });
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
    if (dataPlane != null) {
      dataPlane.close();
    }
    jobClassLoaders.close();
    metrics.close();
    if (ownRegistry != null) {
      ownRegistry.close();
    }
  }

  /** The metric group of this TaskExecutor, parent of its jobs' and tasks' groups. */
  public TaskManagerMetricGroup metricGroup() {
    return metrics;
  }
}
