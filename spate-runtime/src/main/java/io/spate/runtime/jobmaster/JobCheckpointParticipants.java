package io.spate.runtime.jobmaster;

import io.spate.api.common.JobStatus;
import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.checkpoint.CheckpointParticipants;
import io.spate.runtime.execution.ExecutionAttemptID;
import io.spate.runtime.execution.ExecutionState;
import io.spate.runtime.graph.JobEdge;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The job's subtasks and source coordinators as its checkpoint coordinator sees them: whom to trigger,
 * whom to notify, whose state to snapshot. Main thread only.
 */
final class JobCheckpointParticipants implements CheckpointParticipants {

  private final JobLifecycle lifecycle;
  private final Supplier<ExecutionGraph> executionGraph;
  private final SourceCoordinators sources;
  // Whether checkpoints go on once subtasks finished (execution.checkpointing.checkpoints-after-tasks-finish.enabled).
  private final boolean afterTasksFinish;

  JobCheckpointParticipants(JobLifecycle lifecycle, Supplier<ExecutionGraph> executionGraph,
      SourceCoordinators sources, boolean afterTasksFinish) {
    this.afterTasksFinish = afterTasksFinish;
    this.lifecycle = lifecycle;
    this.executionGraph = executionGraph;
    this.sources = sources;
  }

  @Override
  public Collection<ExecutionAttemptID> runningSubtasksOrNull() {
    ExecutionGraph graph = executionGraph.get();
    if (lifecycle.status() != JobStatus.RUNNING || graph == null) {
      return null;
    }
    List<ExecutionAttemptID> ids = new ArrayList<>();
    for (Execution execution : graph.executions()) {
      if (execution.state == ExecutionState.FINISHED && afterTasksFinish) {
        continue;
      }
      if (execution.state != ExecutionState.RUNNING || execution.taskExecutor == null) {
        return null;
      }
      ids.add(execution.attemptId);
    }
    return ids.isEmpty() ? null : ids;
  }

  @Override
  public Collection<ExecutionAttemptID> finishedSubtasks() {
    List<ExecutionAttemptID> ids = new ArrayList<>();
    for (Execution execution : executionGraph.get().executions()) {
      if (execution.state == ExecutionState.FINISHED) {
        ids.add(execution.attemptId);
      }
    }
    return ids;
  }

  @Override
  public boolean allRunningAwaitFinalCheckpoint() {
    ExecutionGraph graph = executionGraph.get();
    if (lifecycle.status() != JobStatus.RUNNING || graph == null) {
      return false;
    }
    boolean anyAwaits = false;
    for (Execution execution : graph.executions()) {
      if (execution.state == ExecutionState.FINISHED) {
        continue;
      }
      if (execution.state != ExecutionState.RUNNING || !execution.awaitingFinalCheckpoint) {
        return false;
      }
      anyAwaits = true;
    }
    return anyAwaits;
  }

  @Override
  public void triggerSources(CheckpointBarrier barrier) {
    ExecutionGraph graph = executionGraph.get();
    for (Execution execution : graph.executions()) {
      if (execution.state != ExecutionState.RUNNING || execution.taskExecutor == null) {
        continue;
      }
      // A task started here as well as by barriers on its channels takes the checkpoint once: the
      // trigger only begins its alignment, so one that reads a finished subtask is never left waiting.
      if (execution.vertex.getInputs().isEmpty() || readsFinishedSubtask(graph, execution)) {
        execution.taskExecutor.triggerCheckpoint(execution.attemptId, barrier);
      }
    }
  }

  /** Whether a subtask that {@code execution} reads from has finished, so that no barrier comes from it. */
  private static boolean readsFinishedSubtask(ExecutionGraph graph, Execution execution) {
    for (JobEdge input : execution.vertex.getInputs()) {
      for (int producer : input.producersOf(execution.attemptId.subtaskIndex())) {
        if (graph.subtask(input.source().getId(), producer).state == ExecutionState.FINISHED) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void notifyComplete(long checkpointId) {
    for (Execution execution : executionGraph.get().executions()) {
      if (execution.taskExecutor != null && !execution.state.isTerminal()) {
        execution.taskExecutor.notifyCheckpointComplete(execution.attemptId, checkpointId);
      }
    }
    sources.notifyCheckpointComplete(checkpointId);
  }

  @Override
  public void notifyAborted(long checkpointId) {
    ExecutionGraph graph = executionGraph.get();
    if (graph == null) {
      return;
    }
    for (Execution execution : graph.executions()) {
      if (execution.taskExecutor != null && !execution.state.isTerminal()) {
        execution.taskExecutor.notifyCheckpointAborted(execution.attemptId, checkpointId);
      }
    }
  }

  @Override
  public Map<String, byte[]> snapshotCoordinators(long checkpointId) throws Exception {
    return sources.snapshot(checkpointId);
  }
}
