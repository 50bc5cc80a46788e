package io.spate.runtime.operators.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.runtime.testing.KeyedSumsJob;
import io.spate.runtime.testing.RecordedOutput;
import io.spate.runtime.testing.RecoveryAssertions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An operator written in the shape of Flink's operator API ({@link WindowTotalsOperator}: keyed state
 * and event-time timers with namespaces, operator state through initializeState and snapshotState,
 * records as StreamRecords), added with {@code transform} on a keyed stream, keeps its state and
 * timers across a failure: the run that fails after a completed checkpoint and restores it emits the
 * same records as a failure-free run, each as often. The input and the windows are those of {@link
 * TransformedOperatorRecoveryTest}.
 */
class FlinkShapedOperatorRecoveryTest {

  // Run ids are global to the JVM: FailAfterCheckpoint fails each run id once, whichever test runs it.
  private static final String CLEAN = "flink-shaped-operator-clean";
  private static final String FAULTY = "flink-shaped-operator-faulty";

  private static ClusterJobClient run(String runId, boolean fail) throws Exception {
    return TransformedOperatorRecoveryTest.run(runId, fail, "window totals",
        new WindowTotalsOperator(TransformedOperatorRecoveryTest.WINDOW));
  }

  private static List<String> windows(List<String> output) {
    return output.stream().filter(line -> line.contains("@")).sorted().toList();
  }

  private static long seen(List<String> output) {
    return output.stream().filter(line -> line.startsWith("seen=")).mapToLong(line -> Long.parseLong(line.substring(5)))
        .sum();
  }

  @Test
  void aFlinkShapedKeyedOperatorRestoresItsStateTimersAndOperatorStateFromTheCheckpoint() throws Exception {
    run(CLEAN, false);
    ClusterJobClient faulty = run(FAULTY, true);
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(
        faulty.getJobExecutionResult().get().counters().get(JobResult.RESTARTS),
        faulty.getLatestRestore().get(10, TimeUnit.SECONDS), KeyedSumsJob.checkpointBeforeFailure(FAULTY));
    List<String> clean = RecordedOutput.sorted(TransformedOperatorRecoveryTest.results(CLEAN));
    List<String> recovered = RecordedOutput.sorted(TransformedOperatorRecoveryTest.results(FAULTY));
    assertThat(windows(clean)).isEqualTo(TransformedOperatorRecoveryTest.expected());
    assertThat(seen(clean)).isEqualTo(TransformedOperatorRecoveryTest.RECORDS);
    assertThat(windows(recovered)).isEqualTo(windows(clean));
    assertThat(seen(recovered)).isEqualTo(TransformedOperatorRecoveryTest.RECORDS);
    assertThat(recovered).hasSameSizeAs(clean);
  }
}
