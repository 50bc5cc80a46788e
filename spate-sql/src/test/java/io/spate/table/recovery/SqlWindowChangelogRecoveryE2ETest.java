package io.spate.table.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.table.api.TableEnvironment;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A HOP window aggregate over the changelog of a deduplication keeping each key's last row on event time
 * survives a failure: its slices' accumulators (row counts and MIN/MAX value counts among them) restore from
 * a checkpoint on both state backends, and the run that fails commits what a failure-free run commits: the
 * windows of the rows the deduplication leaves. A SESSION aggregate over the same changelog does the same.
 */
@Tag("fault-injection")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SqlWindowChangelogRecoveryE2ETest {

  private static final long ROWS = 10_000;

  /**
   * Even rows have keys of their own; odd row n shares its key with n + 500, which replaces it. The watermark
   * trails by more than those 500 milliseconds, so every retraction reaches its windows before they fire.
   */
  private static final String INSERT = "INSERT INTO windows SELECT window_start, CAST(n % 3 AS INT), COUNT(*),"
      + " SUM(n), MIN(n), MAX(n) FROM TABLE(HOP(TABLE latest, DESCRIPTOR(ts), INTERVAL '0.5' SECOND,"
      + " INTERVAL '1' SECOND)) GROUP BY window_start, window_end, CAST(n % 3 AS INT)";

  /**
   * Per key a SESSION with a gap of 0.1 s: the rows of a key come 3 ms apart, so each key has one session, which
   * is open when the job fails and restores, from its first row to its last plus the gap.
   */
  private static final String SESSIONS = "INSERT INTO windows SELECT window_start, k, COUNT(*), SUM(n), MIN(n), MAX(n)"
      + " FROM TABLE(SESSION(TABLE keyed PARTITION BY k, DESCRIPTOR(ts), INTERVAL '0.1' SECOND))"
      + " GROUP BY window_start, window_end, k";

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aWindowAggregateOverADeduplicationRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend)
      throws Exception {
    List<String> clean = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits("window-changelog-" + backend,
        (run, fail) -> run(backend, run, fail, INSERT));
    assertThat(clean).hasSize(21 * 3).containsExactlyInAnyOrderElementsOf(expected());
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aSessionAggregateOverADeduplicationRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend)
      throws Exception {
    List<String> clean = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits("session-changelog-" + backend,
        (run, fail) -> run(backend, run, fail, SESSIONS));
    List<String> expected = new ArrayList<>();
    LocalDateTime epoch = LocalDateTime.of(2024, 1, 1, 0, 0);
    for (int k = 0; k < 3; k++) {
      long count = 0;
      long sum = 0;
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (long n = k; n < ROWS; n += 3) {
        if (n % 2 == 0 || n + 500 >= ROWS) {
          count++;
          sum += n;
          min = Math.min(min, n);
          max = Math.max(max, n);
        }
      }
      expected.add("+I[" + epoch.plusNanos(k * 1_000_000L) + ", " + k + ", " + count + ", " + sum + ", " + min
          + ", " + max + "]");
    }
    assertThat(clean).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** The windows' rows, from the rows the deduplication leaves: the even ones and the last 500 odd ones. */
  private static List<String> expected() {
    List<String> rows = new ArrayList<>();
    LocalDateTime epoch = LocalDateTime.of(2024, 1, 1, 0, 0);
    for (long start = -500; start < ROWS; start += 500) {
      for (int k = 0; k < 3; k++) {
        long count = 0;
        long sum = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long n = Math.max(0, start); n < Math.min(ROWS, start + 1000); n++) {
          if (n % 3 == k && (n % 2 == 0 || n + 500 >= ROWS)) {
            count++;
            sum += n;
            min = Math.min(min, n);
            max = Math.max(max, n);
          }
        }
        rows.add("+I[" + epoch.plusNanos(start * 1_000_000) + ", " + k + ", " + count + ", " + sum + ", " + min
            + ", " + max + "]");
      }
    }
    return rows;
  }

  private static ClusterJobClient run(String backend, String run, boolean fail, String insert) throws Exception {
    TableEnvironment tEnv = SqlRecoveryRuns.session(backend);
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT, ts AS CAST(TIMESTAMP '2024-01-01 00:00:00'"
        + " + INTERVAL '0.001' SECOND * n AS TIMESTAMP(3)), WATERMARK FOR ts AS ts - INTERVAL '0.6' SECOND)"
        + " WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE VIEW latest AS SELECT n, ts FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY"
        + " CASE WHEN n % 2 = 0 THEN n ELSE n % 500 END ORDER BY ts DESC) AS row_num FROM numbers) WHERE row_num = 1");
    tEnv.executeSql("CREATE VIEW keyed AS SELECT n, ts, CAST(n % 3 AS INT) AS k FROM latest");
    tEnv.executeSql("CREATE TABLE windows (ws TIMESTAMP(3), k INT, c BIGINT, s BIGINT, lo BIGINT, hi BIGINT)"
        + " WITH ('connector' = 'committed-rows', 'run' = '" + run + "')");
    return SqlRecoveryRuns.runToEnd(tEnv, insert);
  }
}
