package io.spate.table.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.table.api.TableEnvironment;
import io.spate.table.docs.udf.WeightedAverage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The state of the stateful SQL operators that the other recovery tests do not cover survives a
 * failure: window joins, semi and anti joins, Top-N over an updating input, a Top-N without
 * partition (ORDER BY ... LIMIT), DISTINCT aggregates, a user's aggregate function with a POJO
 * accumulator and hopping windows that share slices. A run
 * that fails once after a completed checkpoint and restores it commits the full multiset of changes
 * a failure-free run commits (for the anti join, whose changes depend on how its two inputs
 * interleave, the table those changes leave), on both state backends.
 */
@Tag("fault-injection")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SqlJoinsRanksAndDistinctRecoveryE2ETest {

  private static final long ROWS = 6_000;

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aWindowJoinRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend) throws Exception {
    List<String> expected = runs("window-join", backend, "INSERT INTO pairs SELECT a.n, b.n FROM"
        + " (SELECT * FROM TABLE(TUMBLE(TABLE numbers, DESCRIPTOR(ts), INTERVAL '1' SECOND))) AS a JOIN"
        + " (SELECT * FROM TABLE(TUMBLE(TABLE numbers, DESCRIPTOR(ts), INTERVAL '1' SECOND))) AS b"
        + " ON a.window_start = b.window_start AND a.window_end = b.window_end AND a.n = b.n + 1");
    // Row n is at n milliseconds: every pair but those across a second's boundary shares its window.
    assertThat(expected).hasSize((int) (ROWS - 1 - (ROWS / 1000 - 1)));
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aSemiJoinRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend) throws Exception {
    List<String> expected = runs("semi-join", backend, "INSERT INTO pairs SELECT n, n FROM numbers"
        + " WHERE n IN (SELECT n * 3 FROM numbers)");
    assertThat(expected).hasSize((int) ((ROWS + 2) / 3));
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void anAntiJoinRestoredFromACheckpointLeavesWhatAFailureFreeRunLeaves(String backend) throws Exception {
    // A row goes out while no match has arrived and is retracted when one does. The two inputs'
    // interleaving decides which rows go out at all, so the runs compare by the table they leave.
    String insert = "INSERT INTO pairs SELECT n, n FROM numbers AS a"
        + " WHERE NOT EXISTS (SELECT * FROM numbers AS b WHERE b.n = a.n + 5)";
    List<String> clean = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits("anti-join-" + backend,
        (run, fail) -> run(SqlRecoveryRuns.session(backend), run, fail, insert), SqlRecoveryRuns::finalTable);
    assertThat(SqlRecoveryRuns.finalTable(clean).keySet())
        .containsExactly("[5995, 5995]", "[5996, 5996]", "[5997, 5997]", "[5998, 5998]", "[5999, 5999]");
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aTopNOverAnUpdatingInputRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend)
      throws Exception {
    List<String> expected = runs("retract-top-n", backend, "INSERT INTO ranks SELECT p, k, s, rn FROM ("
        + " SELECT p, k, s, ROW_NUMBER() OVER (PARTITION BY p ORDER BY s DESC) AS rn FROM ("
        + " SELECT CAST(n % 2 AS INT) AS p, CAST(n % 11 AS INT) AS k, SUM((n * 7919) % 101) AS s FROM numbers"
        + " GROUP BY CAST(n % 2 AS INT), CAST(n % 11 AS INT))) WHERE rn <= 3");
    assertThat(expected).anyMatch(row -> row.startsWith("-U")).anyMatch(row -> row.startsWith("+U"));
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void anOrderByLimitRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend) throws Exception {
    List<String> expected = runs("order-by-limit", backend, "INSERT INTO pairs SELECT n, m FROM"
        + " (SELECT n, (n * 7919) % 10007 AS m FROM numbers) ORDER BY m DESC LIMIT 5");
    assertThat(expected).anyMatch(row -> row.startsWith("-"));
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aDistinctAggregateRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend) throws Exception {
    List<String> expected = runs("distinct", backend, "INSERT INTO sums SELECT CAST(n % 7 AS INT),"
        + " COUNT(DISTINCT n % 50), SUM(DISTINCT n % 30), MAX(n) FROM numbers GROUP BY CAST(n % 7 AS INT)");
    assertThat(expected).contains("+I[0, 1, 0, 0]");
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void filteredDistinctCountsOfAnInsertOnlyInputRestoredFromACheckpointCommitWhatAFailureFreeRunCommits(
      String backend) throws Exception {
    // Over inserts the integer values are kept with a bit per aggregate (Nexmark's q15 shape).
    List<String> expected = runs("distinct-bits", backend, "INSERT INTO sums SELECT CAST(n % 7 AS INT),"
        + " COUNT(DISTINCT n % 997), COUNT(DISTINCT n % 997) FILTER (WHERE n % 3 = 0),"
        + " COUNT(DISTINCT n % 31) FILTER (WHERE n % 2 = 0) FROM numbers GROUP BY CAST(n % 7 AS INT)");
    // Key 0 ends with its 858 rows (n = 0, 7, ..., 5999) distinct modulo 997 (7 * 997 > 6000), the 286
    // multiples of 21 among them too, and all 31 residues modulo 31 among the 429 multiples of 14.
    assertThat(expected).anyMatch(row -> row.endsWith("[0, 858, 286, 31]"));
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aHoppingWindowAggregateRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend)
      throws Exception {
    List<String> expected = runs("hop", backend, "INSERT INTO sums SELECT CAST(n % 7 AS INT), COUNT(*), SUM(n),"
        + " MAX(n) FROM TABLE(HOP(TABLE numbers, DESCRIPTOR(ts), INTERVAL '0.25' SECOND, INTERVAL '1' SECOND))"
        + " GROUP BY window_start, window_end, CAST(n % 7 AS INT)");
    // Windows of a second every quarter: the rows' 6 s are covered by 24 + 3 windows, 7 groups each.
    assertThat(expected).hasSize((int) ((ROWS / 250 + 3) * 7));
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aUserAggregateFunctionRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend)
      throws Exception {
    // Its accumulator is a POJO, kept by the state backend through the accumulator's serializer.
    List<String> expected = runs("user-aggregate", backend, "INSERT INTO sums SELECT CAST(n % 7 AS INT), COUNT(*),"
        + " CAST(wavg(CAST(n AS DOUBLE), CAST(n % 3 + 1 AS INT)) AS BIGINT), MAX(n) FROM numbers"
        + " GROUP BY CAST(n % 7 AS INT)");
    assertThat(expected).contains("+I[0, 1, 0, 0]").hasSize((int) (7 + 2 * (ROWS - 7)));
  }

  private static List<String> runs(String name, String backend, String insert) throws Exception {
    return SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits(name + "-" + backend,
        (run, fail) -> run(SqlRecoveryRuns.session(backend), run, fail, insert));
  }

  private static ClusterJobClient run(TableEnvironment tEnv, String run, boolean fail, String insert) throws Exception {
    tEnv.executeSql("CREATE TEMPORARY FUNCTION wavg AS '" + WeightedAverage.class.getName() + "'");
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT, ts AS CAST(TIMESTAMP '2024-01-01 00:00:00'"
        + " + INTERVAL '0.001' SECOND * n AS TIMESTAMP(3)), WATERMARK FOR ts AS ts)"
        + " WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE TABLE sums (k INT, c BIGINT, s BIGINT, hi BIGINT) WITH ('connector' = 'committed-rows',"
        + " 'run' = '" + run + "')");
    tEnv.executeSql("CREATE TABLE pairs (x BIGINT, y BIGINT) WITH ('connector' = 'committed-rows', 'run' = '" + run
        + "')");
    tEnv.executeSql("CREATE TABLE ranks (p INT, k INT, s BIGINT, rn BIGINT) WITH ('connector' = 'committed-rows',"
        + " 'run' = '" + run + "')");
    return SqlRecoveryRuns.runToEnd(tEnv, insert);
  }
}
