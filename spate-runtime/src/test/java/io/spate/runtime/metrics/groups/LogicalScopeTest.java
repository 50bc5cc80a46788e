package io.spate.runtime.metrics.groups;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobID;
import io.spate.api.configuration.Configuration;
import io.spate.api.metrics.CharacterFilter;
import io.spate.api.metrics.LogicalScopeProvider;
import io.spate.runtime.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;

/** The logical scope of each kind of group: its kinds of scope, whatever the scope formats say. */
class LogicalScopeTest {

  private final JobID job = JobID.generate();

  @Test
  void eachGroupHasFlinksLogicalScope() {
    try (MetricRegistry registry = MetricRegistry.withoutReporters()) {
      TaskManagerMetricGroup tm = new TaskManagerMetricGroup(registry, "h", "tm-1");
      TaskMetricGroup task = tm.addTask(job, "clicks", "7", "a1", "Source", 0, 0);
      OperatorMetricGroup operator = task.getOrAddOperator("op", "Map");
      JobManagerMetricGroup jm = new JobManagerMetricGroup(registry, "h");

      assertThat(tm.getLogicalScopeComponents()).containsExactly("taskmanager");
      assertThat(tm.job(job).getLogicalScopeComponents()).containsExactly("taskmanager", "job");
      assertThat(task.getLogicalScopeComponents()).containsExactly("taskmanager", "job", "task");
      assertThat(operator.getLogicalScope(CharacterFilter.NO_OP, '.')).isEqualTo("taskmanager.job.task.operator");
      assertThat(jm.getLogicalScopeComponents()).containsExactly("jobmanager");
      assertThat(jm.addJob(job, "clicks").getLogicalScope(String::toUpperCase, '_')).isEqualTo("JOBMANAGER_JOB");
    }
  }

  @Test
  void aUserGroupAddsItsNameButTheValueOfAKeyValueGroupIsALabelOnly() {
    try (MetricRegistry registry = MetricRegistry.withoutReporters()) {
      OperatorMetricGroup operator = new TaskManagerMetricGroup(registry, "h", "tm-1")
          .addTask(job, "clicks", "7", "a1", "Source", 0, 0).getOrAddOperator("op", "Map");
      LogicalScopeProvider orders = (LogicalScopeProvider) operator.addGroup("orders");
      LogicalScopeProvider topic = (LogicalScopeProvider) operator.addGroup("topic", "payments");

      assertThat(orders.getLogicalScope(CharacterFilter.NO_OP, '.')).isEqualTo("taskmanager.job.task.operator.orders");
      assertThat(topic.getLogicalScope(CharacterFilter.NO_OP, '.')).isEqualTo("taskmanager.job.task.operator.topic");
      assertThat(((io.spate.api.metrics.MetricGroup) topic).getAllVariables()).containsEntry("<topic>", "payments");
    }
  }

  @Test
  void theLogicalScopeIgnoresTheScopeFormats() {
    Configuration conf = new Configuration().setString("metrics.scope.operator", "ops.<operator_name>");
    try (MetricRegistry registry = new MetricRegistry(conf)) {
      OperatorMetricGroup operator = new TaskManagerMetricGroup(registry, "h", "tm-1")
          .addTask(job, "clicks", "7", "a1", "Source", 0, 0).getOrAddOperator("op", "Map");
      assertThat(operator.getScopeComponents()).containsExactly("ops", "Map");
      assertThat(operator.getLogicalScopeComponents()).containsExactly("taskmanager", "job", "task", "operator");
    }
  }
}
