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
 * A GROUP BY with LISTAGG and LAST_VALUE over an updating input keeps its value lists in keyed
 * state: a run that fails once after a completed checkpoint and restores it commits the changelog a
 * failure-free run commits, on both state backends.
 */
@Tag("fault-injection")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SqlCollectingAggregatesRecoveryE2ETest {

  private static final long ROWS = 3_000;

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void listAggAndLastValueRestoredFromACheckpointCommitWhatAFailureFreeRunCommits(String backend) throws Exception {
    List<String> clean = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits("collecting-" + backend,
        (run, fail) -> run(backend, run, fail));
    // 3 000 = 7 * 428 + 4: keys 0 to 3 end with 429 rows, keys 4 to 6 with 428, each key moving from count to count
    assertThat(SqlRecoveryRuns.finalTable(clean)).containsOnlyKeys("[429, 0,1,2,3, 3, 4]", "[428, 4,5,6, 6, 3]");
  }

  private static ClusterJobClient run(String backend, String run, boolean fail) throws Exception {
    TableEnvironment tEnv = SqlRecoveryRuns.session(backend);
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE TABLE lists (c BIGINT, ks STRING, last_k BIGINT, n BIGINT) WITH ("
        + "'connector' = 'committed-rows', 'run' = '" + run + "')");
    return SqlRecoveryRuns.runToEnd(tEnv, "INSERT INTO lists SELECT c, LISTAGG(CAST(k AS STRING)), LAST_VALUE(k),"
        + " COUNT(*) FROM (SELECT n % 7 AS k, COUNT(*) AS c FROM numbers GROUP BY n % 7) GROUP BY c");
  }
}
