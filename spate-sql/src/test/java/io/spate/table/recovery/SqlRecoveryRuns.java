package io.spate.table.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.runtime.testing.RecoveryAssertions;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.TableResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.concurrent.TimeUnit;

/**
 * Runs of an INSERT for recovery tests: a failure-free run and a run that fails once after a
 * checkpoint (the {@code failing-sequence} source), whose committed rows ({@code committed-rows} sink)
 * must be the same multiset, the second run restored from a checkpoint.
 */
final class SqlRecoveryRuns {

  /** One run of a test's INSERT: {@code run} names the run's source and sink; {@code fail} injects the failure. */
  @FunctionalInterface
  interface Run {
    ClusterJobClient start(String run, boolean fail) throws Exception;
  }

  private SqlRecoveryRuns() {}

  /**
   * A session whose jobs checkpoint every 100 ms, restart up to 3 times and keep state on
   * {@code backend}, with one subtask per operator: rows then reach each operator in one order in
   * every run, so the runs' changelogs (not only their final results) must be equal.
   */
  static TableEnvironment session(String backend) {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.getConfig().set("execution.checkpointing.interval", "100 ms");
    tEnv.getConfig().set("restart-strategy.type", "fixed-delay");
    tEnv.getConfig().set("restart-strategy.fixed-delay.attempts", "3");
    tEnv.getConfig().set("restart-strategy.fixed-delay.delay", "50 ms");
    tEnv.getConfig().set("state.backend.type", backend);
    return tEnv;
  }

  /** Runs {@code insert} in {@code tEnv} until its job ends; the job's client. */
  static ClusterJobClient runToEnd(TableEnvironment tEnv, String insert) throws Exception {
    TableResult result = tEnv.executeSql(insert);
    result.await(200, TimeUnit.SECONDS);
    return (ClusterJobClient) result.getJobClient().orElseThrow();
  }

  /**
   * Runs {@code run} failure-free and with a failure (runs {@code name-clean} and {@code name-faulty}),
   * asserts that the second restarted from a checkpoint taken before its failure and committed the
   * first's rows, and returns those rows, sorted.
   */
  static List<String> assertFaultyRunCommitsWhatACleanRunCommits(String name, Run run) throws Exception {
    return assertFaultyRunCommitsWhatACleanRunCommits(name, run, SqlRecoveryRuns::sorted);
  }

  /**
   * As {@link #assertFaultyRunCommitsWhatACleanRunCommits(String, Run)}, comparing what {@code view}
   * makes of each run's committed rows (for operators whose changelog depends on timing, such as
   * mini-batches: the table the changes leave); returns the clean run's rows, sorted.
   */
  static List<String> assertFaultyRunCommitsWhatACleanRunCommits(String name, Run run,
      Function<List<String>, ?> view) throws Exception {
    String clean = name + "-clean";
    String faulty = name + "-faulty";
    run.start(clean, false);
    ClusterJobClient client = run.start(faulty, true);
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(
        client.getJobExecutionResult().get().counters().get(JobResult.RESTARTS),
        client.getLatestRestore().get(10, TimeUnit.SECONDS), RecoveryTestConnectors.checkpointBeforeFailure(faulty));
    assertThat(RecoveryTestConnectors.checkpointBeforeFailure(faulty)).as("the failure came after a checkpoint")
        .isPositive();
    List<String> expected = RecoveryTestConnectors.committed(clean);
    assertThat(view.apply(RecoveryTestConnectors.committed(faulty))).isEqualTo(view.apply(expected));
    return sorted(expected);
  }

  /** The rows a changelog of committed rows ({@code +I[...]}, {@code -U[...]}, ...) leaves, with their counts. */
  static Map<String, Integer> finalTable(List<String> changes) {
    Map<String, Integer> table = new TreeMap<>();
    for (String change : changes) {
      String row = change.substring(2);
      boolean adds = change.startsWith("+I") || change.startsWith("+U");
      table.merge(row, adds ? 1 : -1, Integer::sum);
      assertThat(table.get(row)).as("retracted %s", change).isNotNegative();
      table.remove(row, 0);
    }
    return table;
  }

  private static List<String> sorted(List<String> rows) {
    List<String> copy = new ArrayList<>(rows);
    copy.sort(null);
    return copy;
  }
}
