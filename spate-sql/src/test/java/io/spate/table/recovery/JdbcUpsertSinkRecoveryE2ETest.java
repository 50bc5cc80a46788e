package io.spate.table.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.connectors.jdbc.testing.PostgresTestDatabase;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.runtime.testing.RecoveryAssertions;
import io.spate.table.api.TableEnvironment;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A GROUP BY written into a {@code jdbc} table with a primary key, failing once after a checkpoint:
 * the restored run replays the changes since that checkpoint into the table (the sink is at least
 * once), and since an upsert or a delete by key gives the same row however often it runs, the final
 * table equals a failure-free run's.
 */
@Tag("fault-injection")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class JdbcUpsertSinkRecoveryE2ETest {

  private static final long ROWS = 10_000;
  private static PostgresTestDatabase db;

  @BeforeAll
  static void start() {
    db = PostgresTestDatabase.start();
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aRestoredRunLeavesTheTableOfAFailureFreeRun(String backend) throws Exception {
    String clean = "jdbc_clean_" + backend;
    String faulty = "jdbc_faulty_" + backend;
    run(clean, false, backend);
    ClusterJobClient client = run(faulty, true, backend);
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(
        client.getJobExecutionResult().get().counters().get(JobResult.RESTARTS),
        client.getLatestRestore().get(10, TimeUnit.SECONDS), RecoveryTestConnectors.checkpointBeforeFailure(faulty));
    assertThat(RecoveryTestConnectors.checkpointBeforeFailure(faulty)).as("the failure came after a checkpoint")
        .isPositive();
    List<List<Object>> expected = db.query("SELECT k, cnt, total FROM " + clean + " ORDER BY k");
    assertThat(expected).hasSize(7);
    assertThat(expected.get(0)).isEqualTo(List.of(0, ROWS / 7 + 1, sumOfMultiplesOf7Below(ROWS)));
    assertThat(db.query("SELECT k, cnt, total FROM " + faulty + " ORDER BY k")).isEqualTo(expected);
  }

  private static long sumOfMultiplesOf7Below(long rows) {
    long sum = 0;
    for (long n = 0; n < rows; n += 7) {
      sum += n;
    }
    return sum;
  }

  private static ClusterJobClient run(String run, boolean fail, String backend) throws Exception {
    db.execute("CREATE TABLE " + run + " (k INT PRIMARY KEY, cnt BIGINT, total BIGINT)");
    TableEnvironment tEnv = SqlRecoveryRuns.session(backend);
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE TABLE sums (k INT, cnt BIGINT, total BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ("
        + "'connector' = 'jdbc', 'url' = '" + db.url() + "', 'table-name' = '" + run + "', 'username' = '"
        + db.user() + "', 'password' = '', 'sink.buffer-flush.max-rows' = '50', 'sink.buffer-flush.interval' = '20 ms')");
    return SqlRecoveryRuns.runToEnd(tEnv, "INSERT INTO sums SELECT CAST(n % 7 AS INT), COUNT(*), SUM(n) FROM numbers"
        + " GROUP BY CAST(n % 7 AS INT)");
  }
}
