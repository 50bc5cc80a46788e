package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Flink's {@code RAND} and {@code RAND_INTEGER}, with and without a seed, in jobs on the embedded cluster. */
class SqlRandomFunctionsE2ETest {

  private static final String HUNDRED_ROWS =
      "(SELECT a * 10 + b AS n FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS x (a)"
          + " CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS y (b))";

  private final TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

  @Test
  void randIsADoubleInTheUnitIntervalDrawnForEachRow() throws Exception {
    tEnv.getConfig().set("parallelism.default", "1");
    List<Row> rows = rows(tEnv.executeSql("SELECT RAND(), RAND_INTEGER(10) FROM " + HUNDRED_ROWS));
    assertThat(rows).hasSize(100);
    Set<Double> doubles = new HashSet<>();
    Set<Integer> integers = new HashSet<>();
    for (Row row : rows) {
      assertThat((Double) row.getField(0)).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
      assertThat((Integer) row.getField(1)).isBetween(0, 9);
      doubles.add((Double) row.getField(0));
      integers.add((Integer) row.getField(1));
    }
    // a value per row, not one folded into a constant while planning
    assertThat(doubles).hasSizeGreaterThan(90);
    assertThat(integers).hasSizeGreaterThan(5);
  }

  @Test
  void aSeedRepeatsJavasSequenceForThatSeed() throws Exception {
    tEnv.getConfig().set("parallelism.default", "1");
    List<Row> rows = rows(tEnv.executeSql(
        "SELECT n, RAND(42), RAND_INTEGER(7, 1000) FROM (VALUES (1), (2), (3), (4), (5)) AS v (n)"));
    Random doubles = new Random(42);
    Random integers = new Random(7);
    for (Row row : rows) {
      assertThat(row.getField(1)).isEqualTo(doubles.nextDouble());
      assertThat(row.getField(2)).isEqualTo(integers.nextInt(1000));
    }
  }

  @Test
  void aNullBoundGivesNullAndBadArgumentsAreNamed() throws Exception {
    assertThat(rows(tEnv.executeSql("SELECT RAND_INTEGER(CAST(NULL AS INT))"))).containsExactly(Row.of((Object) null));
    assertThatThrownBy(() -> rows(tEnv.executeSql("SELECT RAND(n) FROM (VALUES (1), (2)) AS v (n)")))
        .hasStackTraceContaining("RAND's seed must be an integer literal");
    assertThatThrownBy(() -> rows(tEnv.executeSql("SELECT RAND_INTEGER(n - 1) FROM (VALUES (1)) AS v (n)")))
        .hasStackTraceContaining("RAND_INTEGER's bound must be positive, but is 0");
  }
}
