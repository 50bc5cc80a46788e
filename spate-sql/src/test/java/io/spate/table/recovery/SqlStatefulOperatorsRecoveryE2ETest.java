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
 * A GROUP BY's state, a window aggregate's state and timers, a join's state and an upsert sink's
 * materializer survive a failure: a run that fails once after a completed checkpoint and
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
    List<String> expected = runs("group-by", backend, "INSERT INTO sums SELECT CAST(n % 7 AS INT), COUNT(*),"
        + " SUM(n), MAX(n) FROM numbers GROUP BY CAST(n % 7 AS INT)");
    // Each key's changes: +I, then -U/+U pairs, one per further row of the key.
    assertThat(expected).hasSize((int) (7 + 2 * (ROWS - 7)));
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aWindowAggregateRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend) throws Exception {
    List<String> expected = runs("window", backend, "INSERT INTO sums SELECT CAST(n % 7 AS INT), COUNT(*), SUM(n),"
        + " MAX(n) FROM TABLE(TUMBLE(TABLE numbers, DESCRIPTOR(ts), INTERVAL '1' SECOND))"
        + " GROUP BY window_start, window_end, CAST(n % 7 AS INT)");
    // Row n is at n milliseconds: windows of a second hold 1,000 rows, 7 groups each.
    assertThat(expected).hasSize((int) (ROWS / 1000 * 7));
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aJoinRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend) throws Exception {
    List<String> expected = runs("join", backend,
        "INSERT INTO pairs SELECT a.n, b.n FROM numbers AS a JOIN numbers AS b ON a.n = b.n + 1");
    assertThat(expected).hasSize((int) ROWS - 1);
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aJoinOfSeveralRowsPerKeyRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend)
      throws Exception {
    // Keys of four numbers each: the rows a key stored before the failure (strings, NULLs, times) are
    // read back after the restore by the key's later rows.
    List<String> expected = runs("join-many", backend, "INSERT INTO joined SELECT a.n, a.s, b.n, b.ts"
        + " FROM (SELECT n, n - MOD(n, 4) AS g, CASE WHEN MOD(n, 3) = 0 THEN CAST(NULL AS STRING)"
        + " ELSE CONCAT('\u00e9-', CAST(n AS STRING)) END AS s FROM numbers) AS a"
        + " JOIN (SELECT n, n - MOD(n, 4) AS g, ts FROM numbers) AS b ON a.g = b.g AND a.n < b.n");
    // Each key's four rows make six pairs of a smaller and a larger number.
    assertThat(expected).hasSize((int) (ROWS / 4 * 6))
        .anyMatch(row -> row.contains("null")).anyMatch(row -> row.contains("\u00e9-"));
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void anUpsertMaterializerRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend) throws Exception {
    // The sink is keyed by the count, which the query does not update by: its changes are materialized.
    List<String> expected = runs("materializer", backend, "INSERT INTO by_count SELECT c, k FROM"
        + " (SELECT CAST(n % 7 AS INT) AS k, COUNT(*) AS c FROM numbers GROUP BY CAST(n % 7 AS INT))");
    assertThat(expected).hasSizeGreaterThan((int) ROWS).anyMatch(row -> row.startsWith("-D"));
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aMiniBatchGroupByRestoredFromACheckpointLeavesWhatAFailureFreeRunLeaves(String backend) throws Exception {
    // Batches depend on timing, so the runs' changes differ; the tables they leave must not.
    List<String> clean = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits("mini-batch-" + backend,
        (run, fail) -> {
          TableEnvironment tEnv = SqlRecoveryRuns.session(backend);
          tEnv.getConfig().set("table.exec.mini-batch.enabled", "true");
          tEnv.getConfig().set("table.exec.mini-batch.allow-latency", "20 ms");
          tEnv.getConfig().set("table.exec.mini-batch.size", "500");
          return run(tEnv, run, fail, "INSERT INTO sums SELECT CAST(n % 7 AS INT), COUNT(*), SUM(n), MAX(n) FROM numbers"
              + " GROUP BY CAST(n % 7 AS INT)");
        }, SqlRecoveryRuns::finalTable);
    java.util.Map<String, Integer> table = SqlRecoveryRuns.finalTable(clean);
    assertThat(table).hasSize(7);
    assertThat(table.keySet().stream().mapToLong(row -> Long.parseLong(row.split(", ")[1])).sum())
        .as("every row counted once").isEqualTo(ROWS);
  }

  private static List<String> runs(String name, String backend, String insert) throws Exception {
    return SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits(name + "-" + backend,
        (run, fail) -> run(run, fail, backend, insert));
  }

  private static ClusterJobClient run(String run, boolean fail, String backend, String insert) throws Exception {
    return run(SqlRecoveryRuns.session(backend), run, fail, insert);
  }

  private static ClusterJobClient run(TableEnvironment tEnv, String run, boolean fail, String insert) throws Exception {
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT, ts AS CAST(TIMESTAMP '2024-01-01 00:00:00'"
        + " + INTERVAL '0.001' SECOND * n AS TIMESTAMP(3)), WATERMARK FOR ts AS ts)"
        + " WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE TABLE sums (k INT, c BIGINT, s BIGINT, hi BIGINT) WITH ('connector' = 'committed-rows',"
        + " 'run' = '" + run + "')");
    tEnv.executeSql("CREATE TABLE pairs (x BIGINT, y BIGINT) WITH ('connector' = 'committed-rows', 'run' = '" + run
        + "')");
    tEnv.executeSql("CREATE TABLE joined (x BIGINT, s STRING, y BIGINT, t TIMESTAMP(3)) WITH ("
        + "'connector' = 'committed-rows', 'run' = '" + run + "')");
    tEnv.executeSql("CREATE TABLE by_count (c BIGINT, k INT, PRIMARY KEY (c) NOT ENFORCED) WITH ("
        + "'connector' = 'committed-rows', 'upsert' = 'true', 'run' = '" + run + "')");
    return SqlRecoveryRuns.runToEnd(tEnv, insert);
  }
}
