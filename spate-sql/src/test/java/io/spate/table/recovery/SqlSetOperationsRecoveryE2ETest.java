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
 * The counts of a set operation ({@code EXCEPT ALL}, {@code INTERSECT}) survive a failure: a run that
 * fails once after a completed checkpoint and restores it leaves the table a failure-free run leaves,
 * on both state backends. The two inputs of the operator interleave by timing, so the runs' changes
 * may differ in order and in transient rows; the tables they leave may not.
 */
@Tag("fault-injection")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SqlSetOperationsRecoveryE2ETest {

  private static final long ROWS = 10_000;

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void anExceptAllRestoredFromACheckpointLeavesWhatAFailureFreeRunLeaves(String backend) throws Exception {
    List<String> clean = runs("except-all-" + backend, backend, "INSERT INTO ks"
        + " SELECT CAST(n % 50 AS INT) FROM numbers WHERE n % 2 = 0"
        + " EXCEPT ALL SELECT CAST(n % 40 AS INT) FROM numbers WHERE n % 3 = 0");
    Map<String, Integer> expected = new TreeMap<>();
    for (int k = 0; k < 50; k++) {
      long left = 0;
      long right = 0;
      for (long n = 0; n < ROWS; n++) {
        left += n % 2 == 0 && n % 50 == k ? 1 : 0;
        right += n % 3 == 0 && n % 40 == k ? 1 : 0;
      }
      if (left > right) {
        expected.put("[" + k + "]", (int) (left - right));
      }
    }
    assertThat(finalTable(clean)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void anIntersectRestoredFromACheckpointLeavesWhatAFailureFreeRunLeaves(String backend) throws Exception {
    List<String> clean = runs("intersect-" + backend, backend, "INSERT INTO ks"
        + " SELECT CAST(n % 30 AS INT) FROM numbers INTERSECT SELECT CAST(n % 45 AS INT) FROM numbers WHERE n > 9000");
    assertThat(finalTable(clean)).hasSize(30).allSatisfy((row, count) -> assertThat(count).isEqualTo(1));
  }

  private static List<String> runs(String name, String backend, String insert) throws Exception {
    return SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits(name, (run, fail) -> run(run, fail, backend,
        insert), SqlSetOperationsRecoveryE2ETest::finalTable);
  }

  /** The rows a changelog of committed rows ({@code +I[...]}, {@code -D[...]}) leaves, with their counts. */
  private static Map<String, Integer> finalTable(List<String> changes) {
    Map<String, Integer> table = new TreeMap<>();
    for (String change : changes) {
      String row = change.substring(2);
      boolean adds = change.startsWith("+I") || change.startsWith("+U");
      table.merge(row, adds ? 1 : -1, Integer::sum);
      assertThat(table.get(row)).as("retracted %s", change).isNotNegative();
      table.remove(row, 0);
    }
    return table;
  }

  private static ClusterJobClient run(String run, boolean fail, String backend, String insert) throws Exception {
    TableEnvironment tEnv = SqlRecoveryRuns.session(backend);
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE TABLE ks (k INT) WITH ('connector' = 'committed-rows', 'run' = '" + run + "')");
    return SqlRecoveryRuns.runToEnd(tEnv, insert);
  }
}
