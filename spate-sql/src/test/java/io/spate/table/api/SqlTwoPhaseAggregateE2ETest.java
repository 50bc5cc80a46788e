package io.spate.table.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code table.optimizer.agg-phase-strategy}: with mini-batches, a GROUP BY whose aggregates all merge
 * runs as a local and a global aggregate, which EXPLAIN shows, and leaves the one-phase result; in
 * one phase otherwise.
 */
class SqlTwoPhaseAggregateE2ETest {

  /**
   * A GROUP BY over an insert-only input, and one over its updating result (with retractions), with
   * DISTINCT, FILTER and a user's aggregate with a merge method.
   */
  private static final String QUERY = "SELECT c, COUNT(*) AS keys, SUM(s) AS total, MAX(s) AS biggest,"
      + " COUNT(DISTINCT s) FILTER (WHERE s > 9000) AS big, SUM(DISTINCT c) AS dc, weighted_avg(s, 2) AS w"
      + " FROM (SELECT k, COUNT(*) AS c, SUM(n) AS s, COUNT(DISTINCT n % 7) AS d FROM numbers GROUP BY k)"
      + " GROUP BY c";

  private static TableEnvironment session(String strategy, boolean miniBatch) {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    if (miniBatch) {
      tEnv.getConfig().set("table.exec.mini-batch.enabled", "true");
      tEnv.getConfig().set("table.exec.mini-batch.allow-latency", "1 s");
      tEnv.getConfig().set("table.exec.mini-batch.size", "300");
    }
    if (strategy != null) {
      tEnv.getConfig().set("table.optimizer.agg-phase-strategy", strategy);
    }
    tEnv.createTemporarySystemFunction("weighted_avg", SqlUserFunctionsE2ETest.WeightedAvg.class);
    tEnv.createTemporarySystemFunction("insert_only_count", SqlUserFunctionsE2ETest.InsertOnlyCount.class);
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT, k AS n % 29) WITH ('connector' = 'datagen',"
        + " 'number-of-rows' = '3000', 'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '3000')");
    return tEnv;
  }

  private static String explain(TableEnvironment tEnv, String query) {
    return tEnv.explainSql(query, ExplainDetail.CHANGELOG_MODE);
  }

  @Test
  void twoPhasesLeaveTheOnePhaseResult() {
    Map<Row, Integer> twoPhases = TableResults.folded(session("TWO_PHASE", true).executeSql(QUERY));
    Map<Row, Integer> onePhase = TableResults.folded(session("ONE_PHASE", true).executeSql(QUERY));
    Map<Row, Integer> rowByRow = TableResults.folded(session(null, false).executeSql(QUERY));

    assertThat(twoPhases).isEqualTo(onePhase).isEqualTo(rowByRow);
    // 3000 = 29 * 103 + 13: 13 keys of 104 rows and 16 of 103
    assertThat(twoPhases.keySet()).extracting(r -> r.getField(0), r -> r.getField(1))
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(104L, 13L),
            org.assertj.core.groups.Tuple.tuple(103L, 16L));
  }

  @Test
  void explainShowsTheLocalAndGlobalAggregates() {
    String plan = explain(session("TWO_PHASE", true), QUERY);

    String optimized = plan.substring(plan.indexOf("== Optimized Logical Plan =="));
    assertThat(optimized).contains("GlobalGroupAggregate(groupBy=[c], select=[c, COUNT(*) AS keys",
        "LocalGroupAggregate(groupBy=[k], select=[k, COUNT(*) AS c, SUM(n) AS s").doesNotContain("LogicalAggregate");
    assertThat(optimized.lines().filter(l -> l.contains("LocalGroupAggregate")).findFirst().orElseThrow())
        .contains("changelogMode=[I]");
    assertThat(optimized.lines().filter(l -> l.contains("GlobalGroupAggregate(groupBy=[c]")).findFirst()
        .orElseThrow()).contains("changelogMode=[I,UB,UA,D]");
    assertThat(optimized.lines().filter(l -> l.contains("GlobalGroupAggregate(groupBy=[k]")).findFirst()
        .orElseThrow()).contains("changelogMode=[I,UB,UA]");
  }

  @Test
  void anAggregateRunsInOnePhaseWithoutMiniBatchesWithOnePhaseWithDistinctUnderAutoOrWhenOneCannotMerge() {
    assertThat(explain(session("TWO_PHASE", false), QUERY)).doesNotContain("LocalGroupAggregate", "GlobalGroupAggregate");
    assertThat(explain(session("ONE_PHASE", true), QUERY)).doesNotContain("LocalGroupAggregate", "GlobalGroupAggregate");
    // AUTO (the default) leaves aggregates with DISTINCT in one phase, and splits the others
    String auto = explain(session(null, true), QUERY);
    assertThat(auto).doesNotContain("LocalGroupAggregate");
    assertThat(explain(session(null, true), "SELECT k, COUNT(*) AS c, MAX(n) AS hi FROM numbers GROUP BY k"))
        .contains("LocalGroupAggregate(groupBy=[k], select=[k, COUNT(*) AS c, MAX(n) AS hi], changelogMode=[I]");
    String plan = explain(session("AUTO", true),
        "SELECT k, insert_only_count(CAST(n AS STRING)) AS cnt FROM numbers GROUP BY k");
    assertThat(plan.substring(plan.indexOf("== Optimized Logical Plan ==")))
        .contains("LogicalAggregate").doesNotContain("LocalGroupAggregate");
  }

  /** The example of docs/sql/tuning.md. */
  @Test
  void theTuningPagesPlanIsWhatExplainShows() {
    TableEnvironment tEnv = session(null, false);
    tEnv.getConfig().set("table.exec.mini-batch.enabled", "true");
    tEnv.getConfig().set("table.exec.mini-batch.allow-latency", "2 s");
    tEnv.getConfig().set("table.exec.mini-batch.size", "5000");
    String plan = tEnv.explainSql("SELECT k, COUNT(*) AS cnt, MAX(n) AS hi FROM numbers GROUP BY k");

    assertThat(plan.substring(plan.indexOf("== Optimized Logical Plan =="))).isEqualTo(String.join("\n",
        "== Optimized Logical Plan ==",
        "GlobalGroupAggregate(groupBy=[k], select=[k, COUNT(*) AS cnt, MAX(n) AS hi])",
        "  LocalGroupAggregate(groupBy=[k], select=[k, COUNT(*) AS cnt, MAX(n) AS hi])",
        "    LogicalProject(k=[$1], n=[$0])",
        "      LogicalTableScan(table=[[default_catalog, default_database, numbers]])",
        ""));
  }

  @Test
  void anUnknownStrategyIsRefusedNamingTheValues() {
    TableEnvironment tEnv = session("THREE_PHASE", true);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tEnv.executeSql(QUERY))
        .hasMessageContaining("THREE_PHASE").hasMessageContaining("table.optimizer.agg-phase-strategy");
  }
}
