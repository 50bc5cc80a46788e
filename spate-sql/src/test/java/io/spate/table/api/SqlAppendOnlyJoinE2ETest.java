package io.spate.table.api;

import static io.spate.table.api.TableResults.folded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.types.Row;
import io.spate.table.api.bridge.java.StreamTableEnvironment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Inner joins of two insert-only inputs (keyed by the key's value when there is one key, by a row
 * of the keys otherwise; the further condition generated or interpreted) give what a nested loop
 * over both inputs gives: NULL keys under {@code =} match nothing, under {@code IS NOT DISTINCT FROM}
 * they match each other. The same holds for the joins of changelogs.
 */
class SqlAppendOnlyJoinE2ETest {

  /** A key from a small range, so that keys repeat, or NULL. */
  private static final Gen<Integer> KEYS = integers().between(-1, 4).map(k -> k < 0 ? null : k);

  private static final Gen<List<Integer[]>> ROWS =
      lists().of(KEYS.zip(integers().between(0, 9), (k, v) -> new Integer[] {k, v})).ofSizeBetween(1, 12);

  @Test
  void aJoinOnOneKeyWithAConditionEqualsTheNestedLoop() {
    qt().withExamples(8).forAll(ROWS, ROWS).checkAssert((left, right) -> {
      String query = "SELECT l.k, l.v AS lv, r.v AS rv FROM " + values(left) + " AS l(k, v) JOIN " + values(right)
          + " AS r(k, v) ON l.k = r.k AND l.v < r.v + 2";
      Map<Row, Integer> expected = nestedLoop(left, right, (l, r) -> l[0] != null && l[0].equals(r[0])
          && l[1] < r[1] + 2);
      assertThat(run(query, true)).as(query).isEqualTo(expected);
      assertThat(run(query, false)).as("interpreted: " + query).isEqualTo(expected);
    });
  }

  @Test
  void aJoinOnTwoKeysEqualsTheNestedLoop() {
    qt().withExamples(6).forAll(ROWS, ROWS).checkAssert((left, right) -> {
      String query = "SELECT l.k, l.v AS lv, r.v AS rv FROM " + values(left) + " AS l(k, v) JOIN " + values(right)
          + " AS r(k, v) ON l.k = r.k AND MOD(l.v, 3) = MOD(r.v, 3)";
      Map<Row, Integer> expected = nestedLoop(left, right, (l, r) -> l[0] != null && l[0].equals(r[0])
          && l[1] % 3 == r[1] % 3);
      assertThat(run(query, true)).as(query).isEqualTo(expected);
    });
  }

  @Test
  void nullKeysMatchEachOtherUnderIsNotDistinctFrom() {
    List<Integer[]> left = List.of(new Integer[] {null, 1}, new Integer[] {2, 2}, new Integer[] {null, 3});
    List<Integer[]> right = List.of(new Integer[] {null, 4}, new Integer[] {2, 5}, new Integer[] {3, 6});
    String query = "SELECT l.k, l.v AS lv, r.v AS rv FROM " + values(left) + " AS l(k, v) JOIN " + values(right)
        + " AS r(k, v) ON l.k IS NOT DISTINCT FROM r.k";
    Map<Row, Integer> expected = new HashMap<>();
    expected.put(Row.of(null, 1, 4), 1);
    expected.put(Row.of(null, 3, 4), 1);
    expected.put(Row.of(2, 2, 5), 1);
    assertThat(run(query, true)).isEqualTo(expected);
    assertThat(run(query.replace("IS NOT DISTINCT FROM", "=")))
        .isEqualTo(Map.of(Row.of(2, 2, 5), 1));
  }

  /**
   * A string key, and a condition with a call the generated code hands to the interpreter (which
   * then reads the joined row) beside fields of both sides.
   */
  @Test
  void aStringKeyAndAConditionPartlyInterpretedMatchTheHandWorkedJoin() {
    String query = """
        SELECT l.name, r.city
        FROM (VALUES ('ann', 'x'), ('bob', 'y'), (CAST(NULL AS STRING), 'z')) AS l(name, tag)
        JOIN (VALUES ('ann', 'X', 'Oslo'), ('ann', 'q', 'Rome'), ('bob', 'Y', 'Pisa'), ('bob', 'Y', 'Bonn'),
                     (CAST(NULL AS STRING), 'Z', 'Nice')) AS r(name, tag, city)
        ON l.name = r.name AND UPPER(l.tag) = r.tag AND r.city <> 'Bonn'""";
    Map<Row, Integer> expected = Map.of(Row.of("ann", "Oslo"), 1, Row.of("bob", "Pisa"), 1);
    assertThat(run(query, true)).isEqualTo(expected);
    assertThat(run(query, false)).isEqualTo(expected);
  }

