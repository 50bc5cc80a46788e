package io.spate.runtime.metrics;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.ConfigOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The scope format of each kind of metric group, read from the {@code metrics.scope.*} options.
 *
 * @param jobManager the JobManager's
 * @param jobManagerJob a job's on the JobManager
 * @param taskManager a TaskManager's
 * @param taskManagerJob a job's on a TaskManager
 * @param task a subtask's
 * @param operator an operator's in a subtask
 */
public record ScopeFormats(ScopeFormat jobManager, ScopeFormat jobManagerJob, ScopeFormat taskManager,
    ScopeFormat taskManagerJob, ScopeFormat task, ScopeFormat operator) {

  /**
   * The formats {@code conf} sets, defaults for the others.
   *
   * @throws io.spate.api.configuration.IllegalConfigurationException if a format is malformed
   */
  public static ScopeFormats from(Configuration conf) {
    Set<String> jm = Set.of(ScopeFormat.HOST);
    Set<String> jmJob = union(jm, ScopeFormat.JOB_ID, ScopeFormat.JOB_NAME);
    Set<String> tm = Set.of(ScopeFormat.HOST, ScopeFormat.TM_ID);
    Set<String> tmJob = union(tm, ScopeFormat.JOB_ID, ScopeFormat.JOB_NAME);
    Set<String> task = union(tmJob, ScopeFormat.TASK_ID, ScopeFormat.TASK_ATTEMPT_ID, ScopeFormat.TASK_NAME,
        ScopeFormat.SUBTASK_INDEX, ScopeFormat.ATTEMPT_NUM);
    Set<String> operator = union(task, ScopeFormat.OPERATOR_ID, ScopeFormat.OPERATOR_NAME);
    return new ScopeFormats(parse(conf, MetricOptions.SCOPE_JM, jm), parse(conf, MetricOptions.SCOPE_JM_JOB, jmJob),
        parse(conf, MetricOptions.SCOPE_TM, tm), parse(conf, MetricOptions.SCOPE_TM_JOB, tmJob),
        parse(conf, MetricOptions.SCOPE_TASK, task), parse(conf, MetricOptions.SCOPE_OPERATOR, operator));
  }

  private static ScopeFormat parse(Configuration conf, ConfigOption<String> option, Set<String> variables) {
    return ScopeFormat.parse(option.key(), conf.get(option), variables);
  }

  private static Set<String> union(Set<String> base, String... more) {
    Set<String> all = new HashSet<>(base);
    all.addAll(List.of(more));
    return Set.copyOf(all);
  }
}
