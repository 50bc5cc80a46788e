package io.spate.table.api;

import static io.spate.table.api.TableResults.folded;
import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CROSS JOIN UNNEST} and {@code LEFT JOIN UNNEST ... ON TRUE} over arrays of scalars, arrays
 * of rows, maps and multisets, over insert-only and updating inputs; misuse fails naming the cause.
 */
class SqlUnnestE2ETest {

  private TableEnvironment tEnv;

  @BeforeEach
  void createEnvironment() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.executeSql("""
        CREATE TEMPORARY VIEW orders AS
        SELECT * FROM (VALUES
            (1, CAST(ARRAY['shirt', 'hat'] AS ARRAY<STRING>)),
            (2, JSON_QUERY('[]', '$' RETURNING ARRAY<STRING>)),
            (3, CAST(NULL AS ARRAY<STRING>))) AS t (id, products)""");
  }

  @Test
  void crossJoinUnnestGivesOneRowPerArrayElementInOrder() {
    TableResult result = tEnv.executeSql(
        "SELECT id, product FROM orders CROSS JOIN UNNEST(products) AS p (product)");
    assertThat(result.getResolvedSchema().getColumnNames()).containsExactly("id", "product");
    assertThat(rows(result)).containsExactly(Row.of(1, "shirt"), Row.of(1, "hat"));
  }

  @Test
  void leftJoinUnnestKeepsRowsWithoutElements() {
    List<Row> rows = rows(tEnv.executeSql(
        "SELECT id, product FROM orders LEFT JOIN UNNEST(products) AS p (product) ON TRUE"));
    // The orders may arrive in any order; one order's elements come in the array's order.
    assertThat(rows).containsExactlyInAnyOrder(Row.of(1, "shirt"), Row.of(1, "hat"), Row.of(2, null), Row.of(3, null));
    assertThat(rows.indexOf(Row.of(1, "shirt"))).isLessThan(rows.indexOf(Row.of(1, "hat")));
  }

  @Test
  void unnestingAMapGivesItsKeysAndValues(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("tags.json"), """
        {"id": 1, "tags": {"size": "L"}}
        {"id": 2, "tags": {"size": "M", "color": "red"}}
        {"id": 3, "tags": null}
        """);
    tEnv.executeSql("CREATE TABLE tagged (id INT, tags MAP<STRING, STRING>) WITH ('connector' = 'filesystem',"
        + " 'path' = '" + dir.resolve("tags.json") + "', 'format' = 'json')");
    assertThat(rows(tEnv.executeSql("SELECT id, k, v FROM tagged CROSS JOIN UNNEST(tags) AS t (k, v)")))
        .containsExactlyInAnyOrder(Row.of(1, "size", "L"), Row.of(2, "size", "M"), Row.of(2, "color", "red"));
  }

  @Test
  void unnestingAnArrayOfRowsGivesTheRowsFieldsAsColumns() {
    assertThat(rows(tEnv.executeSql("""
        SELECT id, name, qty
        FROM (VALUES (7, ARRAY[ROW('pen', 2), ROW('ink', 5)])) AS o (id, items)
        CROSS JOIN UNNEST(items) AS i (name, qty)""")))
        .containsExactly(Row.of(7, "pen", 2), Row.of(7, "ink", 5));
  }

  @Test
  void unnestingAMultisetRepeatsEachElementAsOftenAsItOccurs() {
    assertThat(folded(tEnv.executeSql("""
        SELECT k, x
        FROM (SELECT k, COLLECT(v) AS vs FROM (VALUES ('a', 1), ('a', 1), ('a', 2)) AS t (k, v) GROUP BY k)
        CROSS JOIN UNNEST(vs) AS u (x)""")))
        .containsExactlyInAnyOrderEntriesOf(Map.of(Row.of("a", 1), 2, Row.of("a", 2), 1));
  }

  @Test
  void anUpdatingInputsChangesPassToTheElementsRows() {
    String query = """
        SELECT k, x
        FROM (SELECT k, ARRAY_AGG(v) AS vs FROM (VALUES ('a', 1), ('a', 2)) AS t (k, v) GROUP BY k)
        CROSS JOIN UNNEST(vs) AS u (x)""";
    assertThat(rows(tEnv.executeSql(query))).containsExactly(
        Row.ofKind(RowKind.INSERT, "a", 1),
        Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1),
        Row.ofKind(RowKind.UPDATE_AFTER, "a", 1),
        Row.ofKind(RowKind.UPDATE_AFTER, "a", 2));
    assertThat(tEnv.explainSql(query, ExplainDetail.CHANGELOG_MODE))
        .containsPattern("LogicalCorrelate\\(correlation=\\[\\$cor\\d\\], joinType=\\[inner\\], requiredColumns=\\[\\{1\\}\\],"
            + " changelogMode=\\[I,UB,UA\\]\\)");
    assertThat(tEnv.explainSql("SELECT id, product FROM orders CROSS JOIN UNNEST(products) AS p (product)",
        ExplainDetail.CHANGELOG_MODE))
        .containsPattern("LogicalCorrelate\\(correlation=\\[\\$cor\\d\\], joinType=\\[inner\\], requiredColumns=\\[\\{1\\}\\],"
            + " changelogMode=\\[I\\]\\)");
  }

  @Test
  void aWhereOnTheElementsKeepsOnlyTheMatchingElementsRows() {
    tEnv.executeSql("""
        CREATE TEMPORARY VIEW baskets AS
        SELECT * FROM (VALUES (1, ARRAY['apple', 'pear']), (2, ARRAY['fig', 'lime', 'plum'])) AS t (id, items)""");
    // The optimizer moves the WHERE on the element below the join, onto the unnested rows.
    assertThat(rows(tEnv.executeSql("""
        SELECT b.id, e.item, UPPER(e.item) AS shout
        FROM baskets AS b CROSS JOIN UNNEST(b.items) AS e (item)
        WHERE e.item <> 'lime' AND CHAR_LENGTH(e.item) > 3""")))
        .containsExactlyInAnyOrder(Row.of(1, "apple", "APPLE"), Row.of(1, "pear", "PEAR"), Row.of(2, "plum", "PLUM"));
    assertThat(rows(tEnv.executeSql("""
        SELECT b.id, e.item FROM baskets AS b CROSS JOIN UNNEST(b.items) AS e (item)
        WHERE e.item LIKE 'p%' AND b.id > 1""")))
        .containsExactly(Row.of(2, "plum"));
  }

  @Test
  void aWhereOnTheElementsOfALeftJoinFiltersTheRowsAfterTheyArePadded() {
    // Order 2's array is empty and order 3's is NULL: LEFT JOIN gives each one row with a NULL product,
    // and a WHERE above the join sees those rows as they are, so it must not run on the elements first.
    String leftJoin = "SELECT id, product FROM orders LEFT JOIN UNNEST(products) AS p (product) ON TRUE WHERE ";
    assertThat(rows(tEnv.executeSql(leftJoin + "product IS NULL")))
        .containsExactlyInAnyOrder(Row.of(2, null), Row.of(3, null));
    assertThat(rows(tEnv.executeSql(leftJoin + "product <> 'hat'"))).containsExactly(Row.of(1, "shirt"));
    assertThat(rows(tEnv.executeSql(leftJoin + "product IS NULL OR product = 'hat'")))
        .containsExactlyInAnyOrder(Row.of(1, "hat"), Row.of(2, null), Row.of(3, null));
    assertThat(rows(tEnv.executeSql(leftJoin + "COALESCE(product, 'none') = 'none' AND id > 2")))
        .containsExactly(Row.of(3, null));
  }

  @Test
  void unnestingSomethingThatIsNotACollectionFailsNamingTheColumnAndItsType() {
    assertThatThrownBy(() -> tEnv.executeSql("SELECT id, x FROM orders CROSS JOIN UNNEST(id) AS u (x)"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("UNNEST takes an ARRAY, a MAP or a MULTISET, but orders.id is of type INT NOT NULL"
            + " (at line 1, column 44)");
  }

  @Test
  void withOrdinalityIsRefusedAsFlink119Does() {
    assertThatThrownBy(() -> tEnv.executeSql(
        "SELECT id, product, n FROM orders CROSS JOIN UNNEST(products) WITH ORDINALITY AS p (product, n)"))
        .isInstanceOf(TableException.class)
        .hasMessageContaining("WITH ORDINALITY is not supported");
  }
}
