package io.spate.table.api;

import static io.spate.table.api.TableResults.folded;
import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LISTAGG, ARRAY_AGG, COLLECT, FIRST_VALUE and LAST_VALUE in GROUP BY (over insert-only and updating
 * inputs, where they take values back), in window aggregates and in OVER windows; misuse fails clearly.
 */
class SqlCollectingAggregatesE2ETest {

  private TableEnvironment tEnv;

  @BeforeEach
  void createEnvironment() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    // One subtask per operator, so that each group's rows come in the order of the VALUES.
    tEnv.getConfig().set("parallelism.default", "1");
  }

  @Test
  void groupByCollectsEachGroupsValuesWithFlinksNullRulesAndTypes() {
    TableResult result = tEnv.executeSql("""
        SELECT k, LISTAGG(s) AS l, LISTAGG(s, '|') AS l2, ARRAY_AGG(v) AS a, ARRAY_AGG(v IGNORE NULLS) AS a2,
               COLLECT(v) AS c, FIRST_VALUE(v) AS f, LAST_VALUE(v) AS z
        FROM (VALUES ('a', 'x', 1), ('b', 'y', 2), ('a', CAST(NULL AS STRING), CAST(NULL AS INT)), ('a', 'z', 3))
          AS t (k, s, v)
        GROUP BY k""");
    assertThat(result.getResolvedSchema().getColumnTypes().stream().map(t -> t.asSummaryString()).toList())
        .containsExactly("CHAR(1) NOT NULL", "STRING", "STRING", "ARRAY<INT>", "ARRAY<INT>", "MULTISET<INT> NOT NULL",
            "INT", "INT");
    assertThat(folded(result)).containsExactlyInAnyOrderEntriesOf(Map.of(
        Row.of("a", "x,z", "x|z", new Integer[] {1, null, 3}, new Integer[] {1, 3}, Map.of(1, 1, 3, 1), 1, 3), 1,
        Row.of("b", "y", "y", new Integer[] {2}, new Integer[] {2}, Map.of(2, 1), 2, 2), 1));
  }

  @Test
  void overAnUpdatingInputTheyTakeValuesBackInTheirChangelog() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT total, LISTAGG(k) AS l, FIRST_VALUE(k) AS f, LAST_VALUE(k) AS z, ARRAY_AGG(k) AS a, COLLECT(k) AS c
        FROM (SELECT k, SUM(v) AS total FROM (VALUES ('a', 1), ('b', 1), ('a', 1), ('c', 1)) AS t (k, v) GROUP BY k)
        GROUP BY total"""));
    assertThat(rows).containsExactly(
        Row.ofKind(RowKind.INSERT, 1, "a", "a", "a", new String[] {"a"}, Map.of("a", 1)),
        Row.ofKind(RowKind.UPDATE_BEFORE, 1, "a", "a", "a", new String[] {"a"}, Map.of("a", 1)),
        Row.ofKind(RowKind.UPDATE_AFTER, 1, "a,b", "a", "b", new String[] {"a", "b"}, Map.of("a", 1, "b", 1)),
        Row.ofKind(RowKind.UPDATE_BEFORE, 1, "a,b", "a", "b", new String[] {"a", "b"}, Map.of("a", 1, "b", 1)),
        Row.ofKind(RowKind.UPDATE_AFTER, 1, "b", "b", "b", new String[] {"b"}, Map.of("b", 1)),
        Row.ofKind(RowKind.INSERT, 2, "a", "a", "a", new String[] {"a"}, Map.of("a", 1)),
        Row.ofKind(RowKind.UPDATE_BEFORE, 1, "b", "b", "b", new String[] {"b"}, Map.of("b", 1)),
        Row.ofKind(RowKind.UPDATE_AFTER, 1, "b,c", "b", "c", new String[] {"b", "c"}, Map.of("b", 1, "c", 1)));
  }

  @Test
  void aGroupWhoseValuesAreAllTakenBackIsDeleted() {
    Map<Row, Integer> rows = folded(tEnv.executeSql("""
        SELECT total, LISTAGG(k), LAST_VALUE(k)
        FROM (SELECT k, SUM(v) AS total FROM (VALUES ('a', 1), ('a', 1), ('b', 2)) AS t (k, v) GROUP BY k)
        GROUP BY total"""));
    assertThat(rows).containsExactlyInAnyOrderEntriesOf(Map.of(Row.of(2, "a,b", "b"), 1));
  }

  @Test
  void windowAggregatesCollectEachWindowsValuesAcrossSharedSlices() {
    // Rows (a, 1), (a, 4), (b, 7), (a, 10), (a, 13), each at v seconds past 2024-01-01 00:00.
    tEnv.executeSql("""
        CREATE TABLE events (
          n INT,
          k AS CASE WHEN n = 2 THEN 'b' ELSE 'a' END,
          v AS n * 3 + 1,
          ts AS CAST(TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1' SECOND * (n * 3 + 1) AS TIMESTAMP(3)),
          WATERMARK FOR ts AS ts
        ) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0', 'fields.n.end' = '4')""");
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT CAST(window_start AS STRING) AS ws, k, LISTAGG(CAST(v AS STRING)) AS l, FIRST_VALUE(v) AS f,
               LAST_VALUE(v) AS z, ARRAY_AGG(v) AS a, COLLECT(v) AS c
        FROM TABLE(HOP(TABLE events, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
        GROUP BY window_start, window_end, k"""));
    assertThat(rows).containsExactlyInAnyOrder(
        Row.of("2023-12-31 23:59:55.000", "a", "1,4", 1, 4, new Integer[] {1, 4}, Map.of(1, 1, 4, 1)),
        Row.of("2024-01-01 00:00:00.000", "a", "1,4", 1, 4, new Integer[] {1, 4}, Map.of(1, 1, 4, 1)),
        Row.of("2024-01-01 00:00:00.000", "b", "7", 7, 7, new Integer[] {7}, Map.of(7, 1)),
        Row.of("2024-01-01 00:00:05.000", "a", "10,13", 10, 13, new Integer[] {10, 13}, Map.of(10, 1, 13, 1)),
        Row.of("2024-01-01 00:00:05.000", "b", "7", 7, 7, new Integer[] {7}, Map.of(7, 1)),
        Row.of("2024-01-01 00:00:10.000", "a", "10,13", 10, 13, new Integer[] {10, 13}, Map.of(10, 1, 13, 1)));
  }

  @Test
  void overWindowsKeepTheValuesOfTheirFrame() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT v, LISTAGG(CAST(v AS STRING), '-') OVER w AS l, FIRST_VALUE(v) OVER w AS f, LAST_VALUE(v) OVER w AS z
        FROM (SELECT k, v, PROCTIME() AS pt FROM (VALUES ('a', 1), ('a', 2), ('a', 3), ('a', 4)) AS t (k, v))
        WINDOW w AS (PARTITION BY k ORDER BY pt ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)"""));
    assertThat(rows).containsExactly(Row.of(1, "1", 1, 1), Row.of(2, "1-2", 1, 2), Row.of(3, "2-3", 2, 3),
        Row.of(4, "3-4", 3, 4));
  }

  @Test
  void theTableApiHasTheAggregatesUnderFlinksNames() {
    tEnv.executeSql("CREATE TEMPORARY VIEW orders AS SELECT * FROM (VALUES (1, 'north', 'x'), (2, 'south', 'y'),"
        + " (3, 'north', 'z')) AS o(id, shop, item)");
    Table summary = tEnv.from("orders").groupBy(Expressions.$("shop")).select(Expressions.$("shop"),
        Expressions.$("item").listAgg().as("l"), Expressions.$("item").listAgg(";").as("l2"),
        Expressions.$("id").arrayAgg().as("a"), Expressions.$("id").collect().as("c"),
        Expressions.$("id").firstValue().as("f"), Expressions.$("id").lastValue().as("z"));
    assertThat(folded(summary.execute())).containsExactlyInAnyOrderEntriesOf(Map.of(
        Row.of("north", "x,z", "x;z", new Integer[] {1, 3}, Map.of(1, 1, 3, 1), 1, 3), 1,
        Row.of("south", "y", "y", new Integer[] {2}, Map.of(2, 1), 2, 2), 1));
  }

  @Test
  void listAggWithASeparatorThatIsNotALiteralFailsNamingIt() {
    assertThatThrownBy(() -> tEnv.executeSql(
        "SELECT LISTAGG(s, sep) FROM (VALUES ('x', ';')) AS t (s, sep)"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("LISTAGG's separator must be a string literal, not 'sep' (at line 1, column 19)");
  }
}
