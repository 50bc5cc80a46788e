package io.spate.runtime.metrics.groups;

import io.spate.api.common.JobID;
import io.spate.runtime.metrics.MetricRegistry;
import io.spate.runtime.metrics.ScopeFormat;
import java.util.HashMap;
import java.util.Map;

/**
 * The metrics of a TaskManager (scope {@code metrics.scope.tm}), parent of one group per job that has
 * tasks here; a job's group closes with its last task.
 */
public final class TaskManagerMetricGroup extends AbstractMetricGroup {

  private final Map<JobID, TaskManagerJobMetricGroup> jobs = new HashMap<>();

  /** The group of TaskManager {@code taskManagerId} on host {@code hostname}. */
  public TaskManagerMetricGroup(MetricRegistry registry, String hostname, String taskManagerId) {
    this(registry, Map.of(ScopeFormat.HOST, hostname, ScopeFormat.TM_ID, taskManagerId));
  }

  private TaskManagerMetricGroup(MetricRegistry registry, Map<String, String> variables) {
    super(registry, registry.getScopeFormats().taskManager().format(variables), null, variables);
  }

  @Override
  protected String logicalName() {
    return "taskmanager";
  }

  /**
   * The group of a new subtask, in the group of its job (created with its first task).
   *
   * @param jobId the job
   * @param jobName its name
   * @param taskId the job vertex's id
   * @param attemptId the execution attempt's id, unique on this TaskManager
   * @param taskName the job vertex's name
   * @param subtaskIndex the subtask's index
   * @param attemptNumber the attempt's number
   */
  public synchronized TaskMetricGroup addTask(JobID jobId, String jobName, String taskId, String attemptId,
      String taskName, int subtaskIndex, int attemptNumber) {
    TaskManagerJobMetricGroup job = jobs.get(jobId);
    if (job == null) {
      job = addChild(jobId.toString(), new TaskManagerJobMetricGroup(registry, this, jobId, jobName));
      if (!job.isClosed()) {
        jobs.put(jobId, job);
      }
    }
    return job.addTask(taskId, attemptId, taskName, subtaskIndex, attemptNumber);
  }

  /** Closes the group of task {@code attemptId} of job {@code jobId}, and the job's group if it was its last. */
  public void removeTask(JobID jobId, String attemptId) {
    TaskManagerJobMetricGroup emptied = null;
    synchronized (this) {
      TaskManagerJobMetricGroup job = jobs.get(jobId);
      if (job != null && job.removeTask(attemptId)) {
        jobs.remove(jobId);
        removeChild(jobId.toString());
        emptied = job;
      }
    }
    if (emptied != null) {
      emptied.close();
    }
  }

  /** The group of job {@code jobId}, or null if no task of it runs here. */
  public synchronized TaskManagerJobMetricGroup job(JobID jobId) {
    return jobs.get(jobId);
  }

  /** How many jobs have a group, for tests. */
  public synchronized int numberOfJobs() {
    return jobs.size();
  }

  @Override
  public void close() {
    synchronized (this) {
      jobs.clear();
    }
    super.close();
  }
}
