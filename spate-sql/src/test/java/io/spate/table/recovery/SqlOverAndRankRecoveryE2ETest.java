package io.spate.table.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.table.api.TableEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An OVER aggregate's state (rows waiting for the watermark, the frame's rows, accumulators) and
 * timers, a Top-N's state (also of a Top-1), a window Top-N's state and timers, and a deduplication's state survive a
 * failure: a run that fails once after a completed checkpoint
 * and restores it commits exactly the changes a failure-free run commits (the full multiset), on
 * both state backends.
 */
@Tag("fault-injection")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SqlOverAndRankRecoveryE2ETest {

  private static final long ROWS = 10_000;

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void anOverAggregateRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend) throws Exception {
    String query = "INSERT INTO overs SELECT n, k, SUM(n) OVER w, COUNT(*) OVER w, MAX(n) OVER w"
        + " FROM (SELECT n, ts, CAST(n % 7 AS INT) AS k FROM numbers)"
        + " WINDOW w AS (PARTITION BY k ORDER BY ts ROWS BETWEEN 10 PRECEDING AND CURRENT ROW)";
    List<String> expected = cleanAndFaultyRuns("over-" + backend, backend, query);
    // One row out per row in, each an insert.
    assertThat(expected).hasSize((int) ROWS).allSatisfy(row -> assertThat(row).startsWith("+I"));
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aTopNRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend) throws Exception {
    String query = "INSERT INTO tops SELECT k, n, rn FROM ("
        + " SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY m DESC) AS rn"
        + " FROM (SELECT n, CAST(n % 7 AS INT) AS k, (n * 7919) % 10007 AS m FROM numbers))"
        + " WHERE rn <= 3";
    List<String> expected = cleanAndFaultyRuns("top-n-" + backend, backend, query);
    assertThat(expected).anySatisfy(row -> assertThat(row).startsWith("-U"));
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aTop1RestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend) throws Exception {
    // m % 50 ties often: the row kept on a tie is the first one, which the restored state must still hold.
    // With rn <= 1 the rank is a column of the result; rn = 1 makes it the constant 1, which is no column.
    String ranks = "SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY m % 50 DESC) AS rn"
        + " FROM (SELECT n, CAST(n % 7 AS INT) AS k, (n * 7919) % 10007 AS m FROM numbers)";
    List<String> withRank = cleanAndFaultyRuns("top-1-" + backend, backend,
        "INSERT INTO tops SELECT k, n, rn FROM (" + ranks + ") WHERE rn <= 1");
    assertThat(withRank).anySatisfy(row -> assertThat(row).startsWith("-U"))
        .allSatisfy(row -> assertThat(row).endsWith(", 1]"));
    List<String> withoutRank = cleanAndFaultyRuns("top-1-no-rank-" + backend, backend,
        "INSERT INTO top1 SELECT k, n FROM (" + ranks + ") WHERE rn = 1");
    assertThat(withoutRank).anySatisfy(row -> assertThat(row).startsWith("-D"));
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aWindowTopNAndADeduplicationRestoredFromACheckpointCommitWhatAFailureFreeRunCommits(String backend)
      throws Exception {
    String windowTopN = "INSERT INTO tops SELECT k, n, rn FROM ("
        + " SELECT n, CAST(0 AS INT) AS k, ROW_NUMBER() OVER (PARTITION BY window_start, window_end"
        + " ORDER BY (n * 7919) % 10007 DESC) AS rn"
        + " FROM TABLE(TUMBLE(TABLE numbers, DESCRIPTOR(ts), INTERVAL '1' SECOND)))"
        + " WHERE rn <= 3";
    // Row n is at n milliseconds: ten windows of a second, three rows each.
    assertThat(cleanAndFaultyRuns("window-top-n-" + backend, backend, windowTopN)).hasSize((int) (ROWS / 1000 * 3))
        .allSatisfy(row -> assertThat(row).startsWith("+I"));
    String keepLast = "INSERT INTO tops SELECT k, n, CAST(1 AS BIGINT) FROM ("
        + " SELECT n, CAST(n % 7 AS INT) AS k, ROW_NUMBER() OVER (PARTITION BY CAST(n % 7 AS INT) ORDER BY ts DESC)"
        + " AS rn FROM numbers) WHERE rn = 1";
    // Each key's first row is inserted, each later one replaces the one before it.
    assertThat(cleanAndFaultyRuns("keep-last-" + backend, backend, keepLast)).hasSize((int) (7 + 2 * (ROWS - 7)));
  }

  /**
   * A window Top-N with RANK() or DENSE_RANK() keeps each window's rows that may still rank (ties included) in
   * state until the window fires: restored from a checkpoint it commits what a failure-free run commits, which
   * is each window's ranks as computed here from the rows.
   */
  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aWindowTopNWithRankOrDenseRankRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend)
      throws Exception {
    for (String function : List.of("RANK", "DENSE_RANK")) {
      String windowTopN = "INSERT INTO tops SELECT k, n, rn FROM ("
          + " SELECT n, CAST(n % 2 AS INT) AS k, " + function + "() OVER (PARTITION BY window_start, window_end,"
          + " CAST(n % 2 AS INT) ORDER BY (n * 7919) % 331 DESC) AS rn"
          + " FROM TABLE(TUMBLE(TABLE numbers, DESCRIPTOR(ts), INTERVAL '1' SECOND)))"
          + " WHERE rn <= 3";
      List<String> expected = new ArrayList<>();
      // Row n is at n milliseconds: ten windows of a second; in each key's 500 rows a score comes up about
      // three times, so ranks are shared.
      for (long start = 0; start < ROWS; start += 1000) {
        for (int k = 0; k < 2; k++) {
          List<Long> scores = new ArrayList<>();
          for (long n = start + k; n < start + 1000; n += 2) {
            scores.add(n * 7919 % 331);
          }
          for (long n = start + k; n < start + 1000; n += 2) {
            long score = n * 7919 % 331;
            long rank = function.equals("RANK") ? scores.stream().filter(s -> s > score).count() + 1
                : scores.stream().filter(s -> s > score).distinct().count() + 1;
            if (rank <= 3) {
              expected.add("+I[" + k + ", " + n + ", " + rank + "]");
            }
          }
        }
      }
      expected.sort(null);
      assertThat(cleanAndFaultyRuns("window-" + function + "-" + backend, backend, windowTopN)).isEqualTo(expected);
    }
  }

  /** Runs {@code insert} without and with a failure; the failure-free run's sorted changes, equal to the other's. */
  private static List<String> cleanAndFaultyRuns(String name, String backend, String insert) throws Exception {
    return SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits(name, (run, fail) -> run(run, fail, backend,
        insert));
  }

  private static ClusterJobClient run(String run, boolean fail, String backend, String insert) throws Exception {
    TableEnvironment tEnv = SqlRecoveryRuns.session(backend);
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT, ts AS CAST(TIMESTAMP '2024-01-01 00:00:00'"
        + " + INTERVAL '0.001' SECOND * n AS TIMESTAMP(3)), WATERMARK FOR ts AS ts)"
        + " WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE TABLE overs (n BIGINT, k INT, s BIGINT, c BIGINT, hi BIGINT) WITH ("
        + "'connector' = 'committed-rows', 'run' = '" + run + "')");
    tEnv.executeSql("CREATE TABLE tops (k INT, n BIGINT, rn BIGINT) WITH ('connector' = 'committed-rows', 'run' = '"
        + run + "')");
    tEnv.executeSql("CREATE TABLE top1 (k INT, n BIGINT) WITH ('connector' = 'committed-rows', 'run' = '" + run
        + "')");
    return SqlRecoveryRuns.runToEnd(tEnv, insert);
  }

}
