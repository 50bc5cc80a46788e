package io.spate.runtime.tasks;

import io.spate.runtime.execution.ExecutionAttemptID;
import io.spate.api.operators.StreamOperator;
import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.checkpoint.CheckpointResponder;
import io.spate.runtime.checkpoint.barrier.DeclineKind;
import io.spate.runtime.checkpoint.TaskCheckpointMetrics;
import io.spate.runtime.checkpoint.storage.CheckpointStorage;
import io.spate.runtime.operators.OperatorFailure;
import io.spate.runtime.operators.StreamOperatorStateHandler;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import io.spate.runtime.state.snapshot.InputChannelStateHandle;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.OperatorSnapshot;
import io.spate.runtime.state.snapshot.OperatorStateHandle;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A subtask's side of checkpoints: on a barrier, snapshots the operator chain and sends the barrier on,
 * writes the snapshot on the checkpoint I/O threads and acknowledges it (or declines the checkpoint),
 * keeps track of the snapshots still being written, and passes the coordinator's complete and abort
 * notifications to the operators. Runs on the task's thread except where a method says otherwise.
 */
final class SubtaskCheckpointCoordinator {

  private static final long ASYNC_SNAPSHOT_WAIT_SECONDS = 60;

  private final List<StreamOperator<?>> operators;
  private final List<StreamOperatorStateHandler> stateHandlers;
  private final List<String> operatorIds;
  private final TaskOutputs outputs;
  private final CheckpointStorage storage;
  private final CheckpointResponder responder;
  private final ExecutionAttemptID attemptId;
  private final String taskName;
  private final Executor checkpointIo;
  // A source task has no input channels, so its unaligned snapshots have no in-flight records to wait for.
  private final boolean hasInputChannels;
  // Snapshot parts still being written; a finishing task waits for them before it disposes its state.
  private final Set<CompletableFuture<?>> asyncSnapshots = ConcurrentHashMap.newKeySet();
  // Unaligned checkpoints whose snapshot is taken, waiting for their in-flight records.
  private final Map<Long, CompletableFuture<List<ChannelStateCodec.InputRecords>>> pendingChannelState =
      new HashMap<>();
  // When a finished task began to wait for its snapshots (System.nanoTime()); 0 before.
  private long snapshotWaitStartNanos;
  // Whether the chain's operators have finished (end of input): later snapshots are final ones.
  private boolean operatorsFinished;
  // The first checkpoint snapshotted after the operators finished; its completion (or a later one's) ends the task.
  private long firstFinalCheckpointId = Long.MAX_VALUE;
  private boolean finalCheckpointCompleted;
  // For the task's checkpointAlignmentTime and checkpointStartDelayNanos gauges, read by reporters.
  private volatile long lastAlignmentNanos;
  private volatile long lastStartDelayNanos;

  /**
   * For a chain of {@code operators}, head first, with the state of each in {@code stateHandlers} and
   * its id in {@code operatorIds}, all in the same order.
   */
  SubtaskCheckpointCoordinator(List<StreamOperator<?>> operators, List<StreamOperatorStateHandler> stateHandlers,
      List<String> operatorIds, TaskOutputs outputs, CheckpointStorage storage,
      CheckpointResponder responder, ExecutionAttemptID attemptId, String taskName, Executor checkpointIo,
      boolean hasInputChannels) {
    this.operators = operators;
    this.stateHandlers = stateHandlers;
    this.operatorIds = operatorIds;
    this.outputs = outputs;
    this.storage = storage;
    this.responder = responder;
    this.attemptId = attemptId;
    this.taskName = taskName;
    this.checkpointIo = checkpointIo;
    this.hasInputChannels = hasInputChannels;
  }

