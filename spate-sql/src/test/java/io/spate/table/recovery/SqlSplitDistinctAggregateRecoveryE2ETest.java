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
 * A split distinct aggregation survives a failure: its partial and final aggregates keep their
 * accumulators (distinct value counts included) in keyed state, so a run that fails once after a
 * completed checkpoint and restores it commits what a failure-free run commits, on both state
 * backends, and that is what the unsplit aggregate leaves. Two distinct counts of one argument share
 * its values' map in a GROUP BY ({@code SharedDistinctCount}), which restores too.
 */
@Tag("fault-injection")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SqlSplitDistinctAggregateRecoveryE2ETest {

  private static final long ROWS = 10_000;

  private static final String GROUP_BY = "INSERT INTO counts SELECT CAST(n % 3 AS INT), COUNT(*),"
      + " COUNT(DISTINCT n % 101), COUNT(DISTINCT n % 37) FILTER (WHERE n % 2 = 0), MAX(n),"
      + " COUNT(DISTINCT n % 101) FILTER (WHERE n % 5 = 1) FROM numbers GROUP BY CAST(n % 3 AS INT)";

  private static final String WINDOW = "INSERT INTO counts SELECT CAST(n % 3 AS INT), COUNT(*),"
      + " COUNT(DISTINCT n % 101), COUNT(DISTINCT n % 37) FILTER (WHERE n % 2 = 0), MAX(n),"
      + " COUNT(DISTINCT n % 101) FILTER (WHERE n % 5 = 1)"
      + " FROM TABLE(HOP(TABLE numbers, DESCRIPTOR(ts), INTERVAL '0.5' SECOND, INTERVAL '1' SECOND))"
      + " GROUP BY window_start, window_end, CAST(n % 3 AS INT)";

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aSplitGroupByRestoredFromACheckpointLeavesWhatAFailureFreeRunLeaves(String backend) throws Exception {
    List<String> clean = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits("split-group-" + backend,
        (run, fail) -> run(backend, run, fail, GROUP_BY, true), SqlRecoveryRuns::finalTable);
    run(backend, "split-group-plain-" + backend, false, GROUP_BY, false);
    assertThat(SqlRecoveryRuns.finalTable(clean)).hasSize(3).isEqualTo(SqlRecoveryRuns.finalTable(
        RecoveryTestConnectors.committed("split-group-plain-" + backend)));
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aSplitHopWindowAggregateRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend)
      throws Exception {
    List<String> clean = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits("split-hop-" + backend,
        (run, fail) -> run(backend, run, fail, WINDOW, true));
    run(backend, "split-hop-plain-" + backend, false, WINDOW, false);
    // Row n is at n milliseconds: 21 windows of a second every half second, each with 3 groups.
    assertThat(clean).hasSize(21 * 3).containsExactlyInAnyOrderElementsOf(
        RecoveryTestConnectors.committed("split-hop-plain-" + backend));
  }

  private static ClusterJobClient run(String backend, String run, boolean fail, String insert, boolean split)
      throws Exception {
    TableEnvironment tEnv = SqlRecoveryRuns.session(backend);
    tEnv.getConfig().set("table.optimizer.distinct-agg.split.enabled", String.valueOf(split));
    tEnv.getConfig().set("table.optimizer.distinct-agg.split.bucket-num", "16");
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT, ts AS CAST(TIMESTAMP '2024-01-01 00:00:00'"
        + " + INTERVAL '0.001' SECOND * n AS TIMESTAMP(3)), WATERMARK FOR ts AS ts)"
        + " WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE TABLE counts (k INT, c BIGINT, d BIGINT, e BIGINT, hi BIGINT, f BIGINT) WITH ("
        + "'connector' = 'committed-rows', 'run' = '" + run + "')");
    assertThat(tEnv.explainSql(insert.substring(insert.indexOf("SELECT"))).contains("partialFinalType=[FINAL]"))
        .isEqualTo(split);
    return SqlRecoveryRuns.runToEnd(tEnv, insert);
  }
}
