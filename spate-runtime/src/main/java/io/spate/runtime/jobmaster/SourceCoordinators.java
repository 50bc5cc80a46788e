package io.spate.runtime.jobmaster;

import io.spate.api.dag.SourceTransformation;
import io.spate.api.eventtime.WatermarkAlignmentParams;
import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import io.spate.runtime.checkpoint.metadata.OperatorState;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobVertex;
import io.spate.runtime.source.OperatorEvent;
import io.spate.runtime.source.SourceOperator;
import io.spate.runtime.execution.ExecutionAttemptID;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source coordinators of one job, one per source vertex that runs: starts and closes them with their
 * subtasks, relays operator events both ways, keeps the job's watermark alignment groups, and hands the
 * checkpoint coordinator their state. Main thread only.
 */
final class SourceCoordinators {

  private static final Logger LOG = LoggerFactory.getLogger(SourceCoordinators.class);

  private final JobGraph job;
  private final MainThread mainThread;
  private final JobLifecycle lifecycle;
  private final Supplier<ExecutionGraph> executionGraph;
  private final Consumer<Throwable> coordinatorFailed;
  // By the id of the source's head operator.
  private final Map<Integer, SourceCoordinator<?>> coordinators = new HashMap<>();
  private final WatermarkAlignmentGroups alignmentGroups = new WatermarkAlignmentGroups();

  /**
   * Coordinators of {@code job}'s sources, sending to the subtasks of the current {@code executionGraph};
   * a coordinator's own failure goes to {@code coordinatorFailed}.
   */
  SourceCoordinators(JobGraph job, MainThread mainThread, JobLifecycle lifecycle,
      Supplier<ExecutionGraph> executionGraph, Consumer<Throwable> coordinatorFailed) {
    this.job = job;
    this.mainThread = mainThread;
    this.lifecycle = lifecycle;
    this.executionGraph = executionGraph;
    this.coordinatorFailed = coordinatorFailed;
  }

  /**
   * Starts the source coordinators of the vertices {@code vertexIds} (all if null), restoring their
   * enumerators from {@code restored} if not null; fails the job and answers false if one cannot start.
   */
  boolean start(CheckpointMetadata restored, Set<Integer> vertexIds) {
    try {
      for (JobVertex vertex : job.vertices()) {
        if (vertexIds != null && !vertexIds.contains(vertex.getId())) {
          continue;
        }
        if (vertex.getHead().getTransformation() instanceof SourceTransformation<?> source) {
          int operatorId = vertex.getHead().getId();
          WatermarkAlignmentParams alignment = SourceOperator.alignmentOf(source.getWatermarkStrategy(), job.runtimeMode());
          SourceCoordinator<?> coordinator = new SourceCoordinator<>(source.getName(), source.getSource(),
              vertex.getParallelism(), mainThread,
              (subtask, event) -> sendToSubtask(vertex, subtask, operatorId, event), coordinatorFailed,
              operatorId, alignment, alignmentGroups);
          coordinators.put(operatorId, coordinator);
          OperatorState state = restored == null ? null : restored.operators().get(vertex.getHead().getOperatorId());
          coordinator.start(state == null ? null : state.coordinatorState());
        }
      }
      return true;
    } catch (Throwable t) {
      lifecycle.failJob(new SubtaskFailure("Job '" + job.jobName() + "' (" + job.jobId()
          + ") failed: a source's split enumerator could not start: " + t, t));
      return false;
    }
  }

  /** Closes every coordinator. */
  void closeAll() {
    for (SourceCoordinator<?> coordinator : coordinators.values()) {
      close(coordinator);
    }
    coordinators.clear();
  }

  /** Closes the coordinators of the vertices {@code vertexIds}. */
  void close(Set<Integer> vertexIds) {
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

  /** Forgets every watermark alignment group: the whole job restarts and its sources register again. */
  void clearAlignmentGroups() {
    alignmentGroups.clear();
  }

  /**
   * Hands {@code event} from subtask {@code sender} to the coordinator of operator {@code operatorId}, if
   * both the sender's attempt and the job still run.
   */
  void handleEvent(ExecutionAttemptID sender, int operatorId, OperatorEvent event) {
    SourceCoordinator<?> coordinator = coordinators.get(operatorId);
    ExecutionGraph graph = executionGraph.get();
    Execution execution = graph == null ? null : graph.execution(sender);
    if (coordinator != null && execution != null && !execution.state.isTerminal()
        && !lifecycle.status().isTerminal()) {
      coordinator.handleEvent(sender.subtaskIndex(), event);
    }
  }

  private void sendToSubtask(JobVertex vertex, int subtask, int operatorId, OperatorEvent event) {
    Execution execution = executionGraph.get().subtask(vertex.getId(), subtask);
    if (execution.taskExecutor != null && !execution.state.isTerminal()) {
      execution.taskExecutor.sendOperatorEventToTask(execution.attemptId, operatorId, event);
    }
  }

  /** Tells every coordinator that checkpoint {@code checkpointId} completed. */
  void notifyCheckpointComplete(long checkpointId) {
    for (SourceCoordinator<?> coordinator : coordinators.values()) {
      coordinator.notifyCheckpointComplete(checkpointId);
    }
  }

  /** The state of every running coordinator for checkpoint {@code checkpointId}, by operator id. */
  Map<String, byte[]> snapshot(long checkpointId) throws Exception {
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
