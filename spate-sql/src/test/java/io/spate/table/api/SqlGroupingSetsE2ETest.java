package io.spate.table.api;

import static io.spate.table.api.TableResults.folded;
import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code GROUPING SETS}, {@code ROLLUP} and {@code CUBE}: each grouping set's groups, with the columns the
 * set leaves out NULL, as a changelog in streaming mode (also over an updating input, with
 * {@code DISTINCT}, {@code FILTER} and {@code HAVING}), once in batch mode, and per window in window
 * aggregates; {@code GROUPING} and {@code GROUPING_ID} tell the sets apart.
 */
class SqlGroupingSetsE2ETest {

  private static final String SALES = "(VALUES ('a', 'x', 1), ('a', 'y', 2), ('b', 'x', 3), ('a', 'x', 4))"
      + " AS sales(k1, k2, v)";

  private static final String ROLLUP = "SELECT k1, k2, SUM(v) AS total, COUNT(*) AS n, GROUPING(k1) AS g1,"
      + " GROUPING(k2) AS g2, GROUPING_ID(k1, k2) AS id12, GROUPING_ID(k2, k1) AS id21, GROUP_ID() AS gid"
      + " FROM " + SALES + " GROUP BY ROLLUP (k1, k2)";

  /**
   * ROLLUP (k1, k2) is the sets (k1, k2), (k1) and (): GROUPING is 1 for a column the set leaves out, and
   * GROUPING_ID is those bits with the first argument's the highest.
   */
  private static final Map<Row, Integer> ROLLUP_RESULT = Map.of(
      Row.of("a", "x", 5, 2L, 0L, 0L, 0L, 0L, 0L), 1,
      Row.of("a", "y", 2, 1L, 0L, 0L, 0L, 0L, 0L), 1,
      Row.of("b", "x", 3, 1L, 0L, 0L, 0L, 0L, 0L), 1,
      Row.of("a", null, 7, 3L, 0L, 1L, 1L, 2L, 0L), 1,
      Row.of("b", null, 3, 1L, 0L, 1L, 1L, 2L, 0L), 1,
      Row.of(null, null, 10, 4L, 1L, 1L, 3L, 3L, 0L), 1);

  private static TableEnvironment streaming() {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    return tEnv;
  }

  @Test
  void aRollupHasTheGroupsOfEachSetAndTheirGroupingIds() {
    assertThat(folded(streaming().executeSql(ROLLUP))).isEqualTo(ROLLUP_RESULT);
  }

  @Test
  void aRollupInBatchModeLeavesTheSameGroups() {
    TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
    batch.getConfig().set("parallelism.default", "2");
    assertThat(folded(batch.executeSql(ROLLUP))).isEqualTo(ROLLUP_RESULT);
  }

  @Test
  void groupingFunctionsAreTheirResultTypesAndZeroInAPlainGroupBy() {
    TableResult result = streaming().executeSql("SELECT k1, GROUPING(k1) AS g, GROUPING_ID(k1) AS id FROM " + SALES
        + " GROUP BY k1");
    assertThat(result.getResolvedSchema().toString()).contains("`g` BIGINT NOT NULL", "`id` BIGINT NOT NULL");
    assertThat(folded(result)).isEqualTo(Map.of(Row.of("a", 0L, 0L), 1, Row.of("b", 0L, 0L), 1));
  }

  @Test
  void aRealNullKeyStaysApartFromTheSubtotalOfItsColumn() {
    Map<Row, Integer> result = folded(streaming().executeSql("SELECT k, COUNT(*) AS n, GROUPING(k) AS g"
        + " FROM (VALUES ('a'), (CAST(NULL AS STRING)), (CAST(NULL AS STRING))) AS t(k)"
        + " GROUP BY GROUPING SETS ((k), ())"));
    assertThat(result).isEqualTo(Map.of(Row.of("a", 1L, 0L), 1, Row.of(null, 2L, 0L), 1, Row.of(null, 3L, 1L), 1));
  }

  @Test
  void repeatedGroupingSetsRepeatTheirGroupsWithAnotherGroupId() {
    Map<Row, Integer> result = folded(streaming().executeSql("SELECT k1, SUM(v) AS total, GROUP_ID() AS gid FROM "
        + SALES + " GROUP BY GROUPING SETS ((k1), (k1), ())"));
    assertThat(result).isEqualTo(Map.of(Row.of("a", 7, 0L), 1, Row.of("b", 3, 0L), 1, Row.of("a", 7, 1L), 1,
        Row.of("b", 3, 1L), 1, Row.of(null, 10, 0L), 1));
  }

