package io.spate.runtime.metrics.dump;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobID;
import io.spate.api.metrics.DescriptiveStatisticsHistogram;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.Histogram;
import io.spate.runtime.metrics.MetricRegistry;
import io.spate.runtime.metrics.groups.OperatorMetricGroup;
import io.spate.runtime.metrics.groups.TaskManagerMetricGroup;
import io.spate.runtime.metrics.groups.TaskMetricGroup;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a metric dump of a TaskManager's group tree holds: scopes, ids as Flink names them, and values. */
class MetricDumperTest {

  private static final JobID JOB = JobID.fromHexString("0123456789abcdef0123456789abcdef");

  private static String key(MetricDump.Entry e) {
    return e.scope() + "|" + e.jobId() + "|" + e.vertexId() + "|" + e.subtaskIndex() + "|" + e.operatorName() + "|"
        + e.name();
  }

  @Test
  void scopesUserGroupsAndValues() {
    MetricRegistry registry = MetricRegistry.withoutReporters();
    TaskManagerMetricGroup tm = new TaskManagerMetricGroup(registry, "host", "tm-1");
    tm.gauge("Status.Answer", (Gauge<Integer>) () -> 42);
    TaskMetricGroup task = tm.addTask(JOB, "job", "7", "attempt-1", "Map -> Sink", 3, 0);
    task.numRecordsIn().inc(5);
    OperatorMetricGroup operator = task.getOrAddOperator("op-1", "Source: my.source, one");
    operator.addGroup("myGroup").addGroup("k", "v").counter("hits").inc(2);
    operator.gauge("label", (Gauge<String>) () -> "text");
    Histogram histogram = task.addGroup("latency").histogram("h", new DescriptiveStatisticsHistogram(10));
    for (long i = 1; i <= 4; i++) {
      histogram.update(i);
    }

    Map<String, Object> dumped = MetricDumper.dump(tm).entries().stream()
        .collect(Collectors.toMap(MetricDumperTest::key, MetricDump.Entry::value, (a, b) -> a));
    String job = JOB.toString();
    assertThat(dumped).containsEntry("TASK_MANAGER|null|null|-1|null|Status.Answer", 42L);
    assertThat(dumped).containsEntry("TASK|" + job + "|7|3|null|numRecordsIn", 5L);
    assertThat(dumped).containsEntry("OPERATOR|" + job + "|7|3|Source__my_source__one|myGroup.k.v.hits", 2L);
    assertThat(dumped).containsEntry("OPERATOR|" + job + "|7|3|Source__my_source__one|label", "text");
    assertThat(dumped).containsEntry("TASK|" + job + "|7|3|null|latency.h_min", 1L);
    assertThat(dumped).containsEntry("TASK|" + job + "|7|3|null|latency.h_max", 4L);
    assertThat(dumped).containsEntry("TASK|" + job + "|7|3|null|latency.h_mean", 2.5);
    assertThat(dumped).containsKey("TASK|" + job + "|7|3|null|latency.h_p99");
    assertThat(dumped.get("TASK|" + job + "|7|3|null|numRecordsInPerSecond")).isInstanceOf(Double.class);
  }

  @Test
  void endedTasksComeFirstAndTheOldestIsDropped() {
    MetricRegistry registry = MetricRegistry.withoutReporters();
    TaskManagerMetricGroup tm = new TaskManagerMetricGroup(registry, "host", "tm-1");
    EndedTaskMetrics ended = new EndedTaskMetrics(2);
    for (int i = 0; i < 3; i++) {
      TaskMetricGroup task = tm.addTask(JOB, "job", "1", "attempt-" + i, "t", i, 0);
      task.numRecordsOut().inc(10 + i);
      ended.retain(task);
      tm.removeTask(JOB, "attempt-" + i);
    }
    TaskMetricGroup rerun = tm.addTask(JOB, "job", "1", "attempt-3", "t", 2, 1);
    rerun.numRecordsOut().inc(99);
    MetricDump all = ended.before(MetricDumper.dump(tm));
    // In order, later entries win: the running attempt's value comes after its ended attempt's.
    Map<Integer, Object> out = all.entries().stream().filter(e -> e.name().equals("numRecordsOut"))
        .collect(Collectors.toMap(MetricDump.Entry::subtaskIndex, MetricDump.Entry::value, (a, b) -> b));
    assertThat(out).containsOnly(Map.entry(1, 11L), Map.entry(2, 99L));
    assertThat(all.entries().stream().filter(e -> e.name().equals("numRecordsOut")).map(MetricDump.Entry::value))
        .containsExactly(11L, 12L, 99L);
  }
}
