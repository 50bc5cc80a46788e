package io.spate.runtime.metrics.groups;

import io.spate.api.common.JobID;
import io.spate.runtime.metrics.MetricRegistry;
import io.spate.runtime.metrics.ScopeFormat;
import java.util.HashMap;
import java.util.Map;

/** The metrics of one job on a TaskManager (scope {@code metrics.scope.tm-job}), parent of its subtasks' groups. */
public final class TaskManagerJobMetricGroup extends AbstractMetricGroup {

  private final Map<String, TaskMetricGroup> tasks = new HashMap<>();

  TaskManagerJobMetricGroup(MetricRegistry registry, TaskManagerMetricGroup parent, JobID jobId, String jobName) {
    this(registry, parent, Map.of(ScopeFormat.JOB_ID, jobId.toString(), ScopeFormat.JOB_NAME, jobName));
  }

  private TaskManagerJobMetricGroup(MetricRegistry registry, TaskManagerMetricGroup parent, Map<String, String> own) {
    super(registry, registry.getScopeFormats().taskManagerJob().format(JobManagerJobMetricGroup.merge(parent, own)),
        parent, own);
  }

  @Override
  protected String logicalName() {
    return "job";
  }

  synchronized TaskMetricGroup addTask(String taskId, String attemptId, String taskName, int subtaskIndex,
      int attemptNumber) {
    TaskMetricGroup existing = tasks.get(attemptId);
    if (existing != null) {
      throw new IllegalStateException("Task attempt " + attemptId + " already has a metric group: " + existing);
    }
    TaskMetricGroup task = addChild(attemptId,
        new TaskMetricGroup(registry, this, taskId, attemptId, taskName, subtaskIndex, attemptNumber));
    if (!task.isClosed()) {
      tasks.put(attemptId, task);
    }
    return task;
  }

  /** Closes the group of task {@code attemptId}; returns whether this job has no task left. */
  synchronized boolean removeTask(String attemptId) {
    TaskMetricGroup task = tasks.remove(attemptId);
    removeChild(attemptId);
    if (task != null) {
      task.close();
    }
    return tasks.isEmpty();
  }

  /** The groups of this job's subtasks here, by attempt id. */
  public synchronized Map<String, TaskMetricGroup> tasks() {
    return Map.copyOf(tasks);
  }
}
