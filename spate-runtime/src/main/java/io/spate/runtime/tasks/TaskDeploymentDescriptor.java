package io.spate.runtime.tasks;

import io.spate.runtime.execution.ExecutionAttemptID;
import io.spate.runtime.checkpoint.TaskRestore;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobVertex;
import io.spate.runtime.network.SubtaskLocation;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.util.Map;

/**
 * Everything a TaskExecutor needs to run one subtask attempt. Sent to a TaskExecutor in another
 * process, it carries the job graph as bytes that the TaskExecutor reads with the job's class loader
 * ({@link #loadJobGraph}) before it runs the task.
 */
public final class TaskDeploymentDescriptor implements Serializable {

  private static final long serialVersionUID = 1L;

  private final ExecutionAttemptID attemptId;
  private final ShippableJobGraph job;
  private final String jobMasterAddress;
  private final TaskRestore restore;
  private final Map<Integer, SubtaskLocation[]> locations;
  private transient JobVertex vertex;

  /**
   * Describes one attempt.
   *
   * @param attemptId which attempt of which subtask
   * @param job the job, shared by the deployments of all its subtasks
   * @param jobMasterAddress where to report state and send operator events
   * @param restore the state to restore, or null for a fresh start
   * @param locations where every subtask of this attempt of the job runs, by vertex id and subtask
   *     index; empty when all of them share one process's in-process channels
   */
  public TaskDeploymentDescriptor(ExecutionAttemptID attemptId, ShippableJobGraph job, String jobMasterAddress,
      TaskRestore restore, Map<Integer, SubtaskLocation[]> locations) {
    this.attemptId = attemptId;
    this.job = job;
    this.jobMasterAddress = jobMasterAddress;
    this.restore = restore;
    this.locations = Map.copyOf(locations);
  }

  /** Which attempt of which subtask. */
  public ExecutionAttemptID attemptId() {
    return attemptId;
  }

  /** The job; one received from another process must be {@link #loadJobGraph loaded} first. */
  public JobGraph jobGraph() {
    return job.get();
  }

  /** Whether the job graph is here: always within one process, after {@link #loadJobGraph} otherwise. */
  public boolean isJobGraphLoaded() {
    return job.isLoaded();
  }

  /**
   * Reads the job graph that came from another process with the job's class loader, accepting only
   * the classes {@code filter} allows.
   *
   * @throws IOException if it cannot be read
   */
  public void loadJobGraph(ClassLoader classLoader, ObjectInputFilter filter) throws IOException {
    job.load(classLoader, filter);
  }

  /** The locations of the jars that hold the job's code ({@code pipeline.jars}); empty if none. */
  public java.util.List<String> jobJars() {
    return job.jobJars();
  }

  /** The task. */
  public JobVertex vertex() {
    JobVertex found = vertex;
    if (found == null) {
      for (JobVertex candidate : jobGraph().vertices()) {
        if (candidate.getId() == attemptId.vertexId()) {
          found = candidate;
        }
      }
      if (found == null) {
        throw new IllegalStateException("The job graph has no vertex " + attemptId.vertexId());
      }
      vertex = found;
    }
    return found;
  }

  /** Where to report state and send operator events. */
  public String jobMasterAddress() {
    return jobMasterAddress;
  }

  /** The state to restore, or null for a fresh start. */
  public TaskRestore restore() {
    return restore;
  }

  /** Where every subtask of this attempt runs, by vertex id and subtask index. */
  public Map<Integer, SubtaskLocation[]> locations() {
    return locations;
  }

  /** The subtask index. */
  public int subtaskIndex() {
    return attemptId.subtaskIndex();
  }

  /** Where subtask {@code subtask} of vertex {@code vertexId} runs, or null if unknown (in-process). */
  public SubtaskLocation locationOf(int vertexId, int subtask) {
    SubtaskLocation[] ofVertex = locations.get(vertexId);
    return ofVertex == null ? null : ofVertex[subtask];
  }

  @Override
  public String toString() {
    return "TaskDeploymentDescriptor(" + attemptId + ")";
  }
}
