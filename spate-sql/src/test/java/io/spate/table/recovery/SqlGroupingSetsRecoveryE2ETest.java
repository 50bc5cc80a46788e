package io.spate.table.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.table.api.TableEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An aggregate of grouping sets survives a failure: its groups of every set (keyed by the set's columns and
 * grouping id) keep their accumulators in keyed state, so a run that fails once after a completed checkpoint
 * and restores it commits what a failure-free run commits, on both state backends.
 */
@Tag("fault-injection")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SqlGroupingSetsRecoveryE2ETest {

  private static final long ROWS = 10_000;

  private static final String CUBE = "INSERT INTO cube_counts SELECT CAST(n % 3 AS INT), CAST(n % 2 AS INT),"
      + " COUNT(*), COUNT(DISTINCT n % 101), SUM(n) FILTER (WHERE n % 5 = 0), GROUPING_ID(CAST(n % 3 AS INT),"
      + " CAST(n % 2 AS INT)) FROM numbers GROUP BY CUBE (CAST(n % 3 AS INT), CAST(n % 2 AS INT))";

  private static final String ROLLUP_WINDOW = "INSERT INTO window_counts SELECT window_start, CAST(n % 3 AS INT),"
      + " COUNT(*), MAX(n), GROUPING(CAST(n % 3 AS INT))"
      + " FROM TABLE(TUMBLE(TABLE numbers, DESCRIPTOR(ts), INTERVAL '1' SECOND))"
      + " GROUP BY window_start, window_end, ROLLUP (CAST(n % 3 AS INT))";

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aCubeRestoredFromACheckpointLeavesWhatAFailureFreeRunLeaves(String backend) throws Exception {
    List<String> clean = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits("cube-" + backend,
        (run, fail) -> run(backend, run, fail, CUBE, "cube_counts (a INT, b INT, c BIGINT, d BIGINT, s BIGINT,"
            + " g BIGINT)"));
    Map<String, Integer> table = SqlRecoveryRuns.finalTable(clean);
    // 3 x 2 groups of (a, b), 3 of a, 2 of b and the grand total.
    assertThat(table).hasSize(3 * 2 + 3 + 2 + 1);
    long multiplesOfFive = 0;
    for (long n = 0; n < ROWS; n += 5) {
      multiplesOfFive += n;
    }
    assertThat(table).containsKey("[null, null, " + ROWS + ", 101, " + multiplesOfFive + ", 3]");
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aWindowRollupRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend) throws Exception {
    List<String> clean = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits("rollup-window-" + backend,
        (run, fail) -> run(backend, run, fail, ROLLUP_WINDOW, "window_counts (ws TIMESTAMP(3), a INT, c BIGINT,"
            + " hi BIGINT, g BIGINT)"));
    // Row n is at n milliseconds: 10 windows of a second, each with 3 groups and its total, inserted once.
    assertThat(clean).hasSize(10 * 4).allMatch(row -> row.startsWith("+I"));
    assertThat(clean).contains("+I[2024-01-01T00:00:09, null, 1000, 9999, 1]");
  }

  private static ClusterJobClient run(String backend, String run, boolean fail, String insert, String sink)
      throws Exception {
    TableEnvironment tEnv = SqlRecoveryRuns.session(backend);
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT, ts AS CAST(TIMESTAMP '2024-01-01 00:00:00'"
        + " + INTERVAL '0.001' SECOND * n AS TIMESTAMP(3)), WATERMARK FOR ts AS ts)"
        + " WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE TABLE " + sink + " WITH ('connector' = 'committed-rows', 'run' = '" + run + "')");
    assertThat(tEnv.explainSql(insert.substring(insert.indexOf("SELECT")))).contains("Expand(groupingSets=");
    return SqlRecoveryRuns.runToEnd(tEnv, insert);
  }
}
