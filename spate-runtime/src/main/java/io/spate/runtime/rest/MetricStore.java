package io.spate.runtime.rest;

import io.spate.runtime.metrics.dump.MetricDump;
import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JobManager's copy of the metrics of every process, filled from {@link MetricDump}s and read by
 * the REST API's metric routes, with the ids Flink's REST API uses: at vertex level
 * {@code <subtask>.<name>} and {@code <subtask>.<operator>.<name>}, at subtask level {@code <name>}
 * and {@code <operator>.<name>}. A subtask's metrics stay after it ended (a bounded job's counts can
 * still be read) until its job is no longer known to the cluster; those of a TaskManager go with it.
 * Thread-safe: updates and reads lock the store.
 */
final class MetricStore {

  /** The metrics of one subtask, and the TaskManager it ran on last. */
  static final class SubtaskMetrics {
    final Map<String, Serializable> metrics = new TreeMap<>();
    String taskManagerId;
  }

  /** The metrics of one job vertex: by vertex-level id, and per subtask. */
  static final class VertexMetrics {
    final Map<String, Serializable> metrics = new TreeMap<>();
    final Map<Integer, SubtaskMetrics> subtasks = new TreeMap<>();
  }

  /** The metrics of one job: its own (checkpoints on the JobManager, job scope on TaskManagers) and its vertices'. */
  static final class JobMetrics {
    final Map<String, Serializable> metrics = new TreeMap<>();
    final Map<String, VertexMetrics> vertices = new TreeMap<>();
  }

  private Map<String, Serializable> jobManager = Map.of();
  private final Map<String, Map<String, Serializable>> taskManagers = new TreeMap<>();
  private final Map<String, JobMetrics> jobs = new TreeMap<>();

  /**
   * Takes in a fetch: the JobManager's dump, each TaskManager's by id, and the ids of the jobs the
   * cluster knows (null: keep every job); jobs not among them and TaskManagers that did not answer
   * are dropped.
   */
  synchronized void update(MetricDump jobManagerDump, Map<String, MetricDump> taskManagerDumps, Set<String> knownJobs) {
    Map<String, Serializable> jm = new TreeMap<>();
    for (MetricDump.Entry entry : jobManagerDump.entries()) {
      if (entry.scope() == MetricDump.Scope.JOB_MANAGER) {
        jm.put(entry.name(), entry.value());
      } else {
        add(entry, null);
      }
    }
    jobManager = jm;
    taskManagers.clear();
    taskManagerDumps.forEach((id, dump) -> {
      Map<String, Serializable> tm = new TreeMap<>();
      for (MetricDump.Entry entry : dump.entries()) {
        if (entry.scope() == MetricDump.Scope.TASK_MANAGER) {
          tm.put(entry.name(), entry.value());
        } else {
          add(entry, id);
        }
      }
      taskManagers.put(id, tm);
    });
    if (knownJobs != null) {
      jobs.keySet().retainAll(knownJobs);
    }
  }

  private void add(MetricDump.Entry entry, String taskManagerId) {
    if (entry.jobId() == null) {
      return;
    }
    JobMetrics job = jobs.computeIfAbsent(entry.jobId(), id -> new JobMetrics());
    switch (entry.scope()) {
      case JOB -> job.metrics.put(entry.name(), entry.value());
      case TASK, OPERATOR -> {
        VertexMetrics vertex = job.vertices.computeIfAbsent(entry.vertexId(), id -> new VertexMetrics());
        SubtaskMetrics subtask = vertex.subtasks.computeIfAbsent(entry.subtaskIndex(), i -> new SubtaskMetrics());
        String name = entry.scope() == MetricDump.Scope.OPERATOR
            ? entry.operatorName() + "." + entry.name() : entry.name();
        subtask.metrics.put(name, entry.value());
        if (taskManagerId != null) {
          subtask.taskManagerId = taskManagerId;
        }
        vertex.metrics.put(entry.subtaskIndex() + "." + name, entry.value());
      }
      default -> { }
    }
  }

  /** The JobManager's metrics. */
  synchronized Map<String, Serializable> jobManager() {
    return jobManager;
  }

  /** The metrics of TaskManager {@code id}, or null if it did not answer the latest fetch. */
  synchronized Map<String, Serializable> taskManager(String id) {
    Map<String, Serializable> metrics = taskManagers.get(id);
    return metrics == null ? null : Map.copyOf(metrics);
  }

  /** The metrics of every TaskManager that answered the latest fetch, by id. */
  synchronized Map<String, Map<String, Serializable>> taskManagers() {
    Map<String, Map<String, Serializable>> copy = new LinkedHashMap<>();
    taskManagers.forEach((id, metrics) -> copy.put(id, Map.copyOf(metrics)));
    return copy;
  }

  /** The job-level metrics of job {@code jobId}; empty if none were fetched. */
  synchronized Map<String, Serializable> job(String jobId) {
    JobMetrics job = jobs.get(jobId);
    return job == null ? Map.of() : Map.copyOf(job.metrics);
  }

  /** The vertex-level metrics of vertex {@code vertexId} of job {@code jobId}; empty if none were fetched. */
  synchronized Map<String, Serializable> vertex(String jobId, String vertexId) {
    VertexMetrics vertex = vertexMetrics(jobId, vertexId);
    return vertex == null ? Map.of() : Map.copyOf(vertex.metrics);
  }

  /** The metrics of each subtask of the vertex that has any, by index. */
  synchronized Map<Integer, Map<String, Serializable>> subtasks(String jobId, String vertexId) {
    VertexMetrics vertex = vertexMetrics(jobId, vertexId);
    Map<Integer, Map<String, Serializable>> copy = new TreeMap<>();
    if (vertex != null) {
      vertex.subtasks.forEach((index, subtask) -> copy.put(index, Map.copyOf(subtask.metrics)));
    }
    return copy;
  }

  /** The id of the TaskManager that subtask {@code index} of the vertex ran on last, or null if unknown. */
  synchronized String taskManagerOf(String jobId, String vertexId, int index) {
    VertexMetrics vertex = vertexMetrics(jobId, vertexId);
    SubtaskMetrics subtask = vertex == null ? null : vertex.subtasks.get(index);
    return subtask == null ? null : subtask.taskManagerId;
  }

  private VertexMetrics vertexMetrics(String jobId, String vertexId) {
    JobMetrics job = jobs.get(jobId);
    return job == null ? null : job.vertices.get(vertexId);
  }

  /** The numeric value of {@code value} as a double, or null if it is not a number. */
  static Double numeric(Serializable value) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    return null;
  }

  /** Every id among {@code maps}, sorted. */
  static Set<String> ids(Collection<Map<String, Serializable>> maps) {
    Set<String> ids = new java.util.TreeSet<>();
    maps.forEach(map -> ids.addAll(map.keySet()));
    return ids;
  }
}
