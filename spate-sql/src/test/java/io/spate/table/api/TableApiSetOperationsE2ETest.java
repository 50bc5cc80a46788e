package io.spate.table.api;

import static io.spate.table.api.Expressions.$;
import static io.spate.table.api.Expressions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.types.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code union}, {@code intersect[All]} and {@code minus[All]} give what multiset arithmetic on Java
 * collections gives, as changelogs in streaming mode and as final rows in batch mode.
 */
class TableApiSetOperationsE2ETest {

  private static final DataType ROW_TYPE = DataTypes.ROW(DataTypes.FIELD("x", DataTypes.INT()));

  private static TableEnvironment environment(EnvironmentSettings settings) {
    TableEnvironment tEnv = TableEnvironment.create(settings);
    tEnv.getConfig().set("parallelism.default", "2");
    return tEnv;
  }

  /** Every operation of {@code left} and {@code right} in one table: (operation name, x). */
  private static Table allOperations(TableEnvironment tEnv, List<Integer> left, List<Integer> right) {
    Table l = tEnv.fromValues(ROW_TYPE, left.stream().map(x -> (Object) Row.of(x)).toList());
    Table r = tEnv.fromValues(ROW_TYPE, right.stream().map(x -> (Object) Row.of(x)).toList());
    return l.union(r).select(lit("union").as("op"), $("x"))
        .unionAll(l.intersect(r).select(lit("intersect").as("op"), $("x")))
        .unionAll(l.intersectAll(r).select(lit("intersectAll").as("op"), $("x")))
        .unionAll(l.minus(r).select(lit("minus").as("op"), $("x")))
        .unionAll(l.minusAll(r).select(lit("minusAll").as("op"), $("x")));
  }

  /** The model: each operation computed on Java collections, as (op, x) rows with their counts. */
  private static Map<Row, Integer> model(List<Integer> left, List<Integer> right) {
    Map<Integer, Integer> l = counts(left);
    Map<Integer, Integer> r = counts(right);
    Map<Row, Integer> expected = new HashMap<>();
    java.util.Set<Integer> all = new java.util.HashSet<>(l.keySet());
    all.addAll(r.keySet());
    for (int x : all) {
      int inLeft = l.getOrDefault(x, 0);
      int inRight = r.getOrDefault(x, 0);
      put(expected, "union", x, 1);
      put(expected, "intersect", x, inLeft > 0 && inRight > 0 ? 1 : 0);
      put(expected, "intersectAll", x, Math.min(inLeft, inRight));
      put(expected, "minus", x, inLeft > 0 && inRight == 0 ? 1 : 0);
      put(expected, "minusAll", x, Math.max(0, inLeft - inRight));
    }
    return expected;
  }

  private static Map<Integer, Integer> counts(List<Integer> values) {
    Map<Integer, Integer> counts = new HashMap<>();
    values.forEach(v -> counts.merge(v, 1, Integer::sum));
    return counts;
  }

  private static void put(Map<Row, Integer> rows, String op, int x, int count) {
    if (count > 0) {
      rows.put(Row.of(op, x), count);
    }
  }

  private static Map<Row, Integer> multiset(List<Row> rows) {
    Map<Row, Integer> counts = new HashMap<>();
    for (Row row : rows) {
      counts.merge(row, 1, Integer::sum);
    }
    return counts;
  }

  @Test
  void setOperationsEqualMultisetArithmeticInStreamingMode() {
    TableEnvironment tEnv = environment(EnvironmentSettings.inStreamingMode());
    qt().withExamples(8).withShrinkCycles(20)
        .forAll(lists().of(integers().between(0, 3)).ofSizeBetween(0, 6),
            lists().of(integers().between(0, 3)).ofSizeBetween(1, 6))
        .checkAssert((left, right) -> assertThat(TableResults.folded(allOperations(tEnv, left, right).execute()))
            .isEqualTo(model(left, right)));
  }

  @Test
  void setOperationsGiveFinalRowsInBatchMode() {
    TableEnvironment tEnv = environment(EnvironmentSettings.inBatchMode());
    qt().withExamples(4).withShrinkCycles(20)
        .forAll(lists().of(integers().between(0, 3)).ofSizeBetween(1, 6),
            lists().of(integers().between(0, 3)).ofSizeBetween(1, 6))
        .checkAssert((left, right) -> {
          List<Row> rows = TableResults.rows(allOperations(tEnv, left, right).execute());
          assertThat(rows).extracting(Row::getKind).containsOnly(RowKind.INSERT);
          assertThat(multiset(rows)).isEqualTo(model(left, right));
        });
  }

