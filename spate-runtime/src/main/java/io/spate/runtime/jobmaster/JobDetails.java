package io.spate.runtime.jobmaster;

import io.spate.api.common.JobStatus;
import io.spate.runtime.graph.JobEdge;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobVertex;
import io.spate.runtime.execution.ExecutionState;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A job's graph as it runs: its tasks (vertices) with parallelism and the states of their subtasks, and
 * the network edges between them; plain data, so it outlives the job's code.
 *
 * @param status the job's status
 * @param vertices the tasks, each after its inputs
 * @param edges the network edges
 */
public record JobDetails(JobStatus status, List<Vertex> vertices, List<Edge> edges, List<Subtask> subtasks)
    implements Serializable {

  /**
   * One subtask's current attempt.
   *
   * @param vertexId the vertex it belongs to
   * @param index its index in the vertex
   * @param attempt the attempt's number
   * @param status the attempt's state
   * @param taskManagerAddress the RPC address of the TaskExecutor it was deployed to, or null before
   * @param startTime when the attempt was created, in epoch milliseconds
   * @param endTime when the JobMaster heard that it ended, in epoch milliseconds; 0 while it has not
   */
  public record Subtask(int vertexId, int index, int attempt, ExecutionState status, String taskManagerAddress,
      long startTime, long endTime) implements Serializable {}

  /**
   * A task of the job.
   *
   * @param id the vertex id within the job
   * @param name the names of its chained operators
   * @param parallelism its subtasks
   * @param maxParallelism its key groups
   * @param status one state standing for all its subtasks
   * @param subtasks how many subtasks are in each state
   * @param description the descriptions of its chained operators (their names where they have none)
   */
  public record Vertex(int id, String name, int parallelism, int maxParallelism, ExecutionState status,
      Map<ExecutionState, Integer> subtasks, String description) implements Serializable {}

  /**
   * A network edge.
   *
   * @param source the producing vertex
   * @param target the consuming vertex
   * @param partitioning how records are routed: FORWARD, HASH, REBALANCE, RESCALE, BROADCAST, GLOBAL,
   *     SHUFFLE or CUSTOM
   */
  public record Edge(int source, int target, String partitioning) implements Serializable {}

  /** The details of {@code job} whose subtasks are in the states {@code states} gives per vertex. */
  static JobDetails of(JobGraph job, JobStatus status, java.util.function.Function<JobVertex, List<ExecutionState>> states) {
    return of(job, status, states, List.of());
  }

  /** Like {@link #of(JobGraph, JobStatus, java.util.function.Function)}, with the current attempts {@code subtasks}. */
  static JobDetails of(JobGraph job, JobStatus status, java.util.function.Function<JobVertex, List<ExecutionState>> states,
      List<Subtask> subtasks) {
    List<Vertex> vertices = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    for (JobVertex vertex : job.vertices()) {
      Map<ExecutionState, Integer> counts = new EnumMap<>(ExecutionState.class);
      for (ExecutionState state : states.apply(vertex)) {
        counts.merge(state, 1, Integer::sum);
      }
      vertices.add(new Vertex(vertex.getId(), vertex.getName(), vertex.getParallelism(),
          vertex.getHead().getMaxParallelism(), summary(counts, status), counts, vertex.getDescription()));
      for (JobEdge edge : vertex.getOutputs()) {
        edges.add(new Edge(vertex.getId(), edge.target().getId(), shipStrategy(edge)));
      }
    }
    return new JobDetails(status, List.copyOf(vertices), List.copyOf(edges), List.copyOf(subtasks));
  }

  /** Flink's name of how an edge routes records: FORWARD, HASH, REBALANCE, RESCALE, BROADCAST, ... */
  private static String shipStrategy(JobEdge edge) {
    String kind = edge.streamEdge().partitioning().getClass().getSimpleName();
    return kind.equals("KeyGroupHash") ? "HASH" : kind.toUpperCase(java.util.Locale.ROOT);
  }

  /**
   * One state for a vertex: a failure wins, then the least advanced live state, then cancellation;
   * FINISHED only when every subtask finished.
   */
  private static ExecutionState summary(Map<ExecutionState, Integer> counts, JobStatus job) {
    if (counts.isEmpty()) { // not deployed (yet)
      return switch (job) {
        case FAILED -> ExecutionState.FAILED;
        case CANCELED -> ExecutionState.CANCELED;
        case FINISHED -> ExecutionState.FINISHED;
        default -> ExecutionState.DEPLOYING;
      };
    }
    if (counts.containsKey(ExecutionState.FAILED)) {
      return ExecutionState.FAILED;
    }
    for (ExecutionState live : List.of(ExecutionState.CANCELING, ExecutionState.DEPLOYING, ExecutionState.INITIALIZING,
        ExecutionState.RUNNING)) {
      if (counts.containsKey(live)) {
        return live;
      }
    }
    return counts.containsKey(ExecutionState.CANCELED) ? ExecutionState.CANCELED : ExecutionState.FINISHED;
  }
}
