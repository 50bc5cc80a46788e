package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flink's IF, IFNULL, GREATEST, LEAST and TYPEOF (issue 30), run in jobs on the embedded cluster. */
class SqlConditionalBuiltInFunctionsE2ETest {

  private final TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

  @Test
  void ifTakesABranchAndNullConditionsTakeTheElseBranch() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT IF(n > 1, 'big', 'small'), IF(n > 1, n, 0), IF(b, 1, 2.5)
        FROM (VALUES (1, TRUE), (2, CAST(NULL AS BOOLEAN))) AS v (n, b)"""));
    assertThat(rows).containsExactlyInAnyOrder(Row.of("small", 0, new BigDecimal("1.0")),
        Row.of("big", 2, new BigDecimal("2.5")));
  }

  @Test
  void ifIsNullableWhenItsConditionOrABranchIsAsInFlink() {
    TableResult result = tEnv.executeSql("""
        SELECT IF(n > 1, 'big', 'small'), IF(TRUE, 'big', 'small'), IF(n > 1, 'big', s), IF(k > 1, 'big', 'small')
        FROM (VALUES (CAST(NULL AS INT), CAST(NULL AS STRING), 1)) AS v (n, s, k)""");
    assertThat(result.getResolvedSchema().getColumnTypes()).extracting(t -> t.asSummaryString())
        .containsExactly("VARCHAR(5)", "VARCHAR(5) NOT NULL", "STRING", "VARCHAR(5) NOT NULL");
  }

  @Test
  void ifNullReplacesNullInTheCommonType() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT IFNULL(s, 'none'), IFNULL(n, CAST(7 AS BIGINT))
        FROM (VALUES ('a', 1), (CAST(NULL AS STRING), CAST(NULL AS INT))) AS v (s, n)"""));
    assertThat(rows).containsExactlyInAnyOrder(Row.of("a", 1L), Row.of("none", 7L));
  }

  @Test
  void greatestAndLeastUseTheLeastCommonTypeAndAreNullIfAnyArgumentIs() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT GREATEST(1, n, 3), LEAST(1, n, 3), GREATEST(n, CAST(2 AS BIGINT)), LEAST('b', 'a', 'c'),
               GREATEST(1, CAST(NULL AS INT)), LEAST(n, 2.5)
        FROM (VALUES (5)) AS v (n)"""));
    assertThat(rows).containsExactly(Row.of(5, 1, 5L, "a", null, new BigDecimal("2.5")));
  }

  @Test
  void typeOfNamesTheArgumentsType() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT TYPEOF(n), TYPEOF(s), TYPEOF(CAST(NULL AS BIGINT)), TYPEOF(s, TRUE), TYPEOF(1.5)
        FROM (VALUES (5, 'x')) AS v (n, s)"""));
    assertThat(rows).containsExactly(Row.of("INT NOT NULL", "CHAR(1) NOT NULL", "BIGINT", "CHAR(1) NOT NULL",
        "DECIMAL(2, 1) NOT NULL"));
  }

  @Test
  void wrongCallsNameTheFunctionAndItsSignature() {
    assertThatThrownBy(() -> tEnv.executeSql("SELECT IF(1, 'a', 'b')"))
        .hasMessageContaining("IF(<BOOLEAN>, <T>, <T>)");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT IF(TRUE, 'a', 1)"))
        .hasMessageContaining("IF(<BOOLEAN>, <T>, <T>)");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT GREATEST(1, 'a')"))
        .hasMessageContaining("GREATEST(<T>, <T>, ...)");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT IFNULL(1)"))
        .hasMessageContaining("IFNULL(<T>, <T>)");
  }
}
