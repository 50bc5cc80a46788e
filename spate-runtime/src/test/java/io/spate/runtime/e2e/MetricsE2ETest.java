package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionResult;
import io.spate.api.metrics.Gauge;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import io.spate.api.common.OutputTag;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.functions.Collector;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.typeinfo.Types;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.metrics.Counter;
import io.spate.runtime.metrics.RecordingReporter;
import io.spate.runtime.metrics.RecordingReporterFactory;
import org.junit.jupiter.api.Test;

/** A job on the embedded cluster, seen through a reporter: the record counts are the records it moved. */
class MetricsE2ETest {

  /** Passes records on, counting them in a metric of its own. */
  static final class CountingMap extends RichMapFunction<Long, Long> {
    private transient Counter mapped;

    @Override
    public void open(OpenContext openContext) {
      mapped = getRuntimeContext().getMetricGroup().counter("mapped");
    }

    @Override
    public Long map(Long value) {
      mapped.inc();
      return value;
    }
  }

  @Test
  void theReportedRecordCountsOfEveryOperatorAndTaskAreTheRecordsTheJobMoved() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    String id = RecordingReporterFactory.configure(env.getConfiguration(), "rec");
    env.fromSequence(1, 1000).name("numbers")
        .map(new CountingMap()).name("tagged")
        .rebalance()
        .filter(x -> x % 2 == 0).name("evens")
        .discard();
    JobExecutionResult result = env.execute("metrics job");
    RecordingReporter reporter = RecordingReporter.withId(id);

    assertThat(reporter.sumOfCounters("numRecordsOut", "<operator_name>", "numbers")).isEqualTo(1000);
    assertThat(reporter.sumOfCounters("numRecordsIn", "<operator_name>", "tagged")).isEqualTo(1000);
    assertThat(reporter.sumOfCounters("numRecordsOut", "<operator_name>", "tagged")).isEqualTo(1000);
    assertThat(reporter.sumOfCounters("mapped", "<operator_name>", "tagged")).isEqualTo(1000);
    assertThat(reporter.sumOfCounters("numRecordsIn", "<operator_name>", "evens")).isEqualTo(1000);
    assertThat(reporter.sumOfCounters("numRecordsOut", "<operator_name>", "evens")).isEqualTo(500);
    assertThat(reporter.sumOfCounters("numRecordsIn", "<operator_name>", "Discarding Sink")).isEqualTo(500);
    assertThat(reporter.sumOfCounters("numRecordsOut", "<operator_name>", "Discarding Sink")).isZero();
    // Task scope: only the rebalance crosses the network, written by two subtasks and read by two.
    assertThat(reporter.sumOfTaskCounters("numRecordsOut")).isEqualTo(1000);
    assertThat(reporter.sumOfTaskCounters("numRecordsIn")).isEqualTo(1000);

