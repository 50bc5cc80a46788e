package io.spate.table.api;

import static io.spate.table.api.TableResults.folded;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GROUP BY produces a changelog: folding it (inserts and update-afters add a row, update-befores and
 * deletes take one back, which must be there) gives the aggregates a plain reading of the input gives.
 */
class SqlGroupAggregateE2ETest {

  private static final int ROWS = 1000;

  private TableEnvironment tEnv;

  @BeforeEach
  void createTable() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    tEnv.executeSql("CREATE TABLE clicks (id BIGINT, user_id AS id % 5, amount AS CAST(id % 7 AS INT),"
        + " price AS CAST(id AS DECIMAL(10, 2)) / 4) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence',"
        + " 'fields.id.start' = '1', 'fields.id.end' = '" + ROWS + "', 'rows-per-second' = '1000000')");
  }

  @Test
  void aggregatesPerKeyEqualAPlainReadingOfTheInput() throws Exception {
    Map<Row, Integer> result = folded(tEnv.executeSql("""
        SELECT user_id, COUNT(*) AS c, SUM(amount) AS s, MIN(amount) AS lo, MAX(amount) AS hi,
               AVG(amount) AS mean, COUNT(DISTINCT amount) AS kinds, SUM(price) AS total,
               COUNT(*) FILTER (WHERE amount > 3) AS big
        FROM clicks GROUP BY user_id"""));
    Map<Long, List<Long>> byUser = new TreeMap<>();
    for (long id = 1; id <= ROWS; id++) {
      byUser.computeIfAbsent(id % 5, k -> new ArrayList<>()).add(id);
    }
    Map<Row, Integer> expected = new HashMap<>();
    byUser.forEach((user, ids) -> {
      List<Integer> amounts = ids.stream().map(id -> (int) (id % 7)).toList();
      int sum = amounts.stream().mapToInt(Integer::intValue).sum();
      BigDecimal total = ids.stream().map(id -> BigDecimal.valueOf(id).divide(BigDecimal.valueOf(4)))
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      expected.merge(Row.of(user, (long) ids.size(), sum, amounts.stream().min(Integer::compare).orElseThrow(),
          amounts.stream().max(Integer::compare).orElseThrow(), sum / ids.size(),
          (long) new HashSet<>(amounts).size(), total, amounts.stream().filter(a -> a > 3).count()), 1, Integer::sum);
    });
    assertThat(normalised(result)).isEqualTo(normalised(expected));
  }

  @Test
  void anAggregateOverAnAggregateTakesBackWhatChanged() throws Exception {
    // How many users have each click count: every change of a user's count moves the user between groups.
    Map<Row, Integer> result = folded(tEnv.executeSql("""
        SELECT c, COUNT(*) AS users, MAX(user_id) AS last_user
        FROM (SELECT user_id, COUNT(*) AS c FROM clicks GROUP BY user_id)
        GROUP BY c HAVING COUNT(*) > 0"""));
    // user_id is an INT: MOD's type is that of its second operand, as in Flink.
    assertThat(result).isEqualTo(Map.of(Row.of((long) ROWS / 5, 5L, 4), 1));
  }

  @Test
  void aGlobalAggregateHasOneRow() throws Exception {
    Map<Row, Integer> result = folded(tEnv.executeSql("SELECT COUNT(*), SUM(id), MIN(id) FROM clicks WHERE id > 10"));
    long sum = 0;
    for (long id = 11; id <= ROWS; id++) {
      sum += id;
    }
    assertThat(result).isEqualTo(Map.of(Row.of((long) ROWS - 10, sum, 11L), 1));
  }

  /** Rows as text, so that 1.00 and 1.0 compare by value through their printed form at the result's scale. */
  private static Set<String> normalised(Map<Row, Integer> rows) {
    Set<String> out = new HashSet<>();
    rows.forEach((row, count) -> {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < row.getArity(); i++) {
        Object field = row.getField(i);
        text.append(field instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(field))
            .append('|');
      }
      out.add(text + "x" + count);
    });
    return out;
  }
}
