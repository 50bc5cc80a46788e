package io.spate.runtime.metrics.groups;

import io.spate.api.common.JobID;
import io.spate.runtime.metrics.MetricRegistry;
import io.spate.runtime.metrics.ScopeFormat;
import java.util.Map;

/** The metrics of one job on the JobManager (scope {@code metrics.scope.jm-job}): its checkpoints. */
public final class JobManagerJobMetricGroup extends AbstractMetricGroup {

  JobManagerJobMetricGroup(MetricRegistry registry, JobManagerMetricGroup parent, JobID jobId, String jobName) {
    this(registry, parent, Map.of(ScopeFormat.JOB_ID, jobId.toString(), ScopeFormat.JOB_NAME, jobName));
  }

  private JobManagerJobMetricGroup(MetricRegistry registry, JobManagerMetricGroup parent, Map<String, String> own) {
    super(registry, registry.getScopeFormats().jobManagerJob().format(merge(parent, own)), parent, own);
  }

  @Override
  protected String logicalName() {
    return "job";
  }

  static Map<String, String> merge(AbstractMetricGroup parent, Map<String, String> own) {
    Map<String, String> all = new java.util.HashMap<>(parent.getAllVariables());
    all.putAll(own);
    return all;
  }
}
