package io.spate.table.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.api.types.Row;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code table.optimizer.distinct-agg.split.enabled}: an aggregate with DISTINCT aggregates runs as a
 * partial aggregate per key and bucket under a final one per key, which EXPLAIN shows, and leaves what
 * the aggregate leaves in one level, over inserts and over changelogs; aggregates Flink does not split
 * stay in one level.
 */
class SqlSplitDistinctAggregateE2ETest {

  private static final String INPUT = "(VALUES ('x', 1, 1, 10), ('x', 1, 2, 60), ('x', 3, 1, 70),"
      + " ('x', CAST(NULL AS INT), 1, 20), ('y', 5, 1, 90), ('y', 5, 1, 5)) AS t(k, a, b, p)";

  /** Several distinct argument sets, FILTERs on distinct and other aggregates, MIN/MAX/SUM. */
  private static final String INSERTS_QUERY = "SELECT k, COUNT(*) AS n, COUNT(*) FILTER (WHERE p < 50) AS low,"
      + " COUNT(DISTINCT a) AS da, COUNT(DISTINCT a) FILTER (WHERE p < 50) AS dal,"
      + " COUNT(DISTINCT b) FILTER (WHERE p >= 30) AS dbh, SUM(DISTINCT b) AS sb, MAX(DISTINCT a) AS ma,"
      + " MIN(p) AS lo, SUM(p) AS sp, COUNT(DISTINCT a, b) AS dab FROM %s GROUP BY k";

  /** A GROUP BY over a GROUP BY's changelog: the partial aggregate reads and emits retractions. */
  private static final String UPDATES_QUERY = "SELECT c, COUNT(DISTINCT k) AS dk,"
      + " COUNT(DISTINCT s) FILTER (WHERE s > 100) AS ds, SUM(s) AS total, MAX(DISTINCT s) AS hi, COUNT(*) AS n"
      + " FROM (SELECT k, a, COUNT(*) AS c, SUM(p) AS s FROM %s GROUP BY k, a) GROUP BY c";

  /** Without group keys. */
  private static final String GLOBAL_QUERY = "SELECT COUNT(DISTINCT a) AS da, COUNT(DISTINCT k) AS dk, MAX(p) AS hi"
      + " FROM %s";

  private static TableEnvironment session(boolean split, int buckets, boolean miniBatch) {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    tEnv.getConfig().set("table.optimizer.distinct-agg.split.enabled", String.valueOf(split));
    tEnv.getConfig().set("table.optimizer.distinct-agg.split.bucket-num", String.valueOf(buckets));
    if (miniBatch) {
      tEnv.getConfig().set("table.exec.mini-batch.enabled", "true");
      tEnv.getConfig().set("table.exec.mini-batch.allow-latency", "50 ms");
      tEnv.getConfig().set("table.exec.mini-batch.size", "7");
    }
    return tEnv;
  }

  private static Map<Row, Integer> folded(TableEnvironment tEnv, String query) {
    return TableResults.folded(tEnv.executeSql(query));
  }

  @Test
  void aSplitAggregateLeavesTheHandWorkedResult() {
    // x: rows (a, b, p) = (1, 1, 10), (1, 2, 60), (3, 1, 70), (NULL, 1, 20); y: (5, 1, 90), (5, 1, 5)
    assertThat(folded(session(true, 4, false), String.format(INSERTS_QUERY, INPUT))).isEqualTo(Map.of(
        Row.of("x", 4L, 2L, 2L, 1L, 2L, 3, 3, 10, 160, 3L), 1,
        Row.of("y", 2L, 1L, 1L, 1L, 1L, 1, 5, 5, 95, 1L), 1));
  }

  /**
   * Random rows with a hot key (most rows share it), a nullable distinct argument and few buckets (so
   * values share buckets, or not, as it falls): the split aggregate leaves what the one-level aggregate
   * leaves, with and without mini-batches.
   */
  @Test
  void splitAndUnsplitAggregatesLeaveTheSameResultsForAnyInput() {
    qt().withExamples(6).withShrinkCycles(20).forAll(lists().of(integers().between(0, 99_999)).ofSizeBetween(1, 60),
        integers().between(1, 6), booleans().all()).checkAssert((codes, buckets, miniBatch) -> {
          String values = values(codes);
          for (String query : List.of(INSERTS_QUERY, UPDATES_QUERY, GLOBAL_QUERY)) {
            String sql = String.format(query, values);
            assertThat(folded(session(true, buckets, miniBatch), sql)).as(sql)
                .isEqualTo(folded(session(false, buckets, false), sql));
          }
        });
  }

