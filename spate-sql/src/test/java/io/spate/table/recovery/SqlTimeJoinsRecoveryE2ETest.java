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
 * An interval join's and a temporal join's rows, versions and timers survive a failure: a run that
 * fails once after a completed checkpoint and restores it commits exactly the rows a failure-free run
 * commits, on both state backends.
 */
@Tag("fault-injection")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SqlTimeJoinsRecoveryE2ETest {

  private static final long ROWS = 6_000;

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void anIntervalJoinRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend) throws Exception {
    List<String> expected = cleanAndFaultyRuns("interval-" + backend, backend, "INSERT INTO pairs SELECT a.n, b.n"
        + " FROM numbers a, numbers b WHERE a.n = b.prev AND a.ts BETWEEN b.ts - INTERVAL '0.002' SECOND AND b.ts");
    assertThat(expected).hasSize((int) ROWS - 1);
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aTemporalJoinRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend) throws Exception {
    List<String> expected = cleanAndFaultyRuns("temporal-" + backend, backend, "INSERT INTO pairs SELECT a.n, b.n"
        + " FROM numbers AS a LEFT JOIN numbers FOR SYSTEM_TIME AS OF a.ts AS b ON a.prev = b.n");
    // Row 0 finds no version of key -1: it goes out padded.
    assertThat(expected).hasSize((int) ROWS).contains("+I[0, null]");
  }

  /** Runs {@code insert} without and with a failure and asserts both committed the same rows, which it returns. */
  private static List<String> cleanAndFaultyRuns(String name, String backend, String insert) throws Exception {
    return SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits(name, (run, fail) -> run(run, fail, backend,
        insert));
  }

  private static ClusterJobClient run(String run, boolean fail, String backend, String insert) throws Exception {
    TableEnvironment tEnv = SqlRecoveryRuns.session(backend);
    // Row n is at n milliseconds; as a versioned table, it is key n's only version.
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT, prev AS n - 1, ts AS CAST(TIMESTAMP '2024-01-01 00:00:00'"
        + " + INTERVAL '0.001' SECOND * n AS TIMESTAMP(3)), WATERMARK FOR ts AS ts, PRIMARY KEY (n) NOT ENFORCED)"
        + " WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE TABLE pairs (x BIGINT, y BIGINT) WITH ('connector' = 'committed-rows', 'run' = '" + run
        + "')");
    return SqlRecoveryRuns.runToEnd(tEnv, insert);
  }

}