  /**
   * The join of changelogs (an input from a GROUP BY) too: a NULL key under {@code =} matches nothing,
   * an outer side's row with one goes out padded.
   */
  @Test
  void aJoinOfAnUpdatingInputMatchesNoNullKeyAndPadsAnOuterSidesOnes() {
    String counts = "(SELECT k, COUNT(*) AS c FROM (VALUES (1), (CAST(NULL AS INT)), (1)) AS t(k) GROUP BY k)";
    String others = "(VALUES (1, 'x'), (CAST(NULL AS INT), 'y'))";
    assertThat(run("SELECT l.k, l.c, r.w FROM " + counts + " AS l JOIN " + others + " AS r(k, w) ON l.k = r.k"))
        .isEqualTo(Map.of(Row.of(1, 2L, "x"), 1));
    Map<Row, Integer> left = new HashMap<>();
    left.put(Row.of(1, 2L, "x"), 1);
    left.put(Row.of(null, 1L, null), 1);
    assertThat(run("SELECT l.k, l.c, r.w FROM " + counts + " AS l LEFT JOIN " + others + " AS r(k, w) ON l.k = r.k"))
        .isEqualTo(left);
    Map<Row, Integer> full = new HashMap<>(left);
    full.put(Row.of(null, null, "y"), 1);
    assertThat(run("SELECT l.k, l.c, r.w FROM " + counts + " AS l FULL JOIN " + others + " AS r(k, w) ON l.k = r.k"))
        .isEqualTo(full);
    Map<Row, Integer> nullSafe = new HashMap<>();
    nullSafe.put(Row.of(1, 2L, "x"), 1);
    nullSafe.put(Row.of(null, 1L, "y"), 1);
    assertThat(run("SELECT l.k, l.c, r.w FROM " + counts + " AS l JOIN " + others
        + " AS r(k, w) ON l.k IS NOT DISTINCT FROM r.k")).isEqualTo(nullSafe);
  }

  private static Map<Row, Integer> run(String query) {
    return run(query, true);
  }

  private static Map<Row, Integer> run(String query, boolean codegen) {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    tEnv.getConfig().set("table.exec.spate.codegen.enabled", String.valueOf(codegen));
    try {
      return folded(tEnv.executeSql(query));
    } catch (Exception e) {
      throw new AssertionError("The query failed: " + query, e);
    }
  }

  /**
   * A join stores only the columns that its condition and the projection above it read: here the
   * left side's middle column and the right side's third are read by neither, so the join's
   * condition refers to the kept columns by their new positions, and the results are those of the
   * full rows (worked by hand: the pairs of equal k whose b differs from c).
   */
  @Test
  void aJoinKeepsOnlyTheColumnsItsConditionAndItsReadersRead() {
    String left = "(VALUES (1, 10, 'x'), (1, 20, 'p'), (2, 30, 'z')) AS l(k, a, b)";
    String right = "(VALUES (1, 'p', 100, 'E1'), (1, 'x', 200, 'E2'), (2, 'q', 300, 'E3'), (3, 's', 400, 'E4'))"
        + " AS r(k, c, d, e)";
    String query = "SELECT r.e, l.b FROM " + left + " JOIN " + right + " ON l.k = r.k AND l.b <> r.c";
    assertThat(run(query)).isEqualTo(Map.of(Row.of("E1", "x"), 1, Row.of("E2", "p"), 1, Row.of("E3", "z"), 1));
    assertThat(run("SELECT l.k, MAX(r.d) FROM " + left + " JOIN " + right + " ON l.k = r.k GROUP BY l.k"))
        .isEqualTo(Map.of(Row.of(1, 200), 1, Row.of(2, 300), 1));

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StreamTableEnvironment streams = StreamTableEnvironment.create(env);
    streams.toDataStream(streams.sqlQuery(query)).print();
    // (k, b) of the left side and (k, c, e) of the right: without the narrowing, AND(=($0, $3), <>($2, $4))
    assertThat(env.getExecutionPlan()).contains("where=[AND(=($0, $2), <>($1, $3))]");
  }

  private static String values(List<Integer[]> rows) {
    List<String> tuples = new ArrayList<>();
    for (Integer[] row : rows) {
      tuples.add("(" + (row[0] == null ? "CAST(NULL AS INT)" : row[0].toString()) + ", " + row[1] + ")");
    }
    return "(VALUES " + String.join(", ", tuples) + ")";
  }

  private static Map<Row, Integer> nestedLoop(List<Integer[]> left, List<Integer[]> right,
      BiPredicate<Integer[], Integer[]> joins) {
    Map<Row, Integer> expected = new HashMap<>();
    for (Integer[] l : left) {
      for (Integer[] r : right) {
        if (joins.test(l, r)) {
          expected.merge(Row.of(l[0], l[1], r[1]), 1, Integer::sum);
        }
      }
    }
    return expected;
  }
}
