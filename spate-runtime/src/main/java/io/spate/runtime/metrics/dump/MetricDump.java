package io.spate.runtime.metrics.dump;

import java.io.Serializable;
import java.util.List;

/**
 * A snapshot of every metric of one process (or of one TaskManager in it): each metric with the
 * scope it belongs to and its value at the moment of the snapshot. Plain data, so that it travels over
 * RPC compactly.
 *
 * @param entries the metrics
 */
public record MetricDump(List<Entry> entries) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** An empty snapshot. */
  public static final MetricDump EMPTY = new MetricDump(List.of());

  /** Creates the snapshot; the list is copied. */
  public MetricDump {
    entries = List.copyOf(entries);
  }

  /** The scope a metric belongs to, as Flink's metric query service distinguishes them. */
  public enum Scope {
    /** The JobManager process. */
    JOB_MANAGER,
    /** A TaskManager. */
    TASK_MANAGER,
    /** A job, on the JobManager or on a TaskManager. */
    JOB,
    /** A subtask. */
    TASK,
    /** An operator of a subtask. */
    OPERATOR
  }

  /**
   * One metric.
   *
   * @param scope what the metric belongs to
   * @param jobId the job's id for job, task and operator metrics, else null
   * @param vertexId the job vertex's id for task and operator metrics, else null
   * @param subtaskIndex the subtask's index for task and operator metrics, else -1
   * @param operatorName the operator's name for operator metrics (as in metric ids: blanks, dots,
   *     colons and commas replaced by '_'), else null
   * @param name the metric's name, after the names of the groups user code added below the scope's
   *     group, joined by '.' (such as {@code myGroup.myCounter})
   * @param value a {@link Long} for a counter, a {@link Double} for a meter's rate, a number or a
   *     string for a gauge; a histogram is one entry per statistic ({@code name_min}, {@code name_p99},
   *     ...)
   */
  public record Entry(Scope scope, String jobId, String vertexId, int subtaskIndex, String operatorName,
      String name, Serializable value) implements Serializable {

    private static final long serialVersionUID = 1L;
  }
}
