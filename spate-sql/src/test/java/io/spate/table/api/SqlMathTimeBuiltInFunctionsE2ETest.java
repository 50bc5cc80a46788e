package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flink's built-in math and time functions that issue 30 adds, run in jobs on the embedded cluster. */
class SqlMathTimeBuiltInFunctionsE2ETest {

  private final TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

  @Test
  void logarithmsInAnyBase() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT LOG(2, 8), LOG(10, x), LOG(EXP(1)), LOG2(x), LOG10(x), LN(1), LOG(2, CAST(NULL AS DOUBLE))
        FROM (VALUES (1024)) AS v (x)"""));
    Row row = rows.get(0);
    assertThat((Double) row.getField(0)).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat((Double) row.getField(1)).isCloseTo(Math.log10(1024), org.assertj.core.data.Offset.offset(1e-12));
    assertThat((Double) row.getField(2)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(row.getField(3)).isEqualTo(10.0);
    assertThat(row.getField(5)).isEqualTo(0.0);
    assertThat(row.getField(6)).isNull();
  }

  @Test
  void truncateCutsTowardsZero() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("SELECT TRUNCATE(42.345, 2), TRUNCATE(-42.345, 1), TRUNCATE(42, -1),"
        + " TRUNCATE(CAST(2.9 AS DOUBLE))"));
    // Flink's result types: DECIMAL(5, 2) and DECIMAL(4, 1) for the DECIMAL(5, 3) literals (SqlTruncateE2ETest).
    assertThat(((BigDecimal) rows.get(0).getField(0)).compareTo(new BigDecimal("42.34"))).isZero();
    assertThat(((BigDecimal) rows.get(0).getField(1)).compareTo(new BigDecimal("-42.3"))).isZero();
    assertThat(rows.get(0).getField(2)).isEqualTo(40);
    assertThat(rows.get(0).getField(3)).isEqualTo(2.0);
  }

  @Test
  void roundOfADecimalHasTheDigitsItKeepsPlusOneForTheCarry() throws Exception {
    TableResult result = tEnv.executeSql("""
        SELECT ROUND(d, 1), ROUND(d, 0), ROUND(d), ROUND(d, 3), ROUND(d, 5), ROUND(d, -1), ROUND(e, 0), ROUND(n, -1),
               ROUND(CAST(NULL AS DECIMAL(6, 3)), 1)
        FROM (VALUES (CAST(-1.25 AS DECIMAL(6, 3)), CAST(99.5 AS DECIMAL(3, 1)), 15),
                     (CAST(9.999 AS DECIMAL(6, 3)), CAST(-0.4 AS DECIMAL(3, 1)), -14)) AS v (d, e, n)""");
    assertThat(result.getResolvedSchema().getColumnTypes()).extracting(t -> t.asSummaryString())
        .containsExactly("DECIMAL(5, 1) NOT NULL", "DECIMAL(4, 0) NOT NULL", "DECIMAL(4, 0) NOT NULL",
            "DECIMAL(6, 3) NOT NULL", "DECIMAL(6, 3) NOT NULL", "DECIMAL(4, 0) NOT NULL", "DECIMAL(3, 0) NOT NULL",
            "INT NOT NULL", "DECIMAL(5, 1)");
    // Half up, away from zero; 99.5 carries into a third integer digit, which DECIMAL(3, 0) has room for.
    assertThat(rows(result)).containsExactlyInAnyOrder(
        Row.of(new BigDecimal("-1.3"), new BigDecimal("-1"), new BigDecimal("-1"), new BigDecimal("-1.250"),
            new BigDecimal("-1.250"), new BigDecimal("0"), new BigDecimal("100"), 20, null),
        Row.of(new BigDecimal("10.0"), new BigDecimal("10"), new BigDecimal("10"), new BigDecimal("9.999"),
            new BigDecimal("9.999"), new BigDecimal("10"), new BigDecimal("0"), -10, null));
  }

  @Test
  void toDateParsesWithTheDefaultOrAGivenPattern() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT TO_DATE('2024-03-05'), TO_DATE('05/03/2024', 'dd/MM/yyyy'), TO_DATE('not a date'),
               TO_DATE(CAST(NULL AS STRING))"""));
    assertThat(rows).containsExactly(Row.of(LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 5), null, null));
  }

  @Test
  void convertTzMovesALocalTimeBetweenZones() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT CONVERT_TZ('1970-01-01 00:00:00', 'UTC', 'America/Los_Angeles'),
               CONVERT_TZ('2024-07-01 12:00:00', 'Europe/Berlin', 'Asia/Tokyo'),
               CONVERT_TZ('bad', 'UTC', 'UTC')"""));
    assertThat(rows).containsExactly(Row.of("1969-12-31 16:00:00", "2024-07-01 19:00:00", null));
    assertThatThrownBy(() -> rows(tEnv.executeSql("SELECT CONVERT_TZ(s, 'Mars/Base', 'UTC')"
        + " FROM (VALUES ('2024-01-01 00:00:00')) AS v (s)")))
        .hasStackTraceContaining("'Mars/Base' is not a time zone");
  }

  @Test
  void nowAndRowTimestampsAreTodaysInstantsAndUnixTimestampIsNowInSeconds() throws Exception {
    tEnv.getConfig().set("table.local-time-zone", "UTC");
    Instant before = Instant.now().minusSeconds(1);
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT NOW(), CURRENT_ROW_TIMESTAMP(), UNIX_TIMESTAMP(), CURRENT_TIME, UNIX_TIMESTAMP('1970-01-01 00:01:00')
        FROM (VALUES (1), (2), (3)) AS v (n)"""));
    Instant after = Instant.now().plusSeconds(1);
    assertThat(rows).hasSize(3);
    for (Row row : rows) {
      assertThat((Instant) row.getField(0)).isBetween(before, after);
      assertThat((Instant) row.getField(1)).isBetween(before, after);
      assertThat((Long) row.getField(2)).isBetween(before.getEpochSecond(), after.getEpochSecond());
      assertThat(row.getField(3)).isInstanceOf(LocalTime.class);
      assertThat(((LocalTime) row.getField(3)).getNano()).isZero();
      assertThat(row.getField(4)).isEqualTo(60L);
    }
  }

  @Test
  void rowTimestampsAreEvaluatedForEachRecord() throws Exception {
    // Per record, as in Flink's streaming mode: a row that comes later never has an earlier time. One subtask
    // evaluates them all: rows of two subtasks reach collect() in no order of their evaluation.
    tEnv.getConfig().set("parallelism.default", "1");
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT CURRENT_ROW_TIMESTAMP(), NOW() FROM (VALUES (1), (2), (3), (4)) AS v (n)"""));
    for (int i = 1; i < rows.size(); i++) {
      assertThat((Instant) rows.get(i).getField(0)).isAfterOrEqualTo((Instant) rows.get(i - 1).getField(0));
    }
    String plan = tEnv.explainSql("SELECT CURRENT_ROW_TIMESTAMP(), NOW() FROM (VALUES (1)) AS v (n)");
    assertThat(plan).contains("CURRENT_ROW_TIMESTAMP()").contains("NOW()");
  }
}
