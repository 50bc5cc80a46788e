package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flink's built-in collection functions (issue 30), run in jobs on the embedded cluster. */
class SqlCollectionBuiltInFunctionsE2ETest {

  private final TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

  @Test
  void arrayFunctions() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT ARRAY_CONTAINS(ARRAY[1, 2, 3], 2), ARRAY_CONTAINS(ARRAY[1, 2, 3], n), ARRAY_CONTAINS(ARRAY[1, NULL], n),
               ARRAY_DISTINCT(ARRAY[3, 1, 3, 2, 1]), CARDINALITY(ARRAY['a', 'b']), CARDINALITY(MAP['a', 1, 'b', 2])
        FROM (VALUES (CAST(NULL AS INT))) AS v (n)"""));
    assertThat(rows).hasSize(1);
    Row row = rows.get(0);
    assertThat(row.getField(0)).isEqualTo(true);
    assertThat(row.getField(1)).isEqualTo(false);
    assertThat(row.getField(2)).isEqualTo(true);
    assertThat((Object[]) row.getField(3)).containsExactly(3, 1, 2);
    assertThat(row.getField(4)).isEqualTo(2);
    assertThat(row.getField(5)).isEqualTo(2);
  }

  @Test
  void mapConstructorAndElementAccess() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT MAP['a', 1, 'b', n], MAP['a', 1, 'b', n]['b'], MAP['a', 1]['z']
        FROM (VALUES (2)) AS v (n)"""));
    assertThat(rows).containsExactly(Row.of(Map.of("a", 1, "b", 2), 2, null));
  }
}
