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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A GROUP BY's state survives a failure: a run that fails once after a completed checkpoint and
 * restores it commits exactly the changes a failure-free run commits (the full multiset, every
 * update-before and update-after, each as often), on both state backends.
 */
@Tag("fault-injection")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SqlGroupAggregateRecoveryE2ETest {

  private static final long ROWS = 10_000;

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aGroupByRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend) throws Exception {
    String clean = "group-by-clean-" + backend;
    String faulty = "group-by-faulty-" + backend;
    run(clean, false, backend);
    ClusterJobClient client = run(faulty, true, backend);
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(
        client.getJobExecutionResult().get().counters().get(JobResult.RESTARTS),
        client.getLatestRestore().get(10, TimeUnit.SECONDS), RecoveryTestConnectors.checkpointBeforeFailure(faulty));
    List<String> expected = sorted(RecoveryTestConnectors.committed(clean));
    // Each key's changes: +I, then -U/+U pairs, one per further row of the key.
    assertThat(expected).hasSize((int) (7 + 2 * (ROWS - 7)));
    assertThat(sorted(RecoveryTestConnectors.committed(faulty))).isEqualTo(expected);
  }

  private static ClusterJobClient run(String run, boolean fail, String backend) throws Exception {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    // One subtask per operator: each key's rows then reach the aggregate in one order in every run, so
    // the runs' changelogs (not only their final results) must be equal.
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.getConfig().set("execution.checkpointing.interval", "100 ms");
    tEnv.getConfig().set("restart-strategy.type", "fixed-delay");
    tEnv.getConfig().set("restart-strategy.fixed-delay.attempts", "3");
    tEnv.getConfig().set("restart-strategy.fixed-delay.delay", "50 ms");
    tEnv.getConfig().set("state.backend.type", backend);
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE TABLE sums (k INT, c BIGINT, s BIGINT, hi BIGINT) WITH ('connector' = 'committed-rows',"
        + " 'run' = '" + run + "')");
    TableResult result = tEnv.executeSql("INSERT INTO sums SELECT CAST(n % 7 AS INT), COUNT(*), SUM(n), MAX(n)"
        + " FROM numbers GROUP BY CAST(n % 7 AS INT)");
    result.await(200, TimeUnit.SECONDS);
    return (ClusterJobClient) result.getJobClient().orElseThrow();
  }

  private static List<String> sorted(List<String> rows) {
    List<String> copy = new ArrayList<>(rows);
    copy.sort(null);
    return copy;
  }
}
