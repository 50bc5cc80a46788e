package io.spate.runtime.jobmaster;

import io.spate.api.common.JobStatus;
import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.checkpoint.CheckpointParticipants;
import io.spate.runtime.execution.ExecutionAttemptID;
import io.spate.runtime.execution.ExecutionState;
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

  JobCheckpointParticipants(JobLifecycle lifecycle, Supplier<ExecutionGraph> executionGraph,
      SourceCoordinators sources) {
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
      if (execution.state != ExecutionState.RUNNING || execution.taskExecutor == null) {
        return null;
      }
      ids.add(execution.attemptId);
    }
    return ids;
  }

  @Override
  public void triggerSources(CheckpointBarrier barrier) {
    for (Execution execution : executionGraph.get().executions()) {
      if (execution.vertex.getInputs().isEmpty()) {
        execution.taskExecutor.triggerCheckpoint(execution.attemptId, barrier);
      }
    }
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
