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
 * A GROUP BY's state, a window aggregate's state and timers, and a join's state survive a failure: a run that fails once after a completed checkpoint and
 * restores it commits exactly the changes a failure-free run commits (the full multiset, every
 * update-before and update-after, each as often), on both state backends.
 */
@Tag("fault-injection")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SqlStatefulOperatorsRecoveryE2ETest {

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

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aWindowAggregateRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend) throws Exception {
    String clean = "window-clean-" + backend;
    String faulty = "window-faulty-" + backend;
    String query = "INSERT INTO sums SELECT CAST(n % 7 AS INT), COUNT(*), SUM(n), MAX(n)"
        + " FROM TABLE(TUMBLE(TABLE numbers, DESCRIPTOR(ts), INTERVAL '1' SECOND))"
        + " GROUP BY window_start, window_end, CAST(n % 7 AS INT)";
    run(clean, false, backend, query);
    ClusterJobClient client = run(faulty, true, backend, query);
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(
        client.getJobExecutionResult().get().counters().get(JobResult.RESTARTS),
        client.getLatestRestore().get(10, TimeUnit.SECONDS), RecoveryTestConnectors.checkpointBeforeFailure(faulty));
    List<String> expected = sorted(RecoveryTestConnectors.committed(clean));
    // Row n is at n milliseconds: windows of a second hold 1,000 rows, 7 groups each.
    assertThat(expected).hasSize((int) (ROWS / 1000 * 7));
    assertThat(sorted(RecoveryTestConnectors.committed(faulty))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aJoinRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend) throws Exception {
    String clean = "join-clean-" + backend;
    String faulty = "join-faulty-" + backend;
    String query = "INSERT INTO pairs SELECT a.n, b.n FROM numbers AS a JOIN numbers AS b ON a.n = b.n + 1";
    run(clean, false, backend, query);
    ClusterJobClient client = run(faulty, true, backend, query);
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(
        client.getJobExecutionResult().get().counters().get(JobResult.RESTARTS),
        client.getLatestRestore().get(10, TimeUnit.SECONDS), RecoveryTestConnectors.checkpointBeforeFailure(faulty));
    List<String> expected = sorted(RecoveryTestConnectors.committed(clean));
    assertThat(expected).hasSize((int) ROWS - 1);
    assertThat(sorted(RecoveryTestConnectors.committed(faulty))).isEqualTo(expected);
  }

  private static ClusterJobClient run(String run, boolean fail, String backend) throws Exception {
    return run(run, fail, backend, "INSERT INTO sums SELECT CAST(n % 7 AS INT), COUNT(*), SUM(n), MAX(n)"
        + " FROM numbers GROUP BY CAST(n % 7 AS INT)");
  }

  private static ClusterJobClient run(String run, boolean fail, String backend, String insert) throws Exception {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    // One subtask per operator: each key's rows then reach the aggregate in one order in every run, so
    // the runs' changelogs (not only their final results) must be equal.
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.getConfig().set("execution.checkpointing.interval", "100 ms");
    tEnv.getConfig().set("restart-strategy.type", "fixed-delay");
    tEnv.getConfig().set("restart-strategy.fixed-delay.attempts", "3");
    tEnv.getConfig().set("restart-strategy.fixed-delay.delay", "50 ms");
    tEnv.getConfig().set("state.backend.type", backend);
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT, ts AS CAST(TIMESTAMP '2024-01-01 00:00:00'"
        + " + INTERVAL '0.001' SECOND * n AS TIMESTAMP(3)), WATERMARK FOR ts AS ts)"
        + " WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE TABLE sums (k INT, c BIGINT, s BIGINT, hi BIGINT) WITH ('connector' = 'committed-rows',"
        + " 'run' = '" + run + "')");
    tEnv.executeSql("CREATE TABLE pairs (x BIGINT, y BIGINT) WITH ('connector' = 'committed-rows', 'run' = '" + run
        + "')");
    TableResult result = tEnv.executeSql(insert);
    result.await(200, TimeUnit.SECONDS);
    return (ClusterJobClient) result.getJobClient().orElseThrow();
  }

  private static List<String> sorted(List<String> rows) {
    List<String> copy = new ArrayList<>(rows);
    copy.sort(null);
    return copy;
  }
}