  /**
   * Registers the task's checkpoint gauges in {@code group}, as Flink names them: {@code
   * checkpointAlignmentTime}, the nanoseconds the input of the last checkpoint waited for its barriers
   * on all channels, and {@code checkpointStartDelayNanos}, the nanoseconds from the checkpoint's trigger
   * to the start of this task's snapshot (milliseconds apart, as the trigger's time is the wall clock's).
   */
  void registerMetrics(io.spate.api.metrics.MetricGroup group) {
    group.gauge("checkpointAlignmentTime", (io.spate.api.metrics.Gauge<Long>) () -> lastAlignmentNanos);
    group.gauge("checkpointStartDelayNanos", (io.spate.api.metrics.Gauge<Long>) () -> lastStartDelayNanos);
  }

  /**
   * Snapshots every operator of the chain for {@code barrier}: first lets them emit what must precede
   * the barrier, sends the barrier on, takes the synchronous part of each snapshot, and leaves the
   * writing to the checkpoint I/O threads, which acknowledge to the coordinator. The snapshot of an
   * unaligned checkpoint at a task with input channels is written once {@link #channelStateComplete}
   * hands over its in-flight records.
   */
  void checkpoint(CheckpointBarrier barrier, long alignmentNanos, boolean unaligned) {
    long id = barrier.checkpointId();
    lastAlignmentNanos = alignmentNanos;
    lastStartDelayNanos = Math.max(0, System.currentTimeMillis() - barrier.timestamp()) * 1_000_000;
    boolean finalSnapshot = operatorsFinished;
    if (finalSnapshot) {
      firstFinalCheckpointId = Math.min(firstFinalCheckpointId, id);
    }
    long syncStart = System.nanoTime();
    for (StreamOperator<?> operator : operators) {
      OperatorFailure.run(operator.getName(), () -> operator.prepareSnapshotPreBarrier(id));
    }
    if (unaligned) {
      outputs.broadcastPriorityEvent(barrier);
    } else {
      outputs.broadcastEvent(barrier);
    }
    CheckpointStreamFactory streams;
    try {
      streams = storage.resolveStreams(id, barrier.options());
    } catch (Exception e) {
      responder.declineCheckpoint(attemptId, id, DeclineKind.FAILED, "task " + taskName + " cannot write state: " + e);
      return;
    }
    Map<String, OperatorSnapshot> snapshots = new HashMap<>();
    for (int i = 0; i < operators.size(); i++) {
      StreamOperator<?> operator = operators.get(i);
      try {
        snapshots.put(operatorIds.get(i),
            stateHandlers.get(i).snapshot(operator, id, barrier.timestamp(), streams));
      } catch (Exception e) {
        // A failing snapshot is the checkpoint's failure, not the task's: the job goes on.
        responder.declineCheckpoint(attemptId, id, DeclineKind.FAILED,
            "operator '" + operator.getName() + "' in task " + taskName + " could not snapshot its state: " + e);
        return;
      }
    }
    long syncMillis = (System.nanoTime() - syncStart) / 1_000_000;
    long alignmentMillis = alignmentNanos / 1_000_000;
    long startDelayMillis = lastStartDelayNanos / 1_000_000;
    String headId = operatorIds.get(0);
    if (!unaligned || !hasInputChannels) {
      track(CompletableFuture.runAsync(
          () -> write(id, headId, snapshots, streams, List.of(), alignmentMillis, syncMillis, finalSnapshot,
              startDelayMillis, unaligned),
          checkpointIo));
      return;
    }
    CompletableFuture<List<ChannelStateCodec.InputRecords>> inFlight = new CompletableFuture<>();
    pendingChannelState.put(id, inFlight);
    // Acknowledged once the in-flight records are complete: the operators' state is written with them.
    track(inFlight.thenAcceptAsync(
        records -> write(id, headId, snapshots, streams, records, alignmentMillis, syncMillis, finalSnapshot,
            startDelayMillis, true),
        checkpointIo));
  }

  /** Whether the snapshot of unaligned checkpoint {@code checkpointId} still waits for its in-flight records. */
  boolean awaitsChannelState(long checkpointId) {
    return pendingChannelState.containsKey(checkpointId);
  }

