package io.spate.table.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.table.api.TableEnvironment;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A split distinct aggregation survives a failure: its partial and final aggregates keep their
 * accumulators (distinct value counts included) in keyed state, so a run that fails once after a
 * completed checkpoint and restores it commits what a failure-free run commits, on both state
 * backends, and that is what the unsplit aggregate leaves. Two distinct counts of one argument share
 * its values' map in a GROUP BY ({@code SharedDistinctCount}), which restores too.
 */
@Tag("fault-injection")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SqlSplitDistinctAggregateRecoveryE2ETest {

  private static final long ROWS = 10_000;

  private static final String GROUP_BY = "INSERT INTO counts SELECT CAST(n % 3 AS INT), COUNT(*),"
      + " COUNT(DISTINCT n % 101), COUNT(DISTINCT n % 37) FILTER (WHERE n % 2 = 0), MAX(n),"
      + " COUNT(DISTINCT n % 101) FILTER (WHERE n % 5 = 1) FROM numbers GROUP BY CAST(n % 3 AS INT)";

  private static final String WINDOW = "INSERT INTO counts SELECT CAST(n % 3 AS INT), COUNT(*),"
      + " COUNT(DISTINCT n % 101), COUNT(DISTINCT n % 37) FILTER (WHERE n % 2 = 0), MAX(n),"
      + " COUNT(DISTINCT n % 101) FILTER (WHERE n % 5 = 1)"
      + " FROM TABLE(HOP(TABLE numbers, DESCRIPTOR(ts), INTERVAL '0.5' SECOND, INTERVAL '1' SECOND))"
      + " GROUP BY window_start, window_end, CAST(n % 3 AS INT)";

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aSplitGroupByRestoredFromACheckpointLeavesWhatAFailureFreeRunLeaves(String backend) throws Exception {
    List<String> clean = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits("split-group-" + backend,
        (run, fail) -> run(backend, run, fail, GROUP_BY, true), SqlRecoveryRuns::finalTable);
    run(backend, "split-group-plain-" + backend, false, GROUP_BY, false);
    assertThat(SqlRecoveryRuns.finalTable(clean)).hasSize(3).isEqualTo(SqlRecoveryRuns.finalTable(
        RecoveryTestConnectors.committed("split-group-plain-" + backend)));
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aSplitHopWindowAggregateRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend)
      throws Exception {
    List<String> clean = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits("split-hop-" + backend,
        (run, fail) -> run(backend, run, fail, WINDOW, true));
    run(backend, "split-hop-plain-" + backend, false, WINDOW, false);
    // Row n is at n milliseconds: 21 windows of a second every half second, each with 3 groups.
    assertThat(clean).hasSize(21 * 3).containsExactlyInAnyOrderElementsOf(
        RecoveryTestConnectors.committed("split-hop-plain-" + backend));
  }

  /** AVG, FIRST_VALUE, LAST_VALUE and LISTAGG split too; the partial level buckets non-distinct calls by n % 101. */
  private static final String KEEPING = "SELECT %s CAST(n %% 3 AS INT), COUNT(DISTINCT n %% 101), AVG(n),"
      + " AVG(DISTINCT n %% 37), FIRST_VALUE(n), LAST_VALUE(n), LISTAGG(DISTINCT CAST(n %% 11 AS STRING))";

  private static final String KEEPING_GROUP_BY = "INSERT INTO kept " + String.format(KEEPING, "")
      + " FROM numbers GROUP BY CAST(n % 3 AS INT)";

  private static final String KEEPING_WINDOW = "INSERT INTO kept " + String.format(KEEPING, "window_start,")
      + " FROM TABLE(TUMBLE(TABLE numbers, DESCRIPTOR(ts), INTERVAL '1' SECOND))"
      + " GROUP BY window_start, window_end, CAST(n % 3 AS INT)";

  /**
   * A split GROUP BY with AVG, FIRST_VALUE, LAST_VALUE and LISTAGG restores its partial and final accumulators
   * (sums and counts, value lists): the faulty run leaves the clean run's table, whose averages and lists are the
   * unsplit ones, and whose first and last values are those of the rows of one value of {@code n % 101}.
   */
  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aSplitGroupByWithAvgFirstLastValueAndListAggRestoresFromACheckpoint(String backend) throws Exception {
    List<String> clean = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits("split-keep-" + backend,
        (run, fail) -> runKeeping(backend, run, fail, KEEPING_GROUP_BY, true, false), SqlRecoveryRuns::finalTable);
    runKeeping(backend, "split-keep-plain-" + backend, false, KEEPING_GROUP_BY, false, false);
    Set<String> table = SqlRecoveryRuns.finalTable(clean).keySet();
    assertThat(table).hasSize(3);
    assertThat(withoutFirstAndLast(table, 0)).isEqualTo(withoutFirstAndLast(SqlRecoveryRuns.finalTable(
        RecoveryTestConnectors.committed("split-keep-plain-" + backend)).keySet(), 0));
    for (String row : table) {
      List<String> fields = fields(row);
      assertFirstAndLastOfOneBucket(fields, 0, 0, ROWS);
    }
  }

  /**
   * A split TUMBLE window aggregate with AVG, FIRST_VALUE, LAST_VALUE and LISTAGG restores too. Which bucket's
   * first and last value the final level keeps, and in which order it lists the buckets' values, depends on the
   * order in which the windows' partial rows fire, so the runs are compared on the rest, and each run's first and
   * last values on their law.
   */
  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aSplitWindowAggregateWithAvgFirstLastValueAndListAggRestoresFromACheckpoint(String backend) throws Exception {
    String name = "split-keep-window-" + backend;
    List<String> clean = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits(name,
        (run, fail) -> runKeeping(backend, run, fail, KEEPING_WINDOW, true, true), rows -> withoutFirstAndLast(rows, 1));
    runKeeping(backend, name + "-plain", false, KEEPING_WINDOW, false, true);
    // Row n is at n milliseconds: 10 windows of a second, each with 3 groups.
    assertThat(clean).hasSize(10 * 3);
    assertThat(withoutFirstAndLast(clean, 1)).isEqualTo(withoutFirstAndLast(
        RecoveryTestConnectors.committed(name + "-plain"), 1));
    for (String run : List.of(name + "-clean", name + "-faulty")) {
      for (String row : RecoveryTestConnectors.committed(run)) {
        List<String> fields = fields(row.substring(2));
        long second = LocalDateTime.parse(fields.get(0)).getSecond();
        assertFirstAndLastOfOneBucket(fields, 1, second * 1000, second * 1000 + 1000);
      }
    }
  }

  /** The fields of a committed row's text {@code [a, b, ...]} (its last, a LISTAGG's text, holds no ", "). */
  private static List<String> fields(String row) {
    return List.of(row.substring(1, row.length() - 1).split(", "));
  }

  /**
   * The rows as sorted texts without their FIRST_VALUE and LAST_VALUE, the LISTAGG's elements sorted; the key
   * is field {@code offset}.
   */
  private static List<String> withoutFirstAndLast(Collection<String> rows, int offset) {
    List<String> texts = new ArrayList<>();
    for (String row : rows) {
      String kind = row.startsWith("[") ? "" : row.substring(0, 2);
      List<String> fields = new ArrayList<>(fields(row.substring(kind.length())));
      List<String> elements = new ArrayList<>(List.of(fields.get(offset + 6).split(",")));
      elements.sort(null);
      fields.set(offset + 6, String.join(",", elements));
      fields.remove(offset + 5);
      fields.remove(offset + 4);
      texts.add(kind + fields);
    }
    texts.sort(null);
    return texts;
  }

  /**
   * Asserts that the row's FIRST_VALUE(n) and LAST_VALUE(n) (after its key, field {@code offset}) are the first
   * and last n in {@code [from, to)} of the key's rows with one value of {@code n % 101}.
   */
  private static void assertFirstAndLastOfOneBucket(List<String> fields, int offset, long from, long to) {
    int k = Integer.parseInt(fields.get(offset));
    Map<Long, Long> first = new HashMap<>();
    Map<Long, Long> last = new HashMap<>();
    for (long n = from; n < to; n++) {
      if (n % 3 == k) {
        first.putIfAbsent(n % 101, n);
        last.put(n % 101, n);
      }
    }
    assertThat(Long.parseLong(fields.get(offset + 4))).as("FIRST_VALUE of %s", fields).isIn(first.values());
    assertThat(Long.parseLong(fields.get(offset + 5))).as("LAST_VALUE of %s", fields).isIn(last.values());
  }

  private static ClusterJobClient runKeeping(String backend, String run, boolean fail, String insert, boolean split,
      boolean window) throws Exception {
    TableEnvironment tEnv = SqlRecoveryRuns.session(backend);
    tEnv.getConfig().set("table.optimizer.distinct-agg.split.enabled", String.valueOf(split));
    tEnv.getConfig().set("table.optimizer.distinct-agg.split.bucket-num", "16");
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT, ts AS CAST(TIMESTAMP '2024-01-01 00:00:00'"
        + " + INTERVAL '0.001' SECOND * n AS TIMESTAMP(3)), WATERMARK FOR ts AS ts)"
        + " WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE TABLE kept (" + (window ? "ws TIMESTAMP(3), " : "") + "k INT, d BIGINT, a BIGINT,"
        + " ad BIGINT, f BIGINT, l BIGINT, s STRING) WITH ('connector' = 'committed-rows', 'run' = '" + run + "')");
    assertThat(tEnv.explainSql(insert.substring(insert.indexOf("SELECT"))))
        .contains(split ? "$AVG_MERGE(" : "AVG(").contains("FIRST_VALUE(", "LISTAGG(");
    return SqlRecoveryRuns.runToEnd(tEnv, insert);
  }

  private static ClusterJobClient run(String backend, String run, boolean fail, String insert, boolean split)
      throws Exception {
    TableEnvironment tEnv = SqlRecoveryRuns.session(backend);
    tEnv.getConfig().set("table.optimizer.distinct-agg.split.enabled", String.valueOf(split));
    tEnv.getConfig().set("table.optimizer.distinct-agg.split.bucket-num", "16");
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT, ts AS CAST(TIMESTAMP '2024-01-01 00:00:00'"
        + " + INTERVAL '0.001' SECOND * n AS TIMESTAMP(3)), WATERMARK FOR ts AS ts)"
        + " WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE TABLE counts (k INT, c BIGINT, d BIGINT, e BIGINT, hi BIGINT, f BIGINT) WITH ("
        + "'connector' = 'committed-rows', 'run' = '" + run + "')");
    assertThat(tEnv.explainSql(insert.substring(insert.indexOf("SELECT"))).contains("partialFinalType=[FINAL]"))
        .isEqualTo(split);
    return SqlRecoveryRuns.runToEnd(tEnv, insert);
  }
}