  /** One row per code: a key (six in ten rows share "hot"), a nullable a, b and p drawn from the code's digits. */
  private static String values(List<Integer> codes) {
    StringBuilder rows = new StringBuilder();
    for (int code : codes) {
      String key = code % 10 < 6 ? "hot" : "k" + code % 4;
      int a = code / 10 % 9;
      int b = code / 100 % 5;
      int p = code / 1000;
      rows.append(rows.length() == 0 ? "" : ", ").append("('").append(key).append("', ")
          .append(a == 8 ? "CAST(NULL AS INT)" : String.valueOf(a)).append(", ").append(b).append(", ").append(p)
          .append(")");
    }
    return "(VALUES " + rows + ") AS t(k, a, b, p)";
  }

  @Test
  void explainShowsTheExpandThePartialAndTheFinalAggregate() {
    String plan = session(true, 1024, false).explainSql(String.format(UPDATES_QUERY, INPUT),
        ExplainDetail.CHANGELOG_MODE);

    String optimized = plan.substring(plan.indexOf("== Optimized Logical Plan =="));
    assertThat(optimized).contains("Expand(buckets=[MOD(HASH_CODE(k), 1024), MOD(HASH_CODE(s), 1024)]",
        "partialFinalType=[PARTIAL]", "partialFinalType=[FINAL]");
    assertThat(optimized.lines().filter(l -> l.contains("partialFinalType=[FINAL]")).findFirst().orElseThrow())
        .contains("group=[{0}]", "changelogMode=[I,UB,UA,D]");
    assertThat(optimized.lines().filter(l -> l.contains("partialFinalType=[PARTIAL]")).findFirst().orElseThrow())
        .contains("COUNT(DISTINCT", "changelogMode=[I,UB,UA,D]");
  }

  @Test
  void theSplitIsOffByDefault() {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    assertThat(tEnv.explainSql(String.format(INSERTS_QUERY, INPUT))).doesNotContain("partialFinalType", "Expand");
  }

  @Test
  void aggregatesFlinkDoesNotSplitStayInOneLevel() {
    TableEnvironment tEnv = session(true, 16, false);
    tEnv.createTemporarySystemFunction("wavg", SqlUserFunctionsE2ETest.WeightedAvg.class);
    // a user's aggregate function, an aggregate without DISTINCT, and JSON_OBJECTAGG
    for (String query : List.of(
        "SELECT k, COUNT(DISTINCT a), wavg(CAST(p AS BIGINT), b) FROM " + INPUT + " GROUP BY k",
        "SELECT k, COUNT(a), SUM(p) FROM " + INPUT + " GROUP BY k",
        "SELECT k, COUNT(DISTINCT a), JSON_OBJECTAGG(KEY CAST(p AS STRING) VALUE a) FROM " + INPUT + " GROUP BY k")) {
      assertThat(tEnv.explainSql(query)).as(query).doesNotContain("partialFinalType", "Expand");
    }
  }

  @Test
  void aBucketNumberBelowOneIsRefusedNamingTheOption() {
    TableEnvironment tEnv = session(true, 0, false);
    assertThatThrownBy(() -> tEnv.executeSql(String.format(INSERTS_QUERY, INPUT)))
        .hasMessageContaining("table.optimizer.distinct-agg.split.bucket-num").hasMessageContaining("not 0");
  }

  /** The example of docs/sql/tuning.md. */
  @Test
  void theTuningPagesSplitPlanIsWhatExplainShows() {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT, k AS n % 29) WITH ('connector' = 'datagen',"
        + " 'number-of-rows' = '3000', 'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '3000')");
    tEnv.getConfig().set("table.optimizer.distinct-agg.split.enabled", "true");
    String plan = tEnv.explainSql("SELECT k, COUNT(DISTINCT n) AS d, MAX(n) AS hi FROM numbers GROUP BY k");

    assertThat(plan.substring(plan.indexOf("== Optimized Logical Plan =="))).isEqualTo(String.join("\n",
        "== Optimized Logical Plan ==",
        "LogicalAggregate(group=[{0}], d=[$SUM0($2)], hi=[MAX($3)], partialFinalType=[FINAL])",
        "  LogicalAggregate(group=[{0, 2}], d=[COUNT(DISTINCT $1)], hi=[MAX($1)], partialFinalType=[PARTIAL])",
        "    Expand(buckets=[MOD(HASH_CODE(n), 1024)])",
        "      LogicalProject(k=[$1], n=[$0])",
        "        LogicalTableScan(table=[[default_catalog, default_database, numbers]])",
        ""));
  }
}