  /** Every in-flight record of unaligned checkpoint {@code checkpointId} is recorded: its snapshot may be written. */
  void channelStateComplete(long checkpointId, List<ChannelStateCodec.InputRecords> records) {
    CompletableFuture<List<ChannelStateCodec.InputRecords>> pending = pendingChannelState.remove(checkpointId);
    if (pending != null) {
      pending.complete(records);
    }
  }

  /** Checkpoint {@code checkpointId} cannot complete at this task: declines it for {@code reason}. */
  void abandon(long checkpointId, DeclineKind kind, String reason) {
    CompletableFuture<?> pending = pendingChannelState.remove(checkpointId);
    if (pending != null) {
      pending.cancel(false); // its snapshot will not be written: nothing may wait for it
    }
    responder.declineCheckpoint(attemptId, checkpointId, kind, "task " + taskName + ": " + reason);
  }

  /**
   * Checkpoint {@code checkpointId} completed: lets every operator commit. If this task snapshotted it,
   * or an earlier one, after its operators finished, that was its final checkpoint.
   */
  void notifyComplete(long checkpointId) {
    for (int i = 0; i < operators.size(); i++) {
      StreamOperator<?> operator = operators.get(i);
      StreamOperatorStateHandler handler = stateHandlers.get(i);
      OperatorFailure.run(operator.getName(), () -> handler.notifyCheckpointComplete(operator, checkpointId));
    }
    if (checkpointId >= firstFinalCheckpointId) {
      finalCheckpointCompleted = true;
    }
  }

  /** The chain's operators finished (the input ended): snapshots from now on are final ones. */
  void operatorsFinished() {
    operatorsFinished = true;
  }

  /** Whether a checkpoint that this task snapshotted after its operators finished has completed. */
  boolean finalCheckpointCompleted() {
    return finalCheckpointCompleted;
  }

  /** Checkpoint {@code checkpointId} was aborted: drops what waits for it and tells every operator. */
  void notifyAborted(long checkpointId) {
    dropPendingChannelState(checkpointId);
    for (int i = 0; i < operators.size(); i++) {
      StreamOperator<?> operator = operators.get(i);
      StreamOperatorStateHandler handler = stateHandlers.get(i);
      OperatorFailure.run(operator.getName(), () -> handler.notifyCheckpointAborted(operator, checkpointId));
    }
  }

  /**
   * Whether a finished task still waits for snapshots it is writing (at most {@link
   * #ASYNC_SNAPSHOT_WAIT_SECONDS}): it waits by going idle, with {@code wake} run when they are done
   * (if not null), rather than by blocking its worker, which runs other tasks too (the consumers of
   * this task's last rows).
   */
  boolean snapshotsRunning(Runnable wake) {
    if (asyncSnapshots.isEmpty()) {
      return false;
    }
    long now = System.nanoTime();
    if (snapshotWaitStartNanos == 0) {
      snapshotWaitStartNanos = now;
      // Snapshots still waiting for in-flight records will get none now that the input ended.
      dropPendingChannelState(Long.MAX_VALUE);
      if (wake != null) {
        CompletableFuture.allOf(asyncSnapshots.toArray(new CompletableFuture<?>[0])).whenComplete((v, e) -> wake.run());
      }
    }
    // A snapshot that takes too long declines its checkpoint; the task ends regardless.
    return now - snapshotWaitStartNanos < TimeUnit.SECONDS.toNanos(ASYNC_SNAPSHOT_WAIT_SECONDS);
  }

