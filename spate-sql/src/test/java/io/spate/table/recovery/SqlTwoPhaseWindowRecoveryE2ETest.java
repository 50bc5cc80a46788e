package io.spate.table.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.table.api.TableEnvironment;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A two-phase window aggregate, and a join with the MAX of its table's own windows whose left side is
 * pruned, survive a failure: the local window aggregates hand their batches on before each checkpoint
 * barrier and the pruning keeps only a cache, so a run that fails once after a completed checkpoint and
 * restores it commits what a failure-free run commits, on both state backends.
 */
@Tag("fault-injection")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SqlTwoPhaseWindowRecoveryE2ETest {

  private static final long ROWS = 10_000;

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aTwoPhaseHopAggregateRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend)
      throws Exception {
    String query = "INSERT INTO sums SELECT CAST(n % 7 AS INT), COUNT(*), SUM(n), MAX(n)"
        + " FROM TABLE(HOP(TABLE numbers, DESCRIPTOR(ts), INTERVAL '0.25' SECOND, INTERVAL '1' SECOND))"
        + " GROUP BY window_start, window_end, CAST(n % 7 AS INT)";
    // Row n is at n milliseconds: 43 windows (the first three and last three partial) of 7 groups.
    List<String> expected = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits("hop-two-phase-" + backend,
        (run, fail) -> run(run, fail, backend, query));
    assertThat(expected).hasSize(43 * 7);
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aJoinWithTheMaximumOfItsWindowsRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend)
      throws Exception {
    String query = "INSERT INTO sums SELECT CAST(B.n % 7 AS INT), B.n, B.n % 997, B.n FROM numbers B"
        + " JOIN (SELECT MAX(n % 997) AS hi, window_start, window_end"
        + " FROM TABLE(TUMBLE(TABLE numbers, DESCRIPTOR(ts), INTERVAL '0.5' SECOND)) GROUP BY window_start, window_end) M"
        + " ON B.n % 997 = M.hi WHERE B.ts >= M.window_start AND B.ts < M.window_end";
    List<String> expected = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits("max-join-" + backend,
        (run, fail) -> run(run, fail, backend, query));
    assertThat(expected).hasSize(20); // the 500 rows of a window have distinct n % 997: one maximum per window
  }

  private static ClusterJobClient run(String run, boolean fail, String backend, String insert) throws Exception {
    TableEnvironment tEnv = SqlRecoveryRuns.session(backend);
    tEnv.getConfig().set("table.exec.mini-batch.enabled", "true");
    tEnv.getConfig().set("table.exec.mini-batch.allow-latency", "20 ms");
    tEnv.getConfig().set("table.exec.mini-batch.size", "500");
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT, ts AS CAST(TIMESTAMP '2024-01-01 00:00:00'"
        + " + INTERVAL '0.001' SECOND * n AS TIMESTAMP(3)), WATERMARK FOR ts AS ts)"
        + " WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE TABLE sums (k INT, c BIGINT, s BIGINT, hi BIGINT) WITH ('connector' = 'committed-rows',"
        + " 'run' = '" + run + "')");
    return SqlRecoveryRuns.runToEnd(tEnv, insert);
  }
}
