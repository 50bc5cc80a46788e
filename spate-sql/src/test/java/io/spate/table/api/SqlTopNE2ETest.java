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
 * Top-N with {@code ROW_NUMBER()}: the exact changelog of a small input, derived by hand, with and
 * without the rank in the result, over inserts and over a {@code GROUP BY}'s changelog, and the
 * rank filters Flink recognises.
 */
class SqlTopNE2ETest {

  private TableEnvironment tEnv;

  @BeforeEach
  void createView() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    // One subtask: the rows reach the Top-N in the order of the VALUES, so the changelog is exact.
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.executeSql("""
        CREATE VIEW items AS SELECT * FROM (VALUES
          ('a', 'x1', 10), ('a', 'x2', 30), ('a', 'x3', 20), ('a', 'x4', 40), ('b', 'y1', 5), ('a', 'x5', 15))
        AS t (category, item, price)""");
  }

  private static Row row(RowKind kind, Object... fields) {
    return Row.ofKind(kind, fields);
  }

  @Test
  void withTheRankSelectedEveryRankWhoseRowChangedIsUpdated() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT category, item, price, rn FROM (
          SELECT *, ROW_NUMBER() OVER (PARTITION BY category ORDER BY price DESC) AS rn FROM items)
        WHERE rn <= 2"""));
    assertThat(rows).containsExactly(
        row(RowKind.INSERT, "a", "x1", 10, 1L),
        // x2 takes rank 1 and pushes x1 to rank 2, which was empty
        row(RowKind.UPDATE_BEFORE, "a", "x1", 10, 1L),
        row(RowKind.UPDATE_AFTER, "a", "x2", 30, 1L),
        row(RowKind.INSERT, "a", "x1", 10, 2L),
        // x3 takes rank 2; x1 leaves the top 2
        row(RowKind.UPDATE_BEFORE, "a", "x1", 10, 2L),
        row(RowKind.UPDATE_AFTER, "a", "x3", 20, 2L),
        // x4 takes rank 1, x2 moves to rank 2, x3 leaves
        row(RowKind.UPDATE_BEFORE, "a", "x2", 30, 1L),
        row(RowKind.UPDATE_AFTER, "a", "x4", 40, 1L),
        row(RowKind.UPDATE_BEFORE, "a", "x3", 20, 2L),
        row(RowKind.UPDATE_AFTER, "a", "x2", 30, 2L),
        row(RowKind.INSERT, "b", "y1", 5, 1L));
    // x5 (15) does not enter the top 2 of a and changes nothing.
  }

  @Test
  void withoutTheRankOnlyRowsThatEnterOrLeaveChange() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT item, price FROM (
          SELECT *, ROW_NUMBER() OVER (PARTITION BY category ORDER BY price DESC) AS rn FROM items)
        WHERE rn <= 2"""));
    assertThat(rows).containsExactly(
        row(RowKind.INSERT, "x1", 10),
        row(RowKind.INSERT, "x2", 30),
        row(RowKind.DELETE, "x1", 10),
        row(RowKind.INSERT, "x3", 20),
        row(RowKind.DELETE, "x3", 20),
        row(RowKind.INSERT, "x4", 40),
        row(RowKind.INSERT, "y1", 5));
  }

  @Test
  void rankFiltersLessThanEqualsAndBetween() {
    Map<Row, Integer> lessThan = folded(tEnv.executeSql("""
        SELECT category, item FROM (
          SELECT *, ROW_NUMBER() OVER (PARTITION BY category ORDER BY price ASC) AS rn FROM items)
        WHERE rn < 3"""));
    assertThat(lessThan).isEqualTo(Map.of(Row.of("a", "x1"), 1, Row.of("a", "x5"), 1, Row.of("b", "y1"), 1));
    Map<Row, Integer> first = folded(tEnv.executeSql("""
        SELECT item, price, rn FROM (
          SELECT *, ROW_NUMBER() OVER (ORDER BY price DESC) AS rn FROM items)
        WHERE rn = 1"""));
    assertThat(first).isEqualTo(Map.of(Row.of("x4", 40, 1L), 1));
    Map<Row, Integer> between = folded(tEnv.executeSql("""
        SELECT item, rn FROM (
          SELECT *, ROW_NUMBER() OVER (PARTITION BY category ORDER BY price DESC) AS rn FROM items)
        WHERE rn BETWEEN 2 AND 3 AND price > 12"""));
    // a's order at the end: x4 40, x2 30, x3 20, x5 15, x1 10.
    assertThat(between).isEqualTo(Map.of(Row.of("x2", 2L), 1, Row.of("x3", 3L), 1));
  }

  @Test
  void theRowsBetweenTheShownRanksMoveInAndOut() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT item FROM (
          SELECT *, ROW_NUMBER() OVER (PARTITION BY category ORDER BY price DESC) AS rn FROM items)
        WHERE rn BETWEEN 2 AND 3"""));
    // Ranks 2 and 3 of a: [] -> [x1] -> [x1] + x3 between -> x4 pushes x2 in, x1 out -> x5 changes nothing.
    assertThat(rows).containsExactly(
        row(RowKind.INSERT, "x1"),
        row(RowKind.INSERT, "x3"),
        row(RowKind.DELETE, "x1"),
        row(RowKind.INSERT, "x2"));
  }

  @Test
  void aTopNOverAGroupByRetractsAsTheTotalsChange() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT category, total, rn FROM (
          SELECT *, ROW_NUMBER() OVER (ORDER BY total DESC) AS rn FROM
            (SELECT category, SUM(price) AS total FROM items GROUP BY category))
        WHERE rn <= 2"""));
    // The GROUP BY's changelog: +I(a,10), -U(a,10) +U(a,40), -U(a,40) +U(a,60), -U(a,60) +U(a,100), +I(b,5),
    // -U(a,100) +U(a,115). Each change of a's total takes a out of rank 1 and puts it back.
    assertThat(rows).containsExactly(
        row(RowKind.INSERT, "a", 10, 1L),
        row(RowKind.DELETE, "a", 10, 1L),
        row(RowKind.INSERT, "a", 40, 1L),
        row(RowKind.DELETE, "a", 40, 1L),
        row(RowKind.INSERT, "a", 60, 1L),
        row(RowKind.DELETE, "a", 60, 1L),
        row(RowKind.INSERT, "a", 100, 1L),
        row(RowKind.INSERT, "b", 5, 2L),
        // a's 100 is taken back: b rises to rank 1 and rank 2 is empty
        row(RowKind.UPDATE_BEFORE, "a", 100, 1L),
        row(RowKind.UPDATE_AFTER, "b", 5, 1L),
        row(RowKind.DELETE, "b", 5, 2L),
        // a's 115 arrives: it takes rank 1 and b goes back to rank 2
        row(RowKind.UPDATE_BEFORE, "b", 5, 1L),
        row(RowKind.UPDATE_AFTER, "a", 115, 1L),
        row(RowKind.INSERT, "b", 5, 2L));
  }

  @Test
  void aTopNOverAGroupByWithoutTheRankEndsWithTheTopRows() {
    Map<Row, Integer> top = folded(tEnv.executeSql("""
        SELECT category, total FROM (
          SELECT *, ROW_NUMBER() OVER (ORDER BY total ASC) AS rn FROM
            (SELECT category, SUM(price) AS total FROM items GROUP BY category))
        WHERE rn = 1"""));
    assertThat(top).isEqualTo(Map.of(Row.of("b", 5), 1));
  }


  @Test
  void rankAndDenseRankShareTiesAsFlinkDoes() {
    tEnv.executeSql("""
        CREATE VIEW tied AS SELECT * FROM (VALUES
          ('p', 10), ('q', 20), ('r', 20), ('s', 30), ('t', 5))
        AS t (item, price)""");
    // In price order: s 30, q 20, r 20, p 10, t 5. RANK: 1, 2, 2, 4, 5; DENSE_RANK: 1, 2, 2, 3, 4.
    Map<Row, Integer> rank = folded(tEnv.executeSql("""
        SELECT item, rk FROM (SELECT *, RANK() OVER (ORDER BY price DESC) AS rk FROM tied) WHERE rk <= 3"""));
    assertThat(rank).isEqualTo(Map.of(Row.of("s", 1L), 1, Row.of("q", 2L), 1, Row.of("r", 2L), 1));
    Map<Row, Integer> dense = folded(tEnv.executeSql("""
        SELECT item, rk FROM (SELECT *, DENSE_RANK() OVER (ORDER BY price DESC) AS rk FROM tied) WHERE rk <= 3"""));
    assertThat(dense).isEqualTo(Map.of(Row.of("s", 1L), 1, Row.of("q", 2L), 1, Row.of("r", 2L), 1,
        Row.of("p", 3L), 1));
    Map<Row, Integer> withoutRank = folded(tEnv.executeSql("""
        SELECT item FROM (SELECT *, RANK() OVER (ORDER BY price ASC) AS rk FROM tied) WHERE rk <= 2"""));
    assertThat(withoutRank).isEqualTo(Map.of(Row.of("t"), 1, Row.of("p"), 1));
  }

  @Test
  void aRowNumberWithoutARankFilterIsAnOverAggregateWhichMustBeOrderedByTime() {
    // As in Flink: without a filter on it, ROW_NUMBER() is an OVER aggregate, ordered by a time attribute only.
    assertThatThrownBy(() -> tEnv.executeSql(
        "SELECT item, ROW_NUMBER() OVER (PARTITION BY category ORDER BY price DESC) AS rn FROM items"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("OVER windows' ordering in stream mode must be defined on a time attribute")
        .hasMessageContaining("A ROW_NUMBER() in another order runs only as a Top-N or deduplication");
  }
}