  @Test
  void minusOverAnInsertOnlyInputTakesBackRowsTheRightSideGets() {
    TableEnvironment tEnv = environment(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    Table left = tEnv.fromValues(1, 2, 3);
    Table right = tEnv.fromValues(2);
    List<Row> changes = TableResults.rows(left.minus(right).execute());
    assertThat(TableResults.folded(left.minus(right).execute())).isEqualTo(Map.of(Row.of(1), 1, Row.of(3), 1));
    assertThat(changes).allSatisfy(row -> assertThat(row.getKind()).isIn(RowKind.INSERT, RowKind.DELETE));
    assertThat(left.minus(right).explain(ExplainDetail.CHANGELOG_MODE)).contains("changelogMode=[I,D]");
    assertThat(left.union(right).explain(ExplainDetail.CHANGELOG_MODE)).contains("LogicalUnion(all=[false])")
        .doesNotContain("changelogMode=[I,D]");
  }

  @Test
  void setOperationsFollowAnUpdatingInput() {
    TableEnvironment tEnv = environment(EnvironmentSettings.inStreamingMode());
    // Per key the count of rows: a changelog whose final rows are (a, 2), (b, 1).
    Table counts = tEnv.fromValues(Row.of("a"), Row.of("a"), Row.of("b")).as("k")
        .groupBy($("k")).select($("k"), $("k").count().as("n"));
    Table expected = tEnv.fromValues(Row.of("a", 2L), Row.of("c", 5L)).as("k", "n");
    assertThat(TableResults.folded(counts.intersect(expected).execute())).isEqualTo(Map.of(Row.of("a", 2L), 1));
    assertThat(TableResults.folded(counts.minus(expected).execute())).isEqualTo(Map.of(Row.of("b", 1L), 1));
    assertThat(TableResults.folded(counts.union(expected).execute()))
        .isEqualTo(Map.of(Row.of("a", 2L), 1, Row.of("b", 1L), 1, Row.of("c", 5L), 1));
  }

  @Test
  void sqlSetOperationsRunToo() {
    TableEnvironment tEnv = environment(EnvironmentSettings.inStreamingMode());
    assertThat(TableResults.folded(tEnv.executeSql(
        "SELECT x FROM (VALUES (1), (1), (2)) AS l(x) EXCEPT ALL SELECT x FROM (VALUES (1), (3)) AS r(x)")))
        .isEqualTo(Map.of(Row.of(1), 1, Row.of(2), 1));
    assertThat(TableResults.folded(tEnv.executeSql(
        "SELECT x FROM (VALUES (1), (2)) AS l(x) UNION SELECT x FROM (VALUES (2), (3)) AS r(x)")))
        .isEqualTo(Map.of(Row.of(1), 1, Row.of(2), 1, Row.of(3), 1));
  }

  @Test
  void tablesOfDifferentColumnCountsAreRefused() {
    TableEnvironment tEnv = environment(EnvironmentSettings.inStreamingMode());
    Table one = tEnv.fromValues(1, 2);
    Table two = tEnv.fromValues(Row.of(1, "a"));
    assertThatThrownBy(() -> one.intersectAll(two)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("intersectAll: the tables must have the same number of columns, but this one has 1 [f0]"
            + " and the other 2 [f0, f1]");
  }

  @Test
  void addOrReplaceColumnsReplacesByNameAndAddsTheRest() {
    TableEnvironment tEnv = environment(EnvironmentSettings.inStreamingMode());
    Table table = tEnv.fromValues(Row.of(1, "a"), Row.of(2, "b")).as("id", "name")
        .addOrReplaceColumns($("id").times(10).as("id"), $("name").upperCase().as("upper"));
    assertThat(table.getResolvedSchema().getColumnNames()).containsExactly("id", "name", "upper");
    assertThat(TableResults.rows(table.execute()))
        .containsExactlyInAnyOrder(Row.of(10, "a", "A"), Row.of(20, "b", "B"));
    assertThatThrownBy(() -> table.addOrReplaceColumns($("id").plus(1)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("addOrReplaceColumns needs a name");
  }
}
