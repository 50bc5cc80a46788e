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
 * A GROUP BY on a day-time interval with MAX of an interval keeps intervals in its keys and
 * accumulators: a run that fails once after a completed checkpoint and restores it commits the
 * changelog a failure-free run commits, on both state backends.
 */
@Tag("fault-injection")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SqlIntervalAggregateRecoveryE2ETest {

  private static final long ROWS = 3_000;

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void maxOfIntervalsRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend) throws Exception {
    List<String> clean = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits("intervals-" + backend,
        (run, fail) -> run(backend, run, fail));
    // n = 0 .. 2999: the largest n of remainder k is 2996 + k for k <= 3 (2996 = 7 * 428) and 2989 + k above;
    // 2999 s is 49 min 59 s. Remainders 0 to 3 have 429 rows, 4 to 6 have 428.
    assertThat(SqlRecoveryRuns.finalTable(clean)).containsOnlyKeys(
        "[+0 00:00:00.000, +0 00:49:56.000, +0-01, 429]", "[+1 00:00:00.000, +0 00:49:57.000, +0-01, 429]",
        "[+2 00:00:00.000, +0 00:49:58.000, +0-01, 429]", "[+3 00:00:00.000, +0 00:49:59.000, +0-01, 429]",
        "[+4 00:00:00.000, +0 00:49:53.000, +0-01, 428]", "[+5 00:00:00.000, +0 00:49:54.000, +0-01, 428]",
        "[+6 00:00:00.000, +0 00:49:55.000, +0-01, 428]");
  }

  private static ClusterJobClient run(String backend, String run, boolean fail) throws Exception {
    TableEnvironment tEnv = SqlRecoveryRuns.session(backend);
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE TABLE spans (k STRING, longest STRING, months STRING, c BIGINT) WITH ("
        + "'connector' = 'committed-rows', 'run' = '" + run + "')");
    return SqlRecoveryRuns.runToEnd(tEnv, "INSERT INTO spans SELECT CAST(k AS STRING), CAST(MAX(s) AS STRING),"
        + " CAST(MAX(m) AS STRING), COUNT(*) FROM (SELECT INTERVAL '1' DAY * (n % 7) AS k,"
        + " INTERVAL '1' SECOND * n AS s, INTERVAL '1' MONTH AS m FROM numbers) GROUP BY k");
  }
}