  /** The CUBE over an aggregate: per (user, amount) pair its count, which grows row by row (a changelog). */
  private static final String CUBE_OVER_UPDATES = """
      SELECT u, b, COUNT(*) AS pairs, COUNT(DISTINCT amount) AS amounts, SUM(c) FILTER (WHERE amount > 3) AS big,
             GROUPING_ID(u, b) AS id
      FROM (SELECT id % 5 AS u, CAST(id % 7 AS INT) AS amount, COUNT(*) % 3 AS b, COUNT(*) AS c
            FROM clicks GROUP BY id % 5, CAST(id % 7 AS INT))
      GROUP BY CUBE (u, b)
      HAVING COUNT(*) > 1""";

  @Test
  void aCubeOverAnUpdatingInputTakesBackWhatChanged() {
    TableEnvironment tEnv = streaming();
    int rows = 1000;
    tEnv.executeSql("CREATE TABLE clicks (id BIGINT) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence',"
        + " 'fields.id.start' = '1', 'fields.id.end' = '" + rows + "', 'rows-per-second' = '1000000')");
    Map<Row, Integer> result = folded(tEnv.executeSql(CUBE_OVER_UPDATES));

    // The inner aggregate's final rows, computed directly: (u, amount) -> count.
    Map<List<Long>, Long> counts = new HashMap<>();
    for (long id = 1; id <= rows; id++) {
      counts.merge(List.of(id % 5, id % 7), 1L, Long::sum);
    }
    // Each set's groups: key (u or null, b or null, id) -> the inner rows in it.
    Map<List<Object>, List<long[]>> groups = new HashMap<>();
    // u and b are INTs: MOD's type is that of its second operand, as in Flink.
    counts.forEach((key, c) -> {
      int u = (int) (long) key.get(0);
      int b = (int) (c % 3);
      long[] inner = {key.get(1), c};
      for (List<Object> group : List.of(Arrays.<Object>asList(u, b, 0L), Arrays.<Object>asList(u, null, 1L),
          Arrays.<Object>asList(null, b, 2L), Arrays.<Object>asList(null, null, 3L))) {
        groups.computeIfAbsent(group, g -> new ArrayList<>()).add(inner);
      }
    });
    Map<Row, Integer> expected = new HashMap<>();
    groups.forEach((group, inner) -> {
      if (inner.size() <= 1) {
        return; // HAVING COUNT(*) > 1
      }
      Set<Long> amounts = new HashSet<>();
      Long big = null;
      for (long[] pair : inner) {
        amounts.add(pair[0]);
        if (pair[0] > 3) {
          big = (big == null ? 0 : big) + pair[1];
        }
      }
      expected.put(Row.of(group.get(0), group.get(1), (long) inner.size(), (long) amounts.size(), big,
          group.get(2)), 1);
    });
    long bigTotal = 0;
    for (long id = 1; id <= rows; id++) {
      bigTotal += id % 7 > 3 ? 1 : 0;
    }
    // The total: 5 x 7 pairs, 7 amounts, and every row of an amount above 3.
    assertThat(expected).containsKey(Row.of(null, null, 35L, 7L, bigTotal, 3L));
    assertThat(result).isEqualTo(expected);
  }

  @Test
  void twoPhaseAndSplitDistinctAggregationLeaveTheOnePhaseResult() {
    TableEnvironment onePhase = streaming();
    TableEnvironment twoPhase = streaming();
    twoPhase.getConfig().set("table.exec.mini-batch.enabled", "true");
    twoPhase.getConfig().set("table.exec.mini-batch.allow-latency", "1 s");
    twoPhase.getConfig().set("table.exec.mini-batch.size", "100");
    twoPhase.getConfig().set("table.optimizer.agg-phase-strategy", "TWO_PHASE");
    TableEnvironment split = streaming();
    split.getConfig().set("table.optimizer.distinct-agg.split.enabled", "true");
    String query = "SELECT n % 3 AS a, n % 4 AS b, COUNT(*) AS c, SUM(n) AS s, COUNT(DISTINCT n % 11) AS d,"
        + " GROUPING_ID(n % 3, n % 4) AS id FROM numbers GROUP BY CUBE (n % 3, n % 4)";
    List<Map<Row, Integer>> results = new ArrayList<>();
    for (TableEnvironment tEnv : List.of(onePhase, twoPhase, split)) {
      tEnv.executeSql("CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence',"
          + " 'fields.n.start' = '1', 'fields.n.end' = '2000', 'rows-per-second' = '1000000')");
      results.add(folded(tEnv.executeSql(query)));
    }
    assertThat(twoPhase.explainSql(query)).contains("LocalGroupAggregate", "Expand(groupingSets=");
    assertThat(split.explainSql(query)).contains("partialFinalType=[FINAL]", "Expand(groupingSets=");
    // 3 x 4 groups of (a, b), 3 of a, 4 of b and the total.
    assertThat(results.get(0)).hasSize(3 * 4 + 3 + 4 + 1)
        .containsKey(Row.of(null, null, 2000L, 2000L * 2001 / 2, 11L, 3L));
    assertThat(results.get(1)).isEqualTo(results.get(0));
    assertThat(results.get(2)).isEqualTo(results.get(0));
  }

