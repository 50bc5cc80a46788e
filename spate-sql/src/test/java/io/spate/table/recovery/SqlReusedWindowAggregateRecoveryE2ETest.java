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
 * Nexmark q5's shape with its window aggregate shared by both sides of the join: the one aggregate
 * feeds the join's rows and the maximum per window, and a run that fails once after a completed
 * checkpoint and restores it commits what a failure-free run commits, on both state backends.
 */
@Tag("fault-injection")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SqlReusedWindowAggregateRecoveryE2ETest {

  private static final long ROWS = 10_000;

  private static final String COUNTS = "SELECT CAST(n % 7 AS INT) AS k, COUNT(*) AS num, window_start AS ws,"
      + " window_end AS we FROM TABLE(HOP(TABLE numbers, DESCRIPTOR(ts), INTERVAL '0.25' SECOND, INTERVAL '1' SECOND))"
      + " GROUP BY CAST(n % 7 AS INT), window_start, window_end";

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void theSharedWindowAggregateRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend)
      throws Exception {
    String query = "INSERT INTO hot SELECT A.k, A.num, CAST(A.ws AS VARCHAR), CAST(A.we AS VARCHAR)"
        + " FROM (" + COUNTS + ") A JOIN (SELECT MAX(C.num) AS maxn, C.ws, C.we FROM (" + COUNTS + ") C"
        + " GROUP BY C.ws, C.we) M ON A.ws = M.ws AND A.we = M.we AND A.num >= M.maxn";
    List<String> expected = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits("reused-window-agg-" + backend,
        (run, fail) -> run(run, fail, backend, query));
    // row n is at n ms: 43 windows; in each the groups with the most rows (ties included) come
    assertThat(expected.size()).isGreaterThanOrEqualTo(43);
  }

  private static ClusterJobClient run(String run, boolean fail, String backend, String insert) throws Exception {
    TableEnvironment tEnv = SqlRecoveryRuns.session(backend);
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT, ts AS CAST(TIMESTAMP '2024-01-01 00:00:00'"
        + " + INTERVAL '0.001' SECOND * n AS TIMESTAMP(3)), WATERMARK FOR ts AS ts)"
        + " WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE TABLE hot (k INT, num BIGINT, ws VARCHAR, we VARCHAR) WITH ('connector' = 'committed-rows',"
        + " 'run' = '" + run + "')");
    return SqlRecoveryRuns.runToEnd(tEnv, insert);
  }
}
