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
 * A sort on event time keeps the rows the watermark has not passed yet in state, with a timer per
 * time: a run that fails once after a completed checkpoint and restores it commits exactly the rows
 * a failure-free run commits, on both state backends.
 */
@Tag("fault-injection")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SqlTemporalSortRecoveryE2ETest {

  private static final long ROWS = 10_000;

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aTemporalSortRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend) throws Exception {
    String query = "INSERT INTO sorted SELECT n, ts FROM numbers ORDER BY ts, n DESC";
    List<String> expected = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits("temporal-sort-" + backend,
        (run, fail) -> run(run, fail, backend, query));
    // Rows are late only behind the watermark, which trails them by 20 ms: every row comes out once.
    assertThat(expected).hasSize((int) ROWS).allSatisfy(row -> assertThat(row).startsWith("+I"));
  }

  private static ClusterJobClient run(String run, boolean fail, String backend, String insert) throws Exception {
    TableEnvironment tEnv = SqlRecoveryRuns.session(backend);
    // Row n is at millisecond n + 3 - 2 * (n % 4): out of order within 4 ms, two rows some milliseconds.
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT, ts AS CAST(TIMESTAMP '2024-01-01 00:00:00'"
        + " + INTERVAL '0.001' SECOND * (n + 3 - 2 * MOD(n, 4)) AS TIMESTAMP(3)),"
        + " WATERMARK FOR ts AS ts - INTERVAL '0.02' SECOND)"
        + " WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE TABLE sorted (n BIGINT, ts TIMESTAMP(3)) WITH ('connector' = 'committed-rows', 'run' = '"
        + run + "')");
    return SqlRecoveryRuns.runToEnd(tEnv, insert);
  }
}
