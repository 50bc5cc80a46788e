package io.spate.table.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DISTINCT in every aggregate, as in Flink: SUM, AVG, MIN/MAX, COUNT over several arguments and
 * users' aggregate functions see each distinct non-NULL value (or tuple) once, with FILTER, and over a
 * changelog that retracts values.
 */
class SqlDistinctAggregateE2ETest {

  private static final String INPUT = "(VALUES ('x', 1, 1), ('x', 1, 2), ('x', 3, 1), ('x', CAST(NULL AS INT), 1),"
      + " ('y', 5, 1), ('y', 5, 1)) AS t(k, v, w)";

  private TableEnvironment tEnv;

  @BeforeEach
  void createEnvironment() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
  }

  private Map<Row, Integer> folded(String query) {
    return TableResults.folded(tEnv.executeSql(query));
  }

  @Test
  void builtInAggregatesSeeEachDistinctValueOnce() {
    assertThat(folded("SELECT k, SUM(DISTINCT v), AVG(DISTINCT v), MAX(DISTINCT v), MIN(DISTINCT v), SUM(v) FROM "
        + INPUT + " GROUP BY k")).isEqualTo(Map.of(Row.of("x", 4, 2, 3, 1, 5), 1, Row.of("y", 5, 5, 5, 5, 10), 1));
  }

  @Test
  void countOfSeveralArgumentsCountsDistinctTuplesWithoutNulls() {
    assertThat(folded("SELECT k, COUNT(DISTINCT v, w), COUNT(DISTINCT v) FROM " + INPUT + " GROUP BY k"))
        .isEqualTo(Map.of(Row.of("x", 3L, 2L), 1, Row.of("y", 1L, 1L), 1));
  }

  @Test
  void aFilterComesBeforeDistinct() {
    assertThat(folded("SELECT k, SUM(DISTINCT v) FILTER (WHERE w = 2), SUM(DISTINCT v) FILTER (WHERE w = 1) FROM "
        + INPUT + " GROUP BY k")).isEqualTo(Map.of(Row.of("x", 1, 4), 1, Row.of("y", null, 5), 1));
  }

  @Test
  void aUsersAggregateFunctionSeesDistinctTuples() {
    tEnv.createTemporarySystemFunction("wavg", SqlUserFunctionsE2ETest.WeightedAvg.class);
    // x's distinct (v, w): (1, 1), (1, 2), (3, 1): (1 + 2 + 3) / 4, in whole numbers.
    assertThat(folded("SELECT k, wavg(DISTINCT CAST(v AS BIGINT), w) FROM " + INPUT + " GROUP BY k"))
        .isEqualTo(Map.of(Row.of("x", 1L), 1, Row.of("y", 5L), 1));
  }

  @Test
  void distinctOverAChangelogTakesValuesBackWhenTheirLastRowGoes() {
    // Counts per key end as x: 4, y: 2, z: 2, passing through other values on the way.
    String counts = "(SELECT k, COUNT(*) AS c FROM (SELECT k FROM " + INPUT + " UNION ALL"
        + " SELECT * FROM (VALUES ('z'), ('z')) AS z(k)) GROUP BY k)";
    assertThat(folded("SELECT SUM(DISTINCT c), SUM(c), COUNT(DISTINCT c) FROM " + counts))
        .isEqualTo(Map.of(Row.of(6L, 8L, 2L), 1));
  }

  @Test
  void anOverAggregateSeesEachDistinctValueOfItsFrameOnce() {
    // Frames of two rows in arrival order: x's values 1, 1, 3, NULL; y's 5, 5.
    assertThat(folded("SELECT k, SUM(DISTINCT v) OVER (PARTITION BY k ORDER BY pt ROWS BETWEEN 1 PRECEDING AND"
        + " CURRENT ROW) FROM (SELECT k, v, PROCTIME() AS pt FROM " + INPUT + ")"))
        .isEqualTo(Map.of(Row.of("x", 1), 2, Row.of("x", 4), 1, Row.of("x", 3), 1, Row.of("y", 5), 2));
  }
}
