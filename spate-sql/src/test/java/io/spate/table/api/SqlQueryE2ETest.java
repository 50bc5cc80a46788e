package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Queries and inserts run as jobs on the embedded cluster, with results checked against a plain reading of the data. */
class SqlQueryE2ETest {

  private TableEnvironment tEnv;

  @BeforeEach
  void createEnvironment() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
  }

  @Test
  void aProjectionAndFilterOverGeneratedRowsGivesWhatTheRowsSay() throws Exception {
    tEnv.executeSql("""
        CREATE TABLE numbers (
          id BIGINT,
          label STRING,
          twice AS id * 2
        ) WITH (
          'connector' = 'datagen',
          'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '200',
          'fields.label.length' = '4',
          'rows-per-second' = '100000'
        )""");
    List<Row> rows = rows(tEnv.executeSql(
        "SELECT id, twice + 1 AS odd, UPPER(label) AS shout, CHAR_LENGTH(label) AS len FROM numbers"
            + " WHERE id % 3 = 0 AND id <> 99"));
    List<Row> expected = new ArrayList<>();
    for (long id = 1; id <= 200; id++) {
      if (id % 3 == 0 && id != 99) {
        expected.add(Row.ofKind(RowKind.INSERT, id, id * 2 + 1, null, 4));
      }
    }
    // The labels are random: compare everything else, and check each label's shape.
    assertThat(rows).hasSize(expected.size());
    assertThat(rows).allSatisfy(row -> assertThat((String) row.getField(2)).matches("[0-9A-F]{4}"));
    List<Row> withoutLabels = rows.stream().map(r -> Row.ofKind(r.getKind(), r.getField(0), r.getField(1), null,
        r.getField(3))).toList();
    assertThat(withoutLabels).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void valuesWithCasesCastsAndNullsFollowSqlsRules() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT x, x / 2 AS half, CAST(x AS DOUBLE) / 4 AS quarter,
               CASE WHEN y IS NULL THEN 'none' ELSE y || '!' END AS said,
               y LIKE 'b%' AS likeB, COALESCE(y, 'z') AS y2
        FROM (VALUES (1, 'abc'), (5, CAST(NULL AS STRING)), (8, 'bcd')) AS t (x, y)
        WHERE x > 1 OR y = 'abc'"""));
    assertThat(rows).containsExactlyInAnyOrder(
        Row.of(1, 0, 0.25, "abc!", false, "abc"),
        Row.of(5, 2, 1.25, "none", null, "z"),
        Row.of(8, 4, 2.0, "bcd!", true, "bcd"));
  }

  @Test
  void inListsBetweenNullifAndTryCastFollowSqlsRules() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT x, x IN (1, 3, 5) AS odd_small, x BETWEEN 2 AND 4 AS middle, NULLIF(x, 3) AS not_three,
               TRY_CAST(y AS INT) AS parsed
        FROM (VALUES (1, '10'), (3, 'x'), (4, CAST(NULL AS STRING))) AS t (x, y)
        WHERE x NOT IN (2, 6)"""));
    assertThat(rows).containsExactlyInAnyOrder(
        Row.of(1, true, false, 1, 10),
        Row.of(3, true, true, null, null),
        Row.of(4, false, true, 4, null));
  }

  @Test
  void anInsertWritesEveryRowIntoTheSink() throws Exception {
    tEnv.executeSql("CREATE TABLE src (n INT) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence',"
        + " 'fields.n.start' = '1', 'fields.n.end' = '50')");
    tEnv.executeSql("CREATE TABLE sink (n INT, m INT) WITH ('connector' = 'blackhole')");
    TableResult result = tEnv.executeSql("INSERT INTO sink SELECT n, n * n FROM src");
    assertThat(result.getJobClient()).isPresent();
    result.await();
    assertThat(result.getResolvedSchema().getColumnNames()).containsExactly("default_catalog.default_database.sink");
    assertThat(rows(result)).containsExactly(Row.of(-1L));
  }

  @Test
  void errorsNameWhatIsWrongAndWhere() {
    tEnv.executeSql("CREATE TABLE t (a INT, bee STRING) WITH ('connector' = 'datagen')");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT a,\n  be FROM t"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("line 2, column 3")
        .hasMessageContaining("be");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM tt"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("tt");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT a FROM t WHERE"))
        .isInstanceOf(SqlParserException.class)
        .hasMessageContaining("line 1, column");
    tEnv.executeSql("CREATE TABLE u (a INT) WITH ('connector' = 'datagen', 'rows-per-secnd' = '5')");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM u"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("'rows-per-secnd' (did you mean 'rows-per-second'?)");
    tEnv.executeSql("CREATE TABLE v (a INT) WITH ('connector' = 'datagenn')");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM v"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("'datagenn'")
        .hasMessageContaining("did you mean 'datagen'");
  }
}
