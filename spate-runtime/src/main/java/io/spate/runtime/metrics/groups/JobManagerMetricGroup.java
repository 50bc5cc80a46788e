package io.spate.runtime.metrics.groups;

import io.spate.api.common.JobID;
import io.spate.runtime.metrics.MetricRegistry;
import io.spate.runtime.metrics.ScopeFormat;
import java.util.HashMap;
import java.util.Map;

/** The metrics of a JobManager (scope {@code metrics.scope.jm}), parent of its jobs' groups. */
public final class JobManagerMetricGroup extends AbstractMetricGroup {

  private final Map<JobID, JobManagerJobMetricGroup> jobs = new HashMap<>();

  /** The JobManager's group on host {@code hostname}. */
  public JobManagerMetricGroup(MetricRegistry registry, String hostname) {
    this(registry, Map.of(ScopeFormat.HOST, hostname));
  }

  private JobManagerMetricGroup(MetricRegistry registry, Map<String, String> variables) {
    super(registry, registry.getScopeFormats().jobManager().format(variables), null, variables);
  }

  @Override
  protected String logicalName() {
    return "jobmanager";
  }

  /** The group of job {@code jobId}, created on first use. */
  public synchronized JobManagerJobMetricGroup addJob(JobID jobId, String jobName) {
    JobManagerJobMetricGroup existing = jobs.get(jobId);
    if (existing != null) {
      return existing;
    }
    JobManagerJobMetricGroup job = addChild(jobId.toString(), new JobManagerJobMetricGroup(registry, this, jobId,
        jobName));
    if (!job.isClosed()) {
      jobs.put(jobId, job);
    }
    return job;
  }

  /** Closes the group of job {@code jobId}, if there is one: its metrics are no longer reported. */
  public void removeJob(JobID jobId) {
    JobManagerJobMetricGroup job;
    synchronized (this) {
      job = jobs.remove(jobId);
      removeChild(jobId.toString());
    }
    if (job != null) {
      job.close();
    }
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
