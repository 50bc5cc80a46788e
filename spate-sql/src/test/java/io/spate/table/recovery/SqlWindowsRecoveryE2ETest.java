package io.spate.table.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.table.api.TableEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A CUMULATE window aggregate's slices and a SESSION window aggregate's sessions (keyed state and
 * timers) survive a failure: a run that fails once after a completed checkpoint and restores it
 * commits exactly what a failure-free run commits, on both state backends.
 */
@Tag("fault-injection")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SqlWindowsRecoveryE2ETest {

  private static final long ROWS = 10_000;

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aCumulateWindowAggregateRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend)
      throws Exception {
    String query = "INSERT INTO sums SELECT CAST(n % 7 AS INT), COUNT(*), SUM(n), MAX(n)"
        + " FROM TABLE(CUMULATE(TABLE numbers, DESCRIPTOR(ts), INTERVAL '0.25' SECOND, INTERVAL '1' SECOND))"
        + " GROUP BY window_start, window_end, CAST(n % 7 AS INT)";
    // Row n is at n milliseconds: ten periods of a second, each with four windows of 7 groups.
    assertFaultyRunCommitsWhatACleanRunCommits("cumulate", backend, query, (int) (ROWS / 1000 * 4 * 7));
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aSessionWindowAggregateRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend)
      throws Exception {
    // Bursts of 100 rows a millisecond apart, 51 ms between bursts: one session per burst and group.
    // A window needs a time attribute, so the burst times are the table's own rowtime column bt.
    String query = "INSERT INTO sums SELECT k, COUNT(*), SUM(n), MAX(n)"
        + " FROM TABLE(SESSION((SELECT n, CAST(n % 7 AS INT) AS k, bt FROM numbers)"
        + " PARTITION BY k, DESCRIPTOR(bt), INTERVAL '0.01' SECOND))"
        + " GROUP BY window_start, window_end, k";
    assertFaultyRunCommitsWhatACleanRunCommits("session", backend, query, (int) (ROWS / 100 * 7),
        "n + 50 * (n / 100)", "bt");
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void sessionsOfAGroupOpenAtOnceAndMergingLaterRestoredFromACheckpointCommitWhatAFailureFreeRunCommits(
      String backend) throws Exception {
    // Row n is at 2n + 40 * (n % 3) ms: three interleaved runs of times, so a group holds several open
    // sessions at once, and a row that comes later but lies earlier bridges or extends them. The times
    // are even and the gap odd, so no row just touches a session; a row comes after the watermark
    // (at most its n) and lies beyond every session the watermark closed: the sessions do not depend
    // on when watermarks come.
    // The watermark trails the largest time by 100 ms, at most 2n - 22 ms when row n comes: no row
    // is late, and none lies within the gap of a session the watermark has closed.
    String query = "INSERT INTO sums SELECT k, COUNT(*), SUM(n), MAX(n)"
        + " FROM TABLE(SESSION((SELECT n, CAST(n % 7 AS INT) AS k, bt FROM numbers)"
        + " PARTITION BY k, DESCRIPTOR(bt), INTERVAL '0.013' SECOND))"
        + " GROUP BY window_start, window_end, k";
    assertFaultyRunCommitsWhatACleanRunCommits("interleaved-sessions", backend, query,
        sessionCount(n -> 2 * n + 40 * (n % 3), 13), "2 * n + 40 * (n % 3)", "bt - INTERVAL '0.1' SECOND");
  }

  /** The number of sessions of gap {@code gap} ms of the rows at {@code time(n)} ms, grouped by n % 7. */
  private static int sessionCount(LongUnaryOperator time, long gap) {
    int sessions = 0;
    for (int k = 0; k < 7; k++) {
      List<Long> times = new ArrayList<>();
      for (long n = k; n < ROWS; n += 7) {
        times.add(time.applyAsLong(n));
      }
      times.sort(null);
      for (int i = 0; i < times.size(); i++) {
        if (i == 0 || times.get(i) > times.get(i - 1) + gap) {
          sessions++;
        }
      }
    }
    return sessions;
  }

  private static void assertFaultyRunCommitsWhatACleanRunCommits(String name, String backend, String query,
      int results) throws Exception {
    assertFaultyRunCommitsWhatACleanRunCommits(name, backend, query, results, null, null);
  }

  /**
   * As above; with {@code btMillis}, the table {@code numbers} has a rowtime column {@code bt} at that
   * many milliseconds (an expression of n) with the watermark {@code btWatermark}, instead of its
   * rowtime {@code ts} at n ms.
   */
  private static void assertFaultyRunCommitsWhatACleanRunCommits(String name, String backend, String query,
      int results, String btMillis, String btWatermark) throws Exception {
    List<String> expected = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits(name + "-" + backend,
        (run, fail) -> run(run, fail, backend, query, btMillis, btWatermark));
    assertThat(expected).hasSize(results);
  }

  private static ClusterJobClient run(String run, boolean fail, String backend, String insert, String btMillis,
      String btWatermark) throws Exception {
    TableEnvironment tEnv = SqlRecoveryRuns.session(backend);
    String time = btMillis == null ? "" : ", bt AS CAST(TIMESTAMP '2024-01-01 00:00:00'"
        + " + INTERVAL '0.001' SECOND * (" + btMillis + ") AS TIMESTAMP(3))";
    String watermark = btMillis == null ? "WATERMARK FOR ts AS ts" : "WATERMARK FOR bt AS " + btWatermark;
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT, ts AS CAST(TIMESTAMP '2024-01-01 00:00:00'"
        + " + INTERVAL '0.001' SECOND * n AS TIMESTAMP(3))" + time + ", " + watermark + ")"
        + " WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE TABLE sums (k INT, c BIGINT, s BIGINT, hi BIGINT) WITH ('connector' = 'committed-rows',"
        + " 'run' = '" + run + "')");
    return SqlRecoveryRuns.runToEnd(tEnv, insert);
  }

}
