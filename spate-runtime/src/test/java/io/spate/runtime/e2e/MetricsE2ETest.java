package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobExecutionResult;
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
    String id = RecordingReporterFactory.newId();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.getConfiguration().setString("metrics.reporter.rec.factory.class", RecordingReporterFactory.class.getName());
    env.getConfiguration().setString("metrics.reporter.rec.id", id);
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
    assertThat(taskCounters(reporter, "numRecordsOut")).isEqualTo(1000);
    assertThat(taskCounters(reporter, "numRecordsIn")).isEqualTo(1000);

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

  private static long taskCounters(RecordingReporter reporter, String name) {
    return reporter.added.stream()
        .filter(s -> s.name().equals(name) && s.variables().containsKey("<task_attempt_id>")
            && !s.variables().containsKey("<operator_id>"))
        .mapToLong(s -> ((Counter) s.metric()).getCount())
        .sum();
  }
}
