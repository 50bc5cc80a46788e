package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code TIMESTAMPDIFF(unit, earlier, later)}: whole units from the first datetime to the second, as Flink counts. */
class SqlTimestampDiffE2ETest {

  private final TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

  @Test
  void countsWholeUnitsTowardsZero() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT TIMESTAMPDIFF(DAY, a, b), TIMESTAMPDIFF(HOUR, a, b), TIMESTAMPDIFF(SECOND, b, a),
               TIMESTAMPDIFF(MONTH, DATE '2024-01-31', DATE '2024-03-30'),
               TIMESTAMPDIFF(YEAR, DATE '2020-02-29', DATE '2024-02-28'),
               TIMESTAMPDIFF(MINUTE, a, CAST(NULL AS TIMESTAMP(3)))
        FROM (VALUES (TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-03 12:00:05')) AS v (a, b)"""));
    assertThat(rows).containsExactly(Row.of(2, 60, -216005, 1, 3, null));
  }

  @Test
  void timestampLtzValuesAreApartByTheirInstants() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT TIMESTAMPDIFF(MINUTE, TO_TIMESTAMP_LTZ(0, 3), TO_TIMESTAMP_LTZ(5400000, 3)),
               TIMESTAMPDIFF(DAY, TO_TIMESTAMP_LTZ(0, 3), TO_TIMESTAMP_LTZ(-172800000, 3))"""));
    assertThat(rows).containsExactly(Row.of(90, -2));
  }
}
