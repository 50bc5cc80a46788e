package io.spate.table.api;

import static io.spate.table.api.TableResults.folded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.types.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * The law of grouping sets: {@code GROUP BY GROUPING SETS (s1, ..., sn)} has, for each set, the groups of a
 * plain {@code GROUP BY} of the set's columns with the other group columns NULL, and {@code GROUPING_ID} says
 * which columns the set leaves out. Checked on random rows (NULL keys among them, which must stay apart from
 * a subtotal's NULL) and random choices of sets.
 */
class SqlGroupingSetsPropertyTest {

  /** The grouping sets a bit of the mask stands for: (k1, k2), (k1), (k2), (). */
  private static final String[] SETS = {"(k1, k2)", "(k1)", "(k2)", "()"};
  private static final boolean[][] KEEPS = {{true, true}, {true, false}, {false, true}, {false, false}};

  /** A row of the input: k1 (an INT or NULL), k2 (a STRING or NULL) and v. */
  private record Input(Integer k1, String k2, int v) {

    String sql() {
      return "(" + (k1 == null ? "CAST(NULL AS INT)" : k1) + ", "
          + (k2 == null ? "CAST(NULL AS STRING)" : "CAST('" + k2 + "' AS STRING)") + ", " + v + ")";
    }
  }

  @Test
  void eachSetHasThePlainGroupByOfItsColumns() {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    qt().withFixedSeed(20261128L).withExamples(12)
        .forAll(inputs(), masks())
        .checkAssert((rows, mask) -> {
          List<String> sets = new ArrayList<>();
          for (int set = 0; set < SETS.length; set++) {
            if ((mask & (1 << set)) != 0) {
              sets.add(SETS[set]);
            }
          }
          String query = "SELECT k1, k2, COUNT(*) AS n, SUM(v) AS total, COUNT(DISTINCT v) AS kinds,"
              + " MAX(v) FILTER (WHERE v > 4) AS big, GROUPING_ID(k1, k2) AS id FROM (VALUES "
              + String.join(", ", rows.stream().map(Input::sql).toList()) + ") AS t(k1, k2, v)"
              + " GROUP BY GROUPING SETS (" + String.join(", ", sets) + ")";
          assertThat(folded(tEnv.executeSql(query))).as(query).isEqualTo(expected(rows, mask));
        });
  }

  /** Each chosen set's groups, computed directly. */
  private static Map<Row, Integer> expected(List<Input> rows, int mask) {
    Map<Row, Integer> result = new HashMap<>();
    for (int set = 0; set < SETS.length; set++) {
      if ((mask & (1 << set)) == 0) {
        continue;
      }
      boolean[] keeps = KEEPS[set];
      Map<List<Object>, List<Integer>> groups = new HashMap<>();
      for (Input row : rows) {
        groups.computeIfAbsent(Arrays.asList(keeps[0] ? row.k1() : null, keeps[1] ? row.k2() : null),
            key -> new ArrayList<>()).add(row.v());
      }
      long id = (keeps[0] ? 0 : 2) + (keeps[1] ? 0 : 1);
      groups.forEach((key, values) -> {
        int total = values.stream().mapToInt(Integer::intValue).sum();
        Integer big = values.stream().filter(v -> v > 4).max(Integer::compare).orElse(null);
        result.merge(Row.of(key.get(0), key.get(1), (long) values.size(), total, (long) new TreeSet<>(values).size(),
            big, id), 1, Integer::sum);
      });
    }
    return result;
  }

  private static Gen<List<Input>> inputs() {
    Gen<Integer> k1 = SourceDSL.integers().between(-1, 2).map(i -> i < 0 ? null : i);
    Gen<String> k2 = SourceDSL.integers().between(-1, 1).map(i -> i < 0 ? null : i == 0 ? "p" : "q");
    Gen<Input> row = k1.zip(k2, SourceDSL.integers().between(0, 9), Input::new);
    return SourceDSL.lists().of(row).ofSizeBetween(1, 12);
  }

  /** Sets whose columns together are k1 and k2 (so GROUPING_ID(k1, k2) is valid): with (k1, k2), or (k1) and (k2). */
  private static Gen<Integer> masks() {
    return SourceDSL.integers().between(1, 15).assuming(mask -> (mask & 1) != 0 || (mask & 6) == 6);
  }
}
