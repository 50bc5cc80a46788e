package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Intervals of different units where SQL needs one type for several values (the elements of an ARRAY, the values of
 * a MAP, the branches of CASE and COALESCE, the columns of a UNION ALL): day-time intervals of any fields share a
 * day-time interval type and year-month ones a year-month type, as in Flink; a day-time and a year-month interval
 * have no common type, and the query is refused. Expected values are the literals converted by hand.
 */
class SqlIntervalCommonTypeE2ETest {

  private TableEnvironment tEnv;

  @BeforeEach
  void session() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
  }

  @Test
  void anArrayOfDayTimeIntervalsOfDifferentUnitsHoldsThemAll() {
    TableResult result = tEnv.executeSql("SELECT ARRAY[INTERVAL '1' DAY, INTERVAL '2' HOUR, INTERVAL '90' SECOND]");
    assertThat(result.getResolvedSchema().getColumnDataTypes().get(0).toString())
        .isEqualTo("ARRAY<INTERVAL SECOND(3) NOT NULL> NOT NULL");
    List<Row> rows = rows(result);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getField(0)).isEqualTo(
        new Duration[] {Duration.ofDays(1), Duration.ofHours(2), Duration.ofSeconds(90)});
  }

  @Test
  void anArrayOfYearMonthIntervalsOfDifferentUnitsHoldsThemAll() {
    TableResult result = tEnv.executeSql("SELECT ARRAY[INTERVAL '1' YEAR, INTERVAL '2' MONTH, INTERVAL '1-06' YEAR TO MONTH]");
    assertThat(result.getResolvedSchema().getColumnDataTypes().get(0).toString())
        .isEqualTo("ARRAY<INTERVAL MONTH NOT NULL> NOT NULL");
    assertThat(rows(result).get(0).getField(0))
        .isEqualTo(new Period[] {Period.ofMonths(12), Period.ofMonths(2), Period.ofMonths(18)});
  }

  @Test
  void mapValuesCaseAndCoalesceTakeTheCommonIntervalType() {
    List<Row> rows = rows(tEnv.executeSql("SELECT MAP['d', INTERVAL '1' DAY, 'm', INTERVAL '5' MINUTE],"
        + " CASE WHEN n > 1 THEN INTERVAL '3' HOUR ELSE INTERVAL '10' SECOND END,"
        + " COALESCE(CAST(NULL AS INTERVAL MINUTE), INTERVAL '2' DAY),"
        + " CASE WHEN n > 1 THEN INTERVAL '2' YEAR ELSE INTERVAL '7' MONTH END"
        + " FROM (VALUES (1), (2)) AS t(n)"));
    assertThat(rows).containsExactly(
        Row.of(Map.of("d", Duration.ofDays(1), "m", Duration.ofMinutes(5)), Duration.ofSeconds(10),
            Duration.ofDays(2), Period.ofMonths(7)),
        Row.of(Map.of("d", Duration.ofDays(1), "m", Duration.ofMinutes(5)), Duration.ofHours(3),
            Duration.ofDays(2), Period.ofMonths(24)));
  }

  @Test
  void unionAllOfIntervalColumnsOfDifferentUnits() {
    TableResult result = tEnv.executeSql("SELECT INTERVAL '1' DAY AS d, INTERVAL '1' YEAR AS ym"
        + " UNION ALL SELECT INTERVAL '45' MINUTE, INTERVAL '3' MONTH");
    assertThat(result.getResolvedSchema().getColumnDataTypes().stream().map(Object::toString).toList())
        .containsExactly("INTERVAL SECOND(3) NOT NULL", "INTERVAL MONTH NOT NULL");
    assertThat(rows(result)).containsExactlyInAnyOrder(
        Row.of(Duration.ofDays(1), Period.ofMonths(12)), Row.of(Duration.ofMinutes(45), Period.ofMonths(3)));
  }

  @Test
  void dayTimeAndYearMonthIntervalsHaveNoCommonTypeAndTheQueryIsRefused() {
    assertThatThrownBy(() -> tEnv.executeSql("SELECT ARRAY[INTERVAL '1' DAY, INTERVAL '1' MONTH]"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Parameters must be of the same type");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT CASE WHEN n > 1 THEN INTERVAL '1' DAY"
        + " ELSE INTERVAL '1' MONTH END FROM (VALUES (1)) AS t(n)"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Illegal mixing of types in CASE or COALESCE statement");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT INTERVAL '1' DAY UNION ALL SELECT INTERVAL '1' MONTH"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Type mismatch in column 1 of UNION ALL");
  }
}
