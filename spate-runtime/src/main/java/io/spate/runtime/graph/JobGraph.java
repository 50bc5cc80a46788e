package io.spate.runtime.graph;

import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.JobID;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.configuration.Configuration;
import java.io.Serializable;
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
 * @param userClassLoader the class loader of the job's code; it does not travel with the graph, so
 *     a graph read from bytes has none until {@link #withUserClassLoader} gives it the receiving
 *     process's loader of the job's code
 */
public record JobGraph(
    JobID jobId,
    String jobName,
    List<JobVertex> vertices,
    Configuration configuration,
    ExecutionConfig executionConfig,
    RuntimeExecutionMode runtimeMode,
    ClassLoader userClassLoader) implements Serializable, io.spate.runtime.rpc.CarriesUserCode {

  private static final long serialVersionUID = 1L;

  /** Creates the graph. */
  public JobGraph {
    vertices = List.copyOf(vertices);
  }

  /** This graph with the class loader {@code loader} of the job's code. */
  @Override
  public JobGraph withUserClassLoader(ClassLoader loader) {
    return new JobGraph(jobId, jobName, vertices, configuration, executionConfig, runtimeMode, loader);
  }

  /** Travels without its class loader, which belongs to the sending process. */
  private Object writeReplace() {
    return new SerialForm(jobId, jobName, vertices, configuration, executionConfig, runtimeMode);
  }

  private record SerialForm(JobID jobId, String jobName, List<JobVertex> vertices, Configuration configuration,
      ExecutionConfig executionConfig, RuntimeExecutionMode runtimeMode) implements Serializable {

    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      return new JobGraph(jobId, jobName, vertices, configuration, executionConfig, runtimeMode, null);
    }
  }

  /** The total number of subtasks. */
  public int numberOfSubtasks() {
    return vertices.stream().mapToInt(JobVertex::getParallelism).sum();
  }
}
