package io.spate.api.metrics;

import io.spate.api.annotation.PublicEvolving;
import java.util.List;

/**
 * A metric group that knows its logical scope: its kind of scope without the variables' values,
 * such as {@code taskmanager.job.task.operator} for an operator's group, whatever
 * {@code metrics.scope.operator} says. Label-based reporters (Prometheus, JMX) name a metric by its
 * logical scope and carry the variables as labels, so that the same metric of every subtask lands
 * in one family.
 */
@PublicEvolving
public interface LogicalScopeProvider {

  /** The logical scope, outermost first, such as {@code [taskmanager, job, task, operator]}. */
  List<String> getLogicalScopeComponents();

  /**
   * The logical scope joined by {@code delimiter}, each part passed through {@code filter} first.
   */
  default String getLogicalScope(CharacterFilter filter, char delimiter) {
    StringBuilder sb = new StringBuilder();
    for (String component : getLogicalScopeComponents()) {
      if (sb.length() > 0) {
        sb.append(delimiter);
      }
      sb.append(filter.filterCharacters(component));
    }
    return sb.toString();
  }

  /**
   * {@code group} as a logical scope provider.
   *
   * @throws IllegalArgumentException naming the group's class, if it provides no logical scope
   */
  static LogicalScopeProvider castFrom(MetricGroup group) {
    if (group instanceof LogicalScopeProvider provider) {
      return provider;
    }
    throw new IllegalArgumentException("Metric group " + group + " (" + group.getClass().getName()
        + ") has no logical scope; only the runtime's metric groups have one.");
  }
}