  private static TableEnvironment withBids() {
    TableEnvironment tEnv = streaming();
    // Bid n is for item n % 3, at n seconds past 2024-01-01 00:00.
    tEnv.executeSql("""
        CREATE TABLE bids (
          n BIGINT,
          item AS CAST(n % 3 AS INT),
          ts AS CAST(TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1' SECOND * n AS TIMESTAMP(3)),
          WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
        ) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0',
                'fields.n.end' = '29', 'rows-per-second' = '100000')""");
    return tEnv;
  }

  @Test
  void aWindowAggregateWithGroupingSetsEmitsEachWindowsSetsOnce() {
    TableEnvironment tEnv = withBids();
    String query = """
        SELECT window_start, item, COUNT(*) AS bids, MAX(n) AS last_bid, GROUPING(item) AS g
        FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
        GROUP BY window_start, window_end, GROUPING SETS ((item), ())""";
    assertThat(tEnv.explainSql(query, ExplainDetail.CHANGELOG_MODE)).doesNotContain("UB")
        .contains("Expand(groupingSets=[{window_start, window_end, item}=0, {window_start, window_end}=1]");
    List<Row> rows = rows(tEnv.executeSql(query));
    assertThat(rows).allMatch(row -> row.getKind() == RowKind.INSERT);
    Map<Row, Integer> expected = new HashMap<>();
    for (int window = 0; window < 3; window++) {
      LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0, window * 10);
      for (int item = 0; item < 3; item++) {
        long count = 0;
        long last = -1;
        for (long n = window * 10L; n < window * 10L + 10; n++) {
          if (n % 3 == item) {
            count++;
            last = n;
          }
        }
        expected.put(Row.of(start, item, count, last, 0L), 1);
      }
      expected.put(Row.of(start, null, 10L, window * 10L + 9, 1L), 1);
    }
    assertThat(folded(tEnv.executeSql(query))).isEqualTo(expected);
  }

  @Test
  void aHopWindowRollupCountsEachWindowsRows() {
    TableEnvironment tEnv = withBids();
    Map<Row, Integer> result = folded(tEnv.executeSql("""
        SELECT window_start, item, COUNT(*) AS bids
        FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
        GROUP BY window_start, window_end, ROLLUP (item)"""));
    // Windows start every 5 seconds from -5 s to 25 s; each holds the bids of its 10 seconds within 0..29.
    Map<Row, Integer> expected = new HashMap<>();
    for (int start = -5; start <= 25; start += 5) {
      Map<Integer, Long> perItem = new HashMap<>();
      for (long n = Math.max(0, start); n < Math.min(30, start + 10); n++) {
        perItem.merge((int) (n % 3), 1L, Long::sum);
      }
      LocalDateTime windowStart = LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(start);
      perItem.forEach((item, count) -> expected.put(Row.of(windowStart, item, count), 1));
      expected.put(Row.of(windowStart, null, perItem.values().stream().mapToLong(Long::longValue).sum()), 1);
    }
    assertThat(result).isEqualTo(expected);
  }

  @Test
  void explainShowsTheExpansionAndItsChanges() {
    String plan = streaming().explainSql("SELECT k1, k2, SUM(v) FROM " + SALES + " GROUP BY CUBE (k1, k2)",
        ExplainDetail.CHANGELOG_MODE);
    assertThat(plan).contains("Expand(groupingSets=[{k1, k2}=0, {k1}=1, {k2}=2, {}=3], groupingId=[$g],"
        + " changelogMode=[I])");
    assertThat(plan).contains("changelogMode=[I,UB,UA]");
  }

  @Test
  void groupingOfAColumnThatIsNotGroupedFailsNamingIt() {
    assertThatThrownBy(() -> streaming().executeSql("SELECT k1, GROUPING(v) FROM " + SALES
        + " GROUP BY ROLLUP (k1)"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("GROUPING");
  }
}
