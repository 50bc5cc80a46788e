package io.spate.runtime.metrics.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.JobID;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.metrics.ReservoirHistogram;
import io.spate.api.metrics.SimpleCounter;
import io.spate.runtime.metrics.MetricRegistry;
import io.spate.runtime.metrics.RecordingReporter;
import io.spate.runtime.metrics.RecordingReporterFactory;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scopes, identifiers and variables of the metric groups, and what closing a group takes away. */
class MetricGroupScopeTest {

  private final JobID job = JobID.generate();
  private MetricRegistry registry;
  private RecordingReporter reporter;

  private void start(Configuration conf) {
    String id = RecordingReporterFactory.configure(conf, "rec");
    registry = new MetricRegistry(conf);
    reporter = RecordingReporter.withId(id);
  }

  @AfterEach
  void close() {
    if (registry != null) {
      registry.close();
    }
  }

  private TaskMetricGroup task(TaskManagerMetricGroup tm, String attempt, int subtask) {
    return tm.addTask(job, "clicks", "7", attempt, "Source", subtask, 0);
  }

  @Test
  void everyScopeHasFlinksDefaultIdentifier() {
    start(new Configuration());
    JobManagerMetricGroup jm = new JobManagerMetricGroup(registry, "host1");
    TaskManagerMetricGroup tm = new TaskManagerMetricGroup(registry, "host1", "tm-1");
    TaskMetricGroup task = task(tm, "a1", 3);
    OperatorMetricGroup operator = task.getOrAddOperator("op-9", "Map");

    assertThat(jm.getMetricIdentifier("m")).isEqualTo("host1.jobmanager.m");
    assertThat(jm.addJob(job, "clicks").getMetricIdentifier("m")).isEqualTo("host1.jobmanager.clicks.m");
    assertThat(tm.getMetricIdentifier("m")).isEqualTo("host1.taskmanager.tm-1.m");
    assertThat(tm.job(job).getMetricIdentifier("m")).isEqualTo("host1.taskmanager.tm-1.clicks.m");
    assertThat(task.getMetricIdentifier("m")).isEqualTo("host1.taskmanager.tm-1.clicks.Source.3.m");
    assertThat(operator.getMetricIdentifier("m")).isEqualTo("host1.taskmanager.tm-1.clicks.Map.3.m");
    assertThat(operator.addGroup("mine").getMetricIdentifier("m"))
        .isEqualTo("host1.taskmanager.tm-1.clicks.Map.3.mine.m");
    assertThat(operator.getAllVariables()).containsEntry("<host>", "host1").containsEntry("<tm_id>", "tm-1")
        .containsEntry("<job_id>", job.toString()).containsEntry("<job_name>", "clicks")
        .containsEntry("<task_id>", "7").containsEntry("<task_attempt_id>", "a1").containsEntry("<task_name>", "Source")
        .containsEntry("<subtask_index>", "3").containsEntry("<attempt_num>", "0")
        .containsEntry("<operator_id>", "op-9").containsEntry("<operator_name>", "Map");
    assertThat(operator.getScopeComponents()).containsExactly("host1", "taskmanager", "tm-1", "clicks", "Map", "3");
  }

