package io.spate.table.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.table.api.TableEnvironment;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A two-phase GROUP BY survives a failure: the local phases hold their batches in memory only and
 * hand them on before each checkpoint barrier, the global phase's accumulators are in keyed state, so
 * a run that fails once after a completed checkpoint and restores it leaves the table a failure-free
 * run leaves, on both state backends. (Batches depend on timing, so the runs' changes differ; the
 * tables they leave must not.)
 */
@Tag("fault-injection")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SqlTwoPhaseAggregateRecoveryE2ETest {

  private static final long ROWS = 10_000;

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aTwoPhaseGroupByRestoredFromACheckpointLeavesWhatAFailureFreeRunLeaves(String backend) throws Exception {
    // The outer GROUP BY reads the inner one's updates: its local phases fold retractions too.
    List<String> clean = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits("two-phase-" + backend,
        (run, fail) -> run(backend, run, fail, "INSERT INTO counts SELECT c, COUNT(*), SUM(s), COUNT(DISTINCT s)"
            + " FROM (SELECT n % 11 AS k, COUNT(*) AS c, SUM(n) AS s FROM numbers GROUP BY n % 11) GROUP BY c"),
        SqlTwoPhaseAggregateRecoveryE2ETest::finalTable);
    // 10 000 = 11 * 909 + 1: one key of 910 rows, ten of 909
    assertThat(finalTable(clean).keySet()).extracting(row -> row.substring(0, row.indexOf(", ", 5)))
        .containsExactlyInAnyOrder("910, 1", "909, 10");
  }

  private static ClusterJobClient run(String backend, String run, boolean fail, String insert) throws Exception {
    TableEnvironment tEnv = SqlRecoveryRuns.session(backend);
    tEnv.getConfig().set("table.exec.mini-batch.enabled", "true");
    tEnv.getConfig().set("table.exec.mini-batch.allow-latency", "20 ms");
    tEnv.getConfig().set("table.exec.mini-batch.size", "500");
    tEnv.getConfig().set("table.optimizer.agg-phase-strategy", "TWO_PHASE");
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE TABLE counts (c BIGINT, k BIGINT, s BIGINT, d BIGINT) WITH ("
        + "'connector' = 'committed-rows', 'run' = '" + run + "')");
    assertThat(tEnv.explainSql(insert.substring(insert.indexOf("SELECT")))).contains("LocalGroupAggregate");
    return SqlRecoveryRuns.runToEnd(tEnv, insert);
  }

  /** The rows a changelog of committed rows ({@code +I[...]}, {@code -U[...]}, ...) leaves, with their counts. */
  private static Map<String, Integer> finalTable(List<String> changes) {
    Map<String, Integer> table = new TreeMap<>();
    for (String change : changes) {
      String row = change.substring(3, change.length() - 1);
      boolean adds = change.startsWith("+I") || change.startsWith("+U");
      table.merge(row, adds ? 1 : -1, Integer::sum);
      assertThat(table.get(row)).as("retracted %s", change).isNotNegative();
      table.remove(row, 0);
    }
    return table;
  }
}
