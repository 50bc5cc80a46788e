package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.api.internal.TableResultImpl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Interval values as query results, as in Flink: typed {@code INTERVAL SECOND(3)} and {@code INTERVAL MONTH}
 * whatever their fields, collected as {@link Duration} and {@link Period}, printed as {@code +d hh:mm:ss.fff}
 * and {@code +y-mm}. The expected values are worked out by hand from the literals.
 */
class SqlIntervalValuesE2ETest {

  private final TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

  @Test
  void literalsHaveFlinksTypesJavaClassesAndText() throws Exception {
    String query = "SELECT INTERVAL '90' MINUTE AS m, INTERVAL '1-2' YEAR TO MONTH AS ym,"
        + " INTERVAL '-1 02:03:04.5' DAY TO SECOND AS neg, INTERVAL '3' YEAR AS y";
    TableResult result = tEnv.executeSql(query);
    assertThat(result.getResolvedSchema().getColumnTypes().stream().map(t -> t.asSummaryString()).toList())
        .containsExactly("INTERVAL SECOND(3) NOT NULL", "INTERVAL MONTH NOT NULL", "INTERVAL SECOND(3) NOT NULL",
            "INTERVAL MONTH NOT NULL");
    // -(1 day 2 h 3 min 4.5 s); an INTERVAL MONTH is a Period of months only, as Flink converts it
    assertThat(rows(result)).containsExactly(Row.of(Duration.ofMinutes(90), Period.ofMonths(14),
        Duration.ofMillis(-(86_400_000L + 2 * 3_600_000L + 3 * 60_000L + 4_500L)), Period.ofMonths(36)));
    assertThat(printed(query)).contains("| +I | +0 01:30:00.000 | +1-02 | -1 02:03:04.500 | +3-00 |");
  }

  @Test
  void arithmeticOnIntervalsAndDifferencesOfDatetimes() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("SELECT INTERVAL '1' HOUR + INTERVAL '30' MINUTE, INTERVAL '1' HOUR * 3,"
        + " 2 * INTERVAL '1' DAY, INTERVAL '1' YEAR - INTERVAL '1' MONTH, -INTERVAL '1' DAY, INTERVAL '3' HOUR / 2,"
        + " (t2 - t1) SECOND, (t2 - t1) MONTH, (d2 - d1) DAY, t1 + (t2 - t1) SECOND = t2"
        + " FROM (VALUES (TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-03-02 01:30:00.250',"
        + " DATE '2024-01-01', DATE '2024-01-31')) AS t (t1, t2, d1, d2)"));
    // 2024-01-01 to 2024-03-02 is 31 + 29 + 1 = 61 days (a leap year), and two whole months
    assertThat(rows).containsExactly(Row.of(Duration.ofMinutes(90), Duration.ofHours(3), Duration.ofDays(2),
        Period.ofMonths(11), Duration.ofDays(-1), Duration.ofMinutes(90),
        Duration.ofDays(61).plusMinutes(90).plusMillis(250), Period.ofMonths(2), Duration.ofDays(30), true));
  }

  @Test
  void castsToTextBetweenIntervalsAndFromNumbers() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("SELECT CAST(INTERVAL '90' MINUTE AS STRING),"
        + " CAST(INTERVAL '-14' MONTH AS STRING), CAST(INTERVAL '3' HOUR AS INTERVAL MINUTE),"
        + " CAST(INTERVAL '14' MONTH AS INTERVAL YEAR TO MONTH), CAST(n AS INTERVAL MINUTE)"
        + " FROM (VALUES (5)) AS v (n)"));
    assertThat(rows).containsExactly(Row.of("+0 01:30:00.000", "-1-02", Duration.ofHours(3), Period.ofMonths(14),
        Duration.ofMinutes(5)));
  }

  @Test
  void intervalsGroupAndAggregate() throws Exception {
    tEnv.getConfig().set("parallelism.default", "1");
    List<Row> rows = rows(tEnv.executeSql("SELECT k, MAX(s), MIN(s), COUNT(*), MAX(INTERVAL '1' MONTH * n) FROM"
        + " (SELECT INTERVAL '1' DAY * (n % 2) AS k, INTERVAL '1' SECOND * n AS s, n"
        + " FROM (VALUES (1), (2), (3), (4), (25)) AS v (n)) GROUP BY k"));
    Row last0 = null;
    Row last1 = null;
    for (Row row : rows) {
      if (row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER) {
        if (Duration.ZERO.equals(row.getField(0))) {
          last0 = row;
        } else {
          last1 = row;
        }
      }
    }
    // even n: 2 and 4; odd n: 1, 3 and 25
    assertThat(List.of(last0.getField(1), last0.getField(2), last0.getField(3), last0.getField(4)))
        .containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(2), 2L, Period.ofMonths(4));
    assertThat(List.of(last1.getField(0), last1.getField(1), last1.getField(2), last1.getField(3), last1.getField(4)))
        .containsExactly(Duration.ofDays(1), Duration.ofSeconds(25), Duration.ofSeconds(1), 3L, Period.ofMonths(25));
  }

  @Test
  void viewsDescribeAndExplainShowTheTypes() throws Exception {
    tEnv.executeSql("CREATE VIEW spans AS SELECT INTERVAL '90' MINUTE AS m, INTERVAL '14' MONTH AS ym");
    List<Row> described = rows(tEnv.executeSql("DESCRIBE spans"));
    assertThat(described.stream().map(r -> r.getField(0) + " " + r.getField(1)).toList())
        .containsExactly("m INTERVAL SECOND(3)", "ym INTERVAL MONTH");
    assertThat(rows(tEnv.executeSql("SELECT * FROM spans")))
        .containsExactly(Row.of(Duration.ofMinutes(90), Period.ofMonths(14)));
    assertThat(tEnv.explainSql("SELECT m + INTERVAL '1' SECOND FROM spans")).contains("INTERVAL");
  }

  @Test
  void aLeadingPrecisionAboveThreeIsRefusedAsInFlink() {
    assertThatThrownBy(() -> tEnv.executeSql("SELECT INTERVAL '2' DAY(4)"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("INTERVAL DAY(4)");
  }

  private String printed(String query) {
    StringWriter out = new StringWriter();
    ((TableResultImpl) tEnv.executeSql(query)).printTo(new PrintWriter(out));
    return out.toString();
  }
}