  /**
   * Lets the snapshots this task has begun finish writing before it closes its operators, so that the
   * end of the input does not fail a checkpoint that only waits for them.
   */
  void awaitSnapshots() {
    // Snapshots still waiting for in-flight records will get none now that the input ended.
    dropPendingChannelState(Long.MAX_VALUE);
    CompletableFuture<?>[] running = asyncSnapshots.toArray(new CompletableFuture<?>[0]);
    if (running.length == 0) {
      return;
    }
    try {
      CompletableFuture.allOf(running).get(ASYNC_SNAPSHOT_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // A snapshot that failed or takes too long declines its checkpoint; the task ends regardless.
    }
  }

  /**
   * Gives up the unaligned snapshots up to {@code checkpointId} that still wait for in-flight records,
   * completing their futures so that nothing waits for writes that will not happen.
   */
  private void dropPendingChannelState(long checkpointId) {
    pendingChannelState.entrySet().removeIf(e -> {
      if (e.getKey() > checkpointId) {
        return false;
      }
      e.getValue().cancel(false);
      return true;
    });
  }

  private void track(CompletableFuture<?> snapshot) {
    asyncSnapshots.add(snapshot);
    snapshot.whenComplete((v, e) -> asyncSnapshots.remove(snapshot));
  }

  /** Writes the snapshots and in-flight records of checkpoint {@code id}, then acknowledges; on an I/O thread. */
  private void write(long id, String headId, Map<String, OperatorSnapshot> snapshots, CheckpointStreamFactory streams,
      List<ChannelStateCodec.InputRecords> inFlight, long alignmentMillis, long syncMillis, boolean finalSnapshot,
      long startDelayMillis, boolean unaligned) {
    long asyncStart = System.nanoTime();
    Map<String, OperatorSubtaskState> states = new HashMap<>();
    long size = 0;
    long checkpointedSize = 0;
    long inFlightBytes = 0;
    try {
      List<InputChannelStateHandle> channelHandles = new ArrayList<>();
      try {
        for (ChannelStateCodec.InputRecords records : inFlight) {
          InputChannelStateHandle handle = ChannelStateCodec.write(records, streams);
          channelHandles.add(handle);
          inFlightBytes += handle.getStateSize();
        }
      } finally {
        if (!channelHandles.isEmpty()) {
          // registered before anything else can fail, so that a failure discards them too
          states.put(headId, new OperatorSubtaskState(List.of(), List.of(), channelHandles));
        }
      }
      for (Map.Entry<String, OperatorSnapshot> e : snapshots.entrySet()) {
        KeyedStateHandle keyed = e.getValue().keyedState().write();
        OperatorStateHandle operator = e.getValue().operatorState().write();
        OperatorSubtaskState channels = states.get(e.getKey());
        OperatorSubtaskState state = new OperatorSubtaskState(keyed == null ? List.of() : List.of(keyed),
            operator == null ? List.of() : List.of(operator),
            channels == null ? List.of() : channels.inputChannelState());
        if (!state.isEmpty()) {
          states.put(e.getKey(), state);
        }
      }
      for (OperatorSubtaskState state : states.values()) {
        size += state.getStateSize();
        checkpointedSize += state.getCheckpointedSize();
      }
    } catch (Throwable t) {
      for (OperatorSubtaskState written : states.values()) {
        discardQuietly(written);
      }
      responder.declineCheckpoint(attemptId, id, DeclineKind.FAILED, "task " + taskName + " could not write its state: " + t);
      return;
    }
    long asyncMillis = (System.nanoTime() - asyncStart) / 1_000_000;
    responder.acknowledgeCheckpoint(attemptId, id, states,
        new TaskCheckpointMetrics(alignmentMillis, syncMillis, asyncMillis, size, inFlightBytes, checkpointedSize,
            finalSnapshot, startDelayMillis, unaligned));
  }

  private static void discardQuietly(OperatorSubtaskState state) {
    try {
      for (KeyedStateHandle h : state.keyedState()) {
        h.discardState();
      }
      for (OperatorStateHandle h : state.operatorState()) {
        h.discardState();
      }
      for (InputChannelStateHandle h : state.inputChannelState()) {
        h.records().discardState();
      }
    } catch (Exception ignored) {
      // best effort: the checkpoint directory is deleted as a whole when the checkpoint is aborted
    }
  }
}