    assertThat(reporter.added).filteredOn(s -> s.name().equals("mapped")).hasSize(2)
        .allSatisfy(s -> assertThat(s.identifier()).matches(".+\\.taskmanager\\.taskexecutor-0\\.metrics_job\\.tagged\\.[01]\\.mapped"));
    assertThat(reporter.added).extracting(RecordingReporter.Seen::identifier)
        .anyMatch(i -> i.endsWith(".jobmanager.metrics_job.numberOfCompletedCheckpoints"))
        .anyMatch(i -> i.endsWith(".taskmanager.taskexecutor-0.metrics_job.numbers.0.numRecordsOutPerSecond"))
        .anyMatch(i -> i.endsWith(".taskmanager.taskexecutor-0.Status.JVM.Memory.Heap.Used"))
        .anyMatch(i -> i.endsWith(".jobmanager.Status.JVM.Threads.Count"));
    // Once the job ended, nothing of it is reported any more, on the TaskManager or the JobManager.
    assertThat(reporter.live()).noneMatch(i -> i.contains(".metrics_job."));
    // The job's result reads the same counters: the records its sources emitted and its tasks read.
    assertThat(result.counters()).containsEntry("numSourceRecordsOut", 1000L).containsEntry("numRecordsIn", 1000L);
  }

  static final OutputTag<Long> ODD = new OutputTag<>("odd", Types.LONG);

  /** Emits even numbers on its main output and odd ones on the side output {@link #ODD}. */
  static final class SplitByParity extends ProcessFunction<Long, Long> {
    @Override
    public void processElement(Long value, Context ctx, Collector<Long> out) {
      if (value % 2 == 0) {
        out.collect(value);
      } else {
        ctx.output(ODD, value);
      }
    }
  }

  @Test
  void anOperatorWithSeveralConsumersAndASideOutputCountsEachRecordItEmitsOnce() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    String id = RecordingReporterFactory.configure(env.getConfiguration(), "rec");
    SingleOutputStreamOperator<Long> evens = env.fromSequence(1, 100).name("numbers")
        .process(new SplitByParity()).name("split");
    evens.map(x -> x).name("first").discard();
    evens.map(x -> x).name("second").discard();
    evens.getSideOutput(ODD).map(x -> x).name("odds").discard();
    env.execute("fan out");
    RecordingReporter reporter = RecordingReporter.withId(id);

    assertThat(reporter.sumOfCounters("numRecordsIn", "<operator_name>", "split")).isEqualTo(100);
    assertThat(reporter.sumOfCounters("numRecordsOut", "<operator_name>", "split")).isEqualTo(100);
    assertThat(reporter.sumOfCounters("numRecordsIn", "<operator_name>", "first")).isEqualTo(50);
    assertThat(reporter.sumOfCounters("numRecordsIn", "<operator_name>", "second")).isEqualTo(50);
    assertThat(reporter.sumOfCounters("numRecordsIn", "<operator_name>", "odds")).isEqualTo(50);
    assertThat(reporter.sumOfCounters("numRecordsOut", "<operator_name>", "odds")).isEqualTo(50);
  }

  @Test
  void anOperatorFeedingSeveralConsumersWithoutSideOutputsCountsItsConsumersRecordsIn() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    String id = RecordingReporterFactory.configure(env.getConfiguration(), "rec");
    SingleOutputStreamOperator<Long> evens = env.fromSequence(1, 1000).name("numbers")
        .filter(x -> x % 2 == 0).name("evens");
    evens.map(x -> x).name("chained one").filter(x -> x % 4 == 0).name("fours").discard();
    evens.map(x -> x).name("chained two").discard();
    evens.keyBy(x -> x % 7).map(x -> x).name("across the network").discard();
    env.execute("fan out to all");
    RecordingReporter reporter = RecordingReporter.withId(id);

    assertThat(reporter.sumOfCounters("numRecordsIn", "<operator_name>", "evens")).isEqualTo(1000);
    assertThat(reporter.sumOfCounters("numRecordsOut", "<operator_name>", "evens")).isEqualTo(500);
    assertThat(reporter.sumOfCounters("numRecordsIn", "<operator_name>", "chained one")).isEqualTo(500);
    assertThat(reporter.sumOfCounters("numRecordsIn", "<operator_name>", "chained two")).isEqualTo(500);
    assertThat(reporter.sumOfCounters("numRecordsIn", "<operator_name>", "fours")).isEqualTo(500);
    assertThat(reporter.sumOfCounters("numRecordsOut", "<operator_name>", "fours")).isEqualTo(250);
    assertThat(reporter.sumOfCounters("numRecordsIn", "<operator_name>", "across the network")).isEqualTo(500);
  }

  @Test
  void theJobManagerReportsTheJobsCheckpointsUntilTheJobEnds() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    String id = RecordingReporterFactory.configure(env.getConfiguration(), "rec");
    env.enableCheckpointing(30);
    env.fromSequence(1, Long.MAX_VALUE).map(x -> x).discard();
    JobClient client = env.executeAsync("checkpointed");
    RecordingReporter reporter = RecordingReporter.withId(id);
    try {
      Await.until(Duration.ofSeconds(60), "two completed checkpoints reported",
          () -> gauge(reporter, "numberOfCompletedCheckpoints") >= 2);
      assertThat(gauge(reporter, "lastCheckpointDuration")).isNotNegative();
      assertThat(gauge(reporter, "lastCheckpointSize")).isPositive(); // the sources' split state
      assertThat(gauge(reporter, "lastCheckpointFullSize")).isGreaterThanOrEqualTo(gauge(reporter, "lastCheckpointSize"));
      assertThat(gauge(reporter, "numberOfFailedCheckpoints")).isZero();
    } finally {
      client.cancel().get(30, TimeUnit.SECONDS);
    }
    Await.until(Duration.ofSeconds(30), "the job's metrics to be removed",
        () -> reporter.live().stream().noneMatch(i -> i.contains(".checkpointed.")));
  }

  /** The value of the gauge {@code name} on the JobManager's job group. */
  private static long gauge(RecordingReporter reporter, String name) {
    return reporter.added.stream()
        .filter(s -> s.name().equals(name) && s.identifier().contains(".jobmanager.checkpointed."))
        .mapToLong(s -> (Long) ((Gauge<?>) s.metric()).getValue())
        .findFirst().orElse(-2);
  }
}
