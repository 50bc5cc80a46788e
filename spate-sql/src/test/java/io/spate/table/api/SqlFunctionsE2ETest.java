package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flink's built-in functions that Calcite lacks, run in jobs on the embedded cluster. */
class SqlFunctionsE2ETest {

  private final TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

  @Test
  void flinksStringAndTimeFunctionsGiveFlinksResults() throws Exception {
    tEnv.getConfig().set("table.local-time-zone", "UTC");
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT DATE_FORMAT(TIMESTAMP '2024-03-05 10:20:30', 'yyyy-MM-dd HH:mm'),
               DATE_FORMAT(t, f),
               TO_TIMESTAMP('2024-03-05 10:20:30'),
               TO_TIMESTAMP('05/03/2024', 'dd/MM/yyyy HH'),
               REGEXP_EXTRACT('foothebar', 'foo(.*?)(bar)', 2),
               REGEXP_EXTRACT('foothebar', 'x(y)'),
               REGEXP_REPLACE('a1b22', '[0-9]+', '#'),
               SPLIT_INDEX('a,b,c', ',', 1),
               SPLIT_INDEX('a,b,c', ',', 3),
               CONCAT('a', 'b', 'c'),
               CONCAT_WS('-', 'a', CAST(NULL AS STRING), 'c'),
               FROM_UNIXTIME(86400),
               UNIX_TIMESTAMP('1970-01-02 00:00:00')
        FROM (VALUES (TIMESTAMP '2024-12-31 23:59:00', 'HH:mm')) AS v (t, f)"""));
    assertThat(rows).containsExactly(Row.of("2024-03-05 10:20", "23:59", LocalDateTime.of(2024, 3, 5, 10, 20, 30),
        null, "bar", null, "a#b#", "b", null, "abc", "a-c", "1970-01-02 00:00:00", 86400L));
  }

  @Test
  void standardStringMathAndTimeFunctionsGiveSqlsResults() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT SUBSTRING(s, 2, 3), SUBSTRING(s FROM 4), TRIM('  ab  '), TRIM(LEADING 'x' FROM 'xxaxx'),
               POSITION('c' IN s), REPLACE('aXbX', 'X', '-'), INITCAP('hello wORLD'), UPPER(s), LOWER('AbC'),
               CHAR_LENGTH(s), ABS(n), MOD(7, 3), POWER(2, 10), SQRT(16), EXP(0), LN(1), LOG10(1000),
               CAST(FLOOR(2.7) AS INT), CAST(CEIL(2.1) AS INT), CAST(ROUND(2.567, 2) * 100 AS INT),
               EXTRACT(YEAR FROM t), EXTRACT(HOUR FROM t), FLOOR(t TO HOUR), CEIL(t TO DAY)
        FROM (VALUES ('abcdef', -5, TIMESTAMP '2024-03-05 10:20:30')) AS v (s, n, t)"""));
    assertThat(rows).containsExactly(Row.of("bcd", "def", "ab", "axx", 3, "a-b-", "Hello World", "ABCDEF", "abc",
        6, 5, 1, 1024.0, 4.0, 1.0, 0.0, 3.0, 2, 3, 257, 2024L, 10L, LocalDateTime.of(2024, 3, 5, 10, 0),
        LocalDateTime.of(2024, 3, 6, 0, 0)));
  }

  @Test
  void signGivesMinusOneZeroOrOneInTheArgumentsType() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT SIGN(i), SIGN(d), SIGN(f)
        FROM (VALUES (-7, CAST(-2.50 AS DECIMAL(4, 2)), CAST(-0.5 AS DOUBLE)),
                     (0, CAST(0 AS DECIMAL(4, 2)), CAST(0 AS DOUBLE)),
                     (16, CAST(9.99 AS DECIMAL(4, 2)), CAST(3 AS DOUBLE))) AS v (i, d, f)"""));
    assertThat(rows).containsExactlyInAnyOrder(
        Row.of(-1, new java.math.BigDecimal("-1.00"), -1.0),
        Row.of(0, new java.math.BigDecimal("0.00"), 0.0),
        Row.of(1, new java.math.BigDecimal("1.00"), 1.0));
  }

  @Test
  void aBadConstantPatternFailsThePlanning() {
    assertThatThrownBy(() -> tEnv.executeSql("SELECT DATE_FORMAT(TIMESTAMP '2024-03-05 10:20:30', 'yyyy-MM-dd bb')"))
        .hasMessageContaining("'yyyy-MM-dd bb' is not a date-time pattern");
  }

  @Test
  void toTimestampLtzTakesEpochSecondsOrMillisecondsAsFlinkDoes() throws Exception {
    tEnv.getConfig().set("table.local-time-zone", "Asia/Tokyo");
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT TO_TIMESTAMP_LTZ(s, 0), TO_TIMESTAMP_LTZ(ms, 3), TO_TIMESTAMP_LTZ(1.5, 0),
               CAST(TO_TIMESTAMP_LTZ(ms, 3) AS TIMESTAMP(3)), TO_TIMESTAMP_LTZ(CAST(NULL AS BIGINT), 3)
        FROM (VALUES (86400, CAST(1700000000123 AS BIGINT))) AS v (s, ms)"""));
    // The instants do not depend on the session's zone; a TIMESTAMP made of one shows its local time.
    assertThat(rows).containsExactly(Row.of(java.time.Instant.ofEpochSecond(86400),
        java.time.Instant.ofEpochMilli(1_700_000_000_123L), java.time.Instant.ofEpochMilli(1_500),
        LocalDateTime.of(2023, 11, 15, 7, 13, 20, 123_000_000), null));
    assertThatThrownBy(() -> tEnv.executeSql("SELECT TO_TIMESTAMP_LTZ(1, 6)"))
        .hasMessageContaining("precision 0 (epoch seconds) or 3");
  }
}
