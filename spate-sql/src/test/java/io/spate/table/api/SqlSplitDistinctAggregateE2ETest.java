package io.spate.table.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.api.types.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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

  /** AVG, with and without DISTINCT and FILTER, over integers, decimals and doubles: split as a sum and a count. */
  private static final String AVG_QUERY = "SELECT k, AVG(p) AS ap, AVG(DISTINCT a) AS ada,"
      + " AVG(CAST(p AS DECIMAL(10, 2))) FILTER (WHERE b > 1) AS apd, AVG(CAST(a AS DOUBLE)) AS aad,"
      + " COUNT(DISTINCT b) AS db FROM %s GROUP BY k";

  /** AVG over a changelog: the partial sums and counts are taken back and added again. */
  private static final String AVG_UPDATES_QUERY = "SELECT c, COUNT(DISTINCT k) AS dk, AVG(s) AS avs,"
      + " AVG(DISTINCT s) AS ads FROM (SELECT k, a, COUNT(*) AS c, SUM(p) AS s FROM %s GROUP BY k, a) GROUP BY c";

  /**
   * The aggregates that keep values: non-distinct ones are computed per bucket of {@code a} (the first distinct
   * argument), so FIRST_VALUE and LAST_VALUE give the first or last {@code p} of one bucket, and LISTAGG the
   * unsplit list's elements in the order of the buckets.
   */
  private static final String KEEPING_QUERY = "SELECT k, COUNT(DISTINCT a) AS da, FIRST_VALUE(p) AS fp,"
      + " LAST_VALUE(p) AS lp, LISTAGG(CAST(p AS STRING)) AS ps, LISTAGG(DISTINCT CAST(b AS STRING), ';') AS bs"
      + " FROM %s GROUP BY k";

  /** LISTAGG over a changelog: each partial list is taken back and added again as it changes. */
  private static final String LISTAGG_UPDATES_QUERY = "SELECT c, COUNT(DISTINCT k) AS dk,"
      + " LISTAGG(CAST(s AS STRING), '|') AS ss FROM (SELECT k, a, COUNT(*) AS c, SUM(p) AS s FROM %s GROUP BY k, a)"
      + " GROUP BY c";

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
          for (String query : List.of(INSERTS_QUERY, UPDATES_QUERY, GLOBAL_QUERY, AVG_QUERY, AVG_UPDATES_QUERY)) {
            String sql = String.format(query, values);
            assertThat(folded(session(true, buckets, miniBatch), sql)).as(sql)
                .isEqualTo(folded(session(false, buckets, false), sql));
          }
        });
  }

  /**
   * Over the same skewed random rows, the split FIRST_VALUE and LAST_VALUE of {@code p} are the first or last
   * {@code p} of one bucket of {@code a}'s values: a bucket's first (last) row is the first (last) of the rows of
   * one of its values, so the result is the first (last) {@code p} of the rows with some value of {@code a}, which
   * the test computes from the rows themselves; with one bucket it is the key's first (last) {@code p}, as
   * unsplit. LISTAGG lists the unsplit list's elements (in the buckets' order), also over a changelog. One
   * subtask reads the rows, in order, as first and last need.
   */
  @Test
  void splitFirstLastValueAndListAggKeepTheirLawsForAnyInput() {
    qt().withExamples(6).withShrinkCycles(20).forAll(lists().of(integers().between(0, 99_999)).ofSizeBetween(1, 60),
        integers().between(1, 6), booleans().all()).checkAssert((codes, buckets, miniBatch) -> {
          String sql = String.format(KEEPING_QUERY, values(codes));
          Map<Object, Row> split = byKey(folded(inOneSubtask(session(true, buckets, miniBatch)), sql));
          Map<Object, Row> unsplit = byKey(folded(inOneSubtask(session(false, buckets, false)), sql));
          assertThat(split.keySet()).as(sql).isEqualTo(unsplit.keySet());
          Map<String, List<Input>> rowsByKey = new LinkedHashMap<>();
          for (Input input : inputs(codes)) {
            rowsByKey.computeIfAbsent(input.k(), k -> new ArrayList<>()).add(input);
          }
          for (Map.Entry<String, List<Input>> entry : rowsByKey.entrySet()) {
            List<Input> rows = entry.getValue();
            Map<Integer, Integer> firstByA = new HashMap<>();
            Map<Integer, Integer> lastByA = new HashMap<>();
            for (Input input : rows) {
              firstByA.putIfAbsent(input.a(), input.p());
              lastByA.put(input.a(), input.p());
            }
            Row s = split.get(entry.getKey());
            Row u = unsplit.get(entry.getKey());
            assertThat(u.getField(2)).as("unsplit FIRST_VALUE").isEqualTo(rows.get(0).p());
            assertThat(u.getField(3)).as("unsplit LAST_VALUE").isEqualTo(rows.get(rows.size() - 1).p());
            assertThat(s.getField(1)).as(sql).isEqualTo(u.getField(1));
            assertThat(s.getField(2)).as(sql).isIn(firstByA.values());
            assertThat(s.getField(3)).as(sql).isIn(lastByA.values());
            if (buckets == 1) {
              assertThat(s.getField(2)).as(sql).isEqualTo(u.getField(2));
              assertThat(s.getField(3)).as(sql).isEqualTo(u.getField(3));
            }
            assertThat(elements(s.getField(4), ",")).as(sql).isEqualTo(elements(u.getField(4), ","))
                .hasSize(rows.size());
            assertThat(elements(s.getField(5), ";")).as(sql).isEqualTo(elements(u.getField(5), ";"));
          }
          String updates = String.format(LISTAGG_UPDATES_QUERY, values(codes));
          Map<Object, Row> splitUpdates = byKey(folded(inOneSubtask(session(true, buckets, miniBatch)), updates));
          Map<Object, Row> unsplitUpdates = byKey(folded(inOneSubtask(session(false, buckets, false)), updates));
          assertThat(splitUpdates.keySet()).as(updates).isEqualTo(unsplitUpdates.keySet());
          splitUpdates.forEach((key, row) -> {
            assertThat(row.getField(1)).as(updates).isEqualTo(unsplitUpdates.get(key).getField(1));
            assertThat(elements(row.getField(2), "|")).as(updates)
                .isEqualTo(elements(unsplitUpdates.get(key).getField(2), "|"));
          });
        });
  }

  /** {@code tEnv} with one subtask per operator, so that each key's rows reach each level in the VALUES' order. */
  private static TableEnvironment inOneSubtask(TableEnvironment tEnv) {
    tEnv.getConfig().set("parallelism.default", "1");
    return tEnv;
  }

  /** The rows of a folded result by their first field, each there once. */
  private static Map<Object, Row> byKey(Map<Row, Integer> folded) {
    Map<Object, Row> rows = new HashMap<>();
    folded.forEach((row, count) -> {
      assertThat(count).as("copies of %s", row).isEqualTo(1);
      // VALUES pads its strings to the longest: 'k1' reads 'k1 ' next to 'hot'
      Object key = row.getField(0) instanceof String text ? text.trim() : row.getField(0);
      assertThat(rows.put(key, row)).as("a second row of key %s", key).isNull();
    });
    return rows;
  }

  /** A LISTAGG's elements, sorted; none for NULL. */
  private static List<String> elements(Object list, String separator) {
    if (list == null) {
      return List.of();
    }
    List<String> elements = new ArrayList<>(List.of(((String) list).split(Pattern.quote(separator), -1)));
    elements.sort(null);
    return elements;
  }

  /** One input row of {@link #values}. */
  private record Input(String k, Integer a, int b, int p) {}

  /** One row per code: a key (six in ten rows share "hot"), a nullable a, b and p drawn from the code's digits. */
  private static List<Input> inputs(List<Integer> codes) {
    List<Input> inputs = new ArrayList<>();
    for (int code : codes) {
      int a = code / 10 % 9;
      inputs.add(new Input(code % 10 < 6 ? "hot" : "k" + code % 4, a == 8 ? null : a, code / 100 % 5, code / 1000));
    }
    return inputs;
  }

  /** The rows of {@link #inputs} as a VALUES table {@code t(k, a, b, p)}. */
  private static String values(List<Integer> codes) {
    StringBuilder rows = new StringBuilder();
    for (Input input : inputs(codes)) {
      rows.append(rows.length() == 0 ? "" : ", ").append("('").append(input.k()).append("', ")
          .append(input.a() == null ? "CAST(NULL AS INT)" : String.valueOf(input.a())).append(", ").append(input.b())
          .append(", ").append(input.p()).append(")");
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

  /** The AVG example of docs/sql/tuning.md. */
  @Test
  void theTuningPagesSplitAveragePlanIsWhatExplainShows() {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT, k AS n % 29) WITH ('connector' = 'datagen',"
        + " 'number-of-rows' = '3000', 'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '3000')");
    tEnv.getConfig().set("table.optimizer.distinct-agg.split.enabled", "true");
    String plan = tEnv.explainSql("SELECT k, COUNT(DISTINCT n) AS d, AVG(n) AS mean FROM numbers GROUP BY k");

    assertThat(plan.substring(plan.indexOf("== Optimized Logical Plan =="))).isEqualTo(String.join("\n",
        "== Optimized Logical Plan ==",
        "LogicalAggregate(group=[{0}], d=[$SUM0($2)], mean=[$AVG_MERGE($3, $4)], partialFinalType=[FINAL])",
        "  LogicalAggregate(group=[{0, 2}], d=[COUNT(DISTINCT $1)], mean$sum=[$SUM0($1)], mean$count=[COUNT($1)],"
            + " partialFinalType=[PARTIAL])",
        "    Expand(buckets=[MOD(HASH_CODE(n), 1024)])",
        "      LogicalProject(k=[$1], n=[$0])",
        "        LogicalTableScan(table=[[default_catalog, default_database, numbers]])",
        ""));
  }
}
