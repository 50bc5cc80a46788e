package io.spate.table.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code table.optimizer.distinct-agg.split.enabled}: distinct aggregates in two levels, same results. */
class SqlSplitDistinctAggregateE2ETest {

  private static final String INPUT = "(VALUES ('x', 1, 1, 10), ('x', 1, 2, 60), ('x', 3, 1, 70),"
      + " ('x', CAST(NULL AS INT), 1, 20), ('y', 5, 1, 90), ('y', 5, 1, 5)) AS t(k, a, b, p)";

  private static TableEnvironment session(boolean split, int buckets) {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    tEnv.getConfig().set("table.optimizer.distinct-agg.split.enabled", String.valueOf(split));
    tEnv.getConfig().set("table.optimizer.distinct-agg.split.bucket-num", String.valueOf(buckets));
    return tEnv;
  }

  @Test
  void handWorked() {
    String query = "SELECT k, COUNT(*) AS n, COUNT(DISTINCT a) AS da, COUNT(DISTINCT b) FILTER (WHERE p > 15) AS db,"
        + " SUM(DISTINCT a) AS sa, MAX(p) AS hi FROM " + INPUT + " GROUP BY k";
    System.out.println(session(true, 4).explainSql(query, ExplainDetail.CHANGELOG_MODE));
    Map<Row, Integer> split = TableResults.folded(session(true, 4).executeSql(query));
    assertThat(split).isEqualTo(Map.of(Row.of("x", 4L, 2L, 2L, 4, 70), 1, Row.of("y", 2L, 1L, 1L, 5, 90), 1));
  }
}