  @Test
  void anOperatorThatFeedsOneChainedOperatorReportsItsRecordsOutFromThatOperatorsRecordsIn() {
    start(new Configuration());
    TaskMetricGroup task = task(new TaskManagerMetricGroup(registry, "host1", "tm-1"), "a1", 0);
    OperatorMetricGroup map = task.getOrAddOperator("op-1", "Map");
    OperatorMetricGroup filter = task.getOrAddOperator("op-2", "Filter");
    map.numRecordsOut().inc(2);

    map.countRecordsOutWith(filter.numRecordsIn());
    filter.numRecordsIn().inc(5);

    assertThat(map.numRecordsOut()).isSameAs(filter.numRecordsIn());
    assertThat(reporter.sumOfCounters("numRecordsOut", "<operator_name>", "Map")).isEqualTo(5);
    assertThat(reporter.sumOfCounters("numRecordsIn", "<operator_name>", "Filter")).isEqualTo(5);
    Counter reported = (Counter) reporter.added.stream()
        .filter(s -> s.name().equals("numRecordsOut") && s.identifier().contains(".Map."))
        .findFirst().orElseThrow().metric();
    assertThatThrownBy(reported::inc).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("numRecordsOut");
    assertThatThrownBy(() -> map.countRecordsOutWith(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void scopeFormatsAndTheDelimiterComeFromTheConfiguration() {
    Configuration conf = new Configuration();
    conf.setString("metrics.scope.delimiter", "/");
    conf.setString("metrics.scope.operator", "spate.<job_id>.<operator_id>.<subtask_index>");
    start(conf);
    TaskManagerMetricGroup tm = new TaskManagerMetricGroup(registry, "h", "tm");
    OperatorMetricGroup operator = task(tm, "a", 0).getOrAddOperator("op", "Map");
    assertThat(operator.getMetricIdentifier("numRecordsIn")).isEqualTo("spate/" + job + "/op/0/numRecordsIn");
    assertThat(tm.getMetricIdentifier("x")).isEqualTo("h/taskmanager/tm/x");
  }

  @Test
  void aFormatWithAnUnknownVariableOrAnEmptyPartIsRefusedNamingTheOption() {
    assertThatThrownBy(() -> new MetricRegistry(new Configuration().setString("metrics.scope.tm", "<host>.<job_name>")))
        .isInstanceOf(IllegalConfigurationException.class).hasMessageContaining("metrics.scope.tm")
        .hasMessageContaining("<job_name>");
    assertThatThrownBy(() -> new MetricRegistry(new Configuration().setString("metrics.scope.jm", "<host>..jm")))
        .isInstanceOf(IllegalConfigurationException.class).hasMessageContaining("metrics.scope.jm")
        .hasMessageContaining("empty part");
    assertThatThrownBy(() -> new MetricRegistry(new Configuration().setString("metrics.scope.jm", "x<host>")))
        .isInstanceOf(IllegalConfigurationException.class).hasMessageContaining("whole part");
  }

  @Test
  void charactersThatBreakAnIdentifierAreReplacedAndReportersMayFilterMore() {
    start(new Configuration());
    TaskManagerMetricGroup tm = new TaskManagerMetricGroup(registry, "h", "tm");
    OperatorMetricGroup operator = tm.addTask(job, "my job", "1", "a", "Source: in", 0, 0)
        .getOrAddOperator("op", "Map.v2\tfast");
    assertThat(operator.getMetricIdentifier("records in"))
        .isEqualTo("h.taskmanager.tm.my_job.Map_v2_fast.0.records_in");
    assertThat(operator.getMetricIdentifier("x", part -> part.replaceAll("[^a-z0-9]", "")))
        .isEqualTo("h.taskmanager.tm.myjob.apv2fast.0.x");
  }

  @Test
  void longOperatorNamesAreCutToEightyCharacters() {
    start(new Configuration());
    String name = "x".repeat(100);
    OperatorMetricGroup operator = task(new TaskManagerMetricGroup(registry, "h", "tm"), "a", 0)
        .getOrAddOperator("op", name);
    assertThat(operator.getAllVariables().get("<operator_name>")).hasSize(80);
  }

  @Test
  void aKeyValueGroupAddsBothPartsAndAVariable() {
    start(new Configuration());
    OperatorMetricGroup operator = task(new TaskManagerMetricGroup(registry, "h", "tm"), "a", 0)
        .getOrAddOperator("op", "Map");
    MetricGroup byTopic = operator.addGroup("topic", "orders");
    assertThat(byTopic.getMetricIdentifier("lag")).isEqualTo("h.taskmanager.tm.clicks.Map.0.topic.orders.lag");
    assertThat(byTopic.getAllVariables()).containsEntry("<topic>", "orders").containsEntry("<operator_name>", "Map");
    assertThat(operator.addGroup("topic", "orders")).isSameAs(byTopic);
  }

  @Test
  void aSecondMetricOfTheSameNameIsNotReportedAndDoesNotReplaceTheFirst() {
    start(new Configuration());
    TaskManagerMetricGroup tm = new TaskManagerMetricGroup(registry, "h", "tm");
    Counter first = tm.counter("c");
    Counter second = tm.counter("c");
    tm.gauge("c", (Gauge<Long>) () -> 1L);
    assertThat(second).isNotSameAs(first);
    assertThat(tm.metrics()).containsEntry("c", first).hasSize(1);
    assertThat(reporter.added).hasSize(1);
    assertThat(reporter.added.get(0).metric()).isSameAs(first);
    assertThatThrownBy(() -> tm.counter(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("h.taskmanager.tm");
  }

  @Test
  void anEndedTaskLeavesNoMetricBehindAndItsJobGroupGoesWithTheLastTask() {
    start(new Configuration());
    TaskManagerMetricGroup tm = new TaskManagerMetricGroup(registry, "h", "tm");
    TaskMetricGroup first = task(tm, "a", 0);
    TaskMetricGroup second = task(tm, "b", 1);
    OperatorMetricGroup operator = first.getOrAddOperator("op", "Map");
    operator.addGroup("user").histogram("latency", new ReservoirHistogram(8));
    operator.counter("mine", new SimpleCounter());
    tm.job(job).counter("jobLevel");
    List<String> secondTasks = List.copyOf(second.metrics().keySet());
    assertThat(secondTasks).contains("numRecordsIn", "numRecordsOut", "numRecordsInPerSecond", "numBytesOut");

    tm.removeTask(job, "a");
    assertThat(first.isClosed()).isTrue();
    assertThat(operator.isClosed()).isTrue();
    assertThat(reporter.live()).noneMatch(id -> id.contains(".Source.0.") || id.contains(".Map.0."));
    assertThat(reporter.removed).extracting(RecordingReporter.Seen::name).contains("latency", "mine", "numRecordsIn");
    assertThat(tm.numberOfJobs()).isEqualTo(1);

    tm.removeTask(job, "b");
    assertThat(tm.numberOfJobs()).isZero();
    assertThat(reporter.live()).isEmpty();

    // a late registration in a closed group goes nowhere
    operator.counter("late");
    assertThat(reporter.live()).isEmpty();
  }

  @Test
  void aJobsGroupOnTheJobManagerClosesWhenTheJobIsRemoved() {
    start(new Configuration());
    JobManagerMetricGroup jm = new JobManagerMetricGroup(registry, "h");
    jm.addJob(job, "clicks").gauge("numberOfCompletedCheckpoints", (Gauge<Long>) () -> 3L);
    assertThat(reporter.live()).containsExactly("h.jobmanager.clicks.numberOfCompletedCheckpoints");
    jm.removeJob(job);
    assertThat(reporter.live()).isEmpty();
    assertThat(jm.numberOfJobs()).isZero();
  }
}
