package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.VarCharType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code JSON_QUERY ... RETURNING ARRAY<STRING>} (and {@code STRING}) with its wrapper and ON EMPTY/ON ERROR clauses. */
class SqlJsonQueryReturningE2ETest {

  private final TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

  @Test
  void anArrayComesBackAsAnArrayOfStrings() {
    TableResult result = tEnv.executeSql("""
        SELECT JSON_QUERY(j, '$.a' RETURNING ARRAY<STRING>) AS a,
               JSON_QUERY(j, '$.a') AS text,
               JSON_QUERY(j, '$.a' RETURNING STRING) AS same
        FROM (VALUES ('{"a": [1, "x", null, {"b": true}, [2]]}')) AS v (j)""");
    assertThat(result.getResolvedSchema().getColumnTypes().get(0))
        .isEqualTo(new ArrayType(new VarCharType(VarCharType.MAX_LENGTH)));
    List<Row> rows = rows(result);
    assertThat(rows).hasSize(1);
    // A string element is its text, any other its JSON text, JSON's null is NULL.
    assertThat((Object[]) rows.get(0).getField(0)).containsExactly("1", "x", null, "{\"b\":true}", "[2]");
    assertThat(rows.get(0).getField(1)).isEqualTo("[1,\"x\",null,{\"b\":true},[2]]");
    assertThat(rows.get(0).getField(2)).isEqualTo(rows.get(0).getField(1));
  }

  @Test
  void wrappersEmptyAndErrorBehavioursApplyBeforeTheConversion() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT JSON_QUERY(j, '$.s' RETURNING ARRAY<STRING> WITH WRAPPER),
               JSON_QUERY(j, 'lax $.list[*].c' RETURNING ARRAY<STRING>),
               JSON_QUERY(j, '$.o' RETURNING ARRAY<STRING>),
               JSON_QUERY(j, '$.o' RETURNING ARRAY<STRING> EMPTY ARRAY ON ERROR),
               JSON_QUERY(j, 'lax $.missing' RETURNING ARRAY<STRING>),
               JSON_QUERY(j, 'lax $.missing' RETURNING ARRAY<STRING> EMPTY ARRAY ON EMPTY),
               JSON_QUERY(CAST(NULL AS STRING), '$' RETURNING ARRAY<STRING> EMPTY ARRAY ON EMPTY)
        FROM (VALUES ('{"s": "one", "o": {"k": 1}, "list": [{"c": "c1"}, {"c": "c2"}]}')) AS v (j)"""));
    assertThat(rows).hasSize(1);
    Row row = rows.get(0);
    assertThat((Object[]) row.getField(0)).containsExactly("one");
    assertThat((Object[]) row.getField(1)).containsExactly("c1", "c2");
    assertThat(row.getField(2)).isNull();
    assertThat((Object[]) row.getField(3)).isEmpty();
    assertThat(row.getField(4)).isNull();
    assertThat((Object[]) row.getField(5)).isEmpty();
    assertThat(row.getField(6)).isNull();
  }

  @Test
  void errorOnErrorFailsTheJobWithTheReason() {
    assertThatThrownBy(() -> rows(tEnv.executeSql(
        "SELECT JSON_QUERY('{\"o\": {\"k\": 1}}', '$.o' RETURNING ARRAY<STRING> ERROR ON ERROR)")))
        .hasStackTraceContaining("RETURNING ARRAY<STRING> needs a JSON array, not {\"k\":1}");
  }

  @Test
  void returningTypesFlinkDoesNotHaveAreRefusedWhilePlanning() {
    assertThatThrownBy(() -> tEnv.executeSql("SELECT JSON_QUERY('[1]', '$' RETURNING INT)"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("JSON_QUERY returns STRING or ARRAY<STRING>, not INTEGER");
    assertThatThrownBy(() -> tEnv.executeSql(
        "SELECT JSON_QUERY('[1]', '$' RETURNING ARRAY<STRING> EMPTY OBJECT ON EMPTY)"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cannot give EMPTY OBJECT");
  }
}
