package io.spate.runtime.graph;

import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.JobID;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.configuration.Configuration;
import java.util.List;

/**
 * The job as the cluster runs it: tasks (chains of operators) and the network edges between them.
 *
 * @param jobId the job's id
 * @param jobName the job's name
 * @param vertices the tasks, each after its inputs
 * @param configuration the job's configuration
 * @param executionConfig the settings functions can read
 * @param runtimeMode STREAMING or BATCH
 * @param userClassLoader the class loader of the job's code
 */
public record JobGraph(
    JobID jobId,
    String jobName,
    List<JobVertex> vertices,
    Configuration configuration,
    ExecutionConfig executionConfig,
    RuntimeExecutionMode runtimeMode,
    ClassLoader userClassLoader) {

  /** Creates the graph. */
  public JobGraph {
    vertices = List.copyOf(vertices);
  }

  /** The total number of subtasks. */
  public int numberOfSubtasks() {
    return vertices.stream().mapToInt(JobVertex::getParallelism).sum();
  }
}
