package io.spate.table.api;

import static io.spate.table.api.Expressions.$;
import static io.spate.table.api.Expressions.uuid;
import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Flink's {@code UUID()}: a random version 4 UUID for each call and row, never folded into a constant. */
class SqlUuidE2ETest {

  /** RFC 4122 text of a version 4 (random) UUID of the IETF variant, in lower case as Java writes it. */
  private static final Pattern VERSION_4 =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

  private static final String HUNDRED_ROWS =
      "(SELECT a * 10 + b AS n FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS x (a)"
          + " CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS y (b))";

  private final TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

  @ParameterizedTest(name = "generated code {0}")
  @ValueSource(booleans = {true, false})
  void everyCallOfEveryRowGivesANewVersion4Uuid(boolean codegen) throws Exception {
    tEnv.getConfig().set("table.exec.spate.codegen.enabled", Boolean.toString(codegen));
    List<Row> rows = rows(tEnv.executeSql("SELECT n, UUID() AS a, uuid() AS b FROM " + HUNDRED_ROWS));
    assertThat(rows).hasSize(100);
    Set<String> seen = new HashSet<>();
    for (Row row : rows) {
      for (int i = 1; i <= 2; i++) {
        String uuid = (String) row.getField(i);
        assertThat(uuid).matches(VERSION_4);
        seen.add(uuid);
      }
    }
    assertThat(seen).hasSize(200);
  }

  @Test
  void twoCallsInAConstantRowDifferAndTheTypeIsChar36NotNull() throws Exception {
    TableResult result = tEnv.executeSql("SELECT UUID() AS a, UUID() AS b");
    assertThat(result.getResolvedSchema().getColumnTypes().stream().map(t -> t.asSummaryString()).toList())
        .containsExactly("CHAR(36) NOT NULL", "CHAR(36) NOT NULL");
    List<Row> rows = rows(result);
    assertThat(rows).hasSize(1);
    assertThat((String) rows.get(0).getField(0)).matches(VERSION_4).isNotEqualTo(rows.get(0).getField(1));
    assertThat(tEnv.explainSql("SELECT UUID() AS a")).contains("UUID()");
  }

  @Test
  void aConditionOnUuidIsEvaluatedForEachRow() throws Exception {
    // A folded UUID() <> UUID() would be FALSE (or TRUE) for every row alike; drawn per row it is always TRUE.
    List<Row> rows = rows(tEnv.executeSql("SELECT n FROM " + HUNDRED_ROWS + " WHERE UUID() <> UUID()"));
    assertThat(rows).hasSize(100);
  }

  @Test
  void theTableApiHasUuid() throws Exception {
    Table table = tEnv.sqlQuery("SELECT n FROM " + HUNDRED_ROWS);
    List<Row> rows = rows(table.select($("n"), uuid().as("id")).execute());
    Set<Object> ids = new HashSet<>();
    for (Row row : rows) {
      assertThat((String) row.getField(1)).matches(VERSION_4);
      ids.add(row.getField(1));
    }
    assertThat(ids).hasSize(100);
  }
}
