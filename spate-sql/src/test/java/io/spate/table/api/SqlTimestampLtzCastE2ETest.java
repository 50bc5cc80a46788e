package io.spate.table.api;

import static io.spate.table.api.Expressions.$;
import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.TimestampType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code CAST} to and from {@code TIMESTAMP_LTZ(p)}, in SQL and the Table API, in the session's time zone. */
class SqlTimestampLtzCastE2ETest {

  private final TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

  @Test
  void aTimestampBecomesTheInstantItsLocalTimeHasInTheSessionZone() {
    String query = """
        SELECT CAST(ts AS TIMESTAMP_LTZ(3)), CAST(s AS TIMESTAMP_LTZ(3)), CAST(d AS TIMESTAMP_LTZ(0))
        FROM (VALUES (TIMESTAMP '2024-01-01 09:00:00', '2024-01-01 09:00:00', DATE '2024-01-01')) AS v (ts, s, d)""";
    tEnv.getConfig().set("table.local-time-zone", "Asia/Tokyo");
    List<Row> tokyo = rows(tEnv.executeSql(query));
    tEnv.getConfig().set("table.local-time-zone", "UTC");
    List<Row> utc = rows(tEnv.executeSql(query));

    assertThat(tokyo).containsExactly(Row.of(Instant.parse("2024-01-01T00:00:00Z"),
        Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2023-12-31T15:00:00Z")));
    assertThat(utc).containsExactly(Row.of(Instant.parse("2024-01-01T09:00:00Z"),
        Instant.parse("2024-01-01T09:00:00Z"), Instant.parse("2024-01-01T00:00:00Z")));
  }

  @Test
  void anInstantShowsItsLocalTimeInTheSessionZone() {
    tEnv.getConfig().set("table.local-time-zone", "America/New_York");
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT CAST(l AS TIMESTAMP(3)), CAST(l AS STRING), CAST(l AS DATE), CAST(l AS TIME(0)),
               CAST(l AS TIMESTAMP_LTZ(0)), CAST(l AS TIMESTAMP_LTZ)
        FROM (VALUES (TO_TIMESTAMP_LTZ(1704070800123, 3))) AS v (l)"""));
    // 1704070800123 ms is 2024-01-01T01:00:00.123Z, 20:00 of New Year's Eve in New York.
    assertThat(rows).containsExactly(Row.of(LocalDateTime.of(2023, 12, 31, 20, 0, 0, 123_000_000),
        "2023-12-31 20:00:00.123", LocalDate.of(2023, 12, 31), LocalTime.of(20, 0),
        Instant.parse("2024-01-01T01:00:00Z"), Instant.parse("2024-01-01T01:00:00.123Z")));
  }

  @Test
  void numbersAreEpochSecondsBothWays() {
    tEnv.getConfig().set("table.local-time-zone", "Asia/Kolkata");
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT CAST(n AS TIMESTAMP_LTZ(3)), CAST(CAST(n AS TIMESTAMP_LTZ(3)) AS BIGINT),
               CAST(TO_TIMESTAMP_LTZ(1500, 3) AS BIGINT), CAST(TO_TIMESTAMP_LTZ(1500, 3) AS DOUBLE),
               CAST(2.5 AS TIMESTAMP_LTZ(3))
        FROM (VALUES (CAST(1700000000 AS BIGINT))) AS v (n)"""));
    assertThat(rows).containsExactly(Row.of(Instant.ofEpochSecond(1_700_000_000L), 1_700_000_000L, 1L, 1.5,
        Instant.ofEpochMilli(2_500)));
  }

  @Test
  void theResultTypeCarriesThePrecision() {
    TableResult result = tEnv.executeSql("""
        SELECT CAST(CAST(s AS TIMESTAMP(6)) AS TIMESTAMP_LTZ(3)) AS l3,
               CAST(CAST(s AS TIMESTAMP(6)) AS TIMESTAMP_LTZ) AS l6,
               TRY_CAST(s || 'x' AS TIMESTAMP_LTZ(3)) AS bad
        FROM (VALUES ('2024-01-01 00:00:00.123456')) AS v (s)""");
    assertThat(result.getResolvedSchema().getColumnTypes()).extracting(t -> ((LocalZonedTimestampType) t).getPrecision())
        .containsExactly(3, 6, 3);
    List<Row> rows = rows(result);
    assertThat(((Instant) rows.get(0).getField(0)).getNano()).isEqualTo(123_000_000);
    assertThat(((Instant) rows.get(0).getField(1)).getNano()).isEqualTo(123_456_000);
    assertThat(rows.get(0).getField(2)).isNull();
  }

  @Test
  void theTableApiCastsToAndFromTimestampLtz() {
    tEnv.getConfig().set("table.local-time-zone", "Asia/Tokyo");
    Table table = tEnv.fromValues(Row.of(LocalDateTime.of(2024, 1, 1, 9, 0))).as("ts")
        .select($("ts").cast(DataTypes.TIMESTAMP_LTZ(3)).as("l"))
        .select($("l"), $("l").cast(DataTypes.TIMESTAMP(3)).as("back"), $("l").cast(DataTypes.BIGINT()).as("s"));

    assertThat(table.getResolvedSchema().getColumnTypes().get(0)).isEqualTo(new LocalZonedTimestampType(false, 3));
    assertThat(table.getResolvedSchema().getColumnTypes().get(1)).isInstanceOf(TimestampType.class);
    assertThat(rows(table.execute())).containsExactly(Row.of(Instant.parse("2024-01-01T00:00:00Z"),
        LocalDateTime.of(2024, 1, 1, 9, 0), 1_704_067_200L));
  }

  @Test
  void aComputedColumnOrViewMayCastToTimestampLtz() {
    tEnv.getConfig().set("table.local-time-zone", "UTC");
    tEnv.executeSql("""
        CREATE TEMPORARY VIEW events AS
        SELECT CAST(s AS TIMESTAMP_LTZ(3)) AS happened FROM (VALUES ('2024-05-06 07:08:09.5')) AS v (s)""");
    assertThat(rows(tEnv.executeSql("SELECT happened, CAST(happened AS STRING) FROM events")))
        .containsExactly(Row.of(Instant.parse("2024-05-06T07:08:09.500Z"), "2024-05-06 07:08:09.500"));
  }

  @Test
  void aBadTimestampLtzTypeIsNamedWithItsPlace() {
    assertThatThrownBy(() -> tEnv.executeSql("SELECT\n  CAST(x AS TIMESTAMP_LTZ(10)) FROM (VALUES (1)) AS v (x)"))
        .isInstanceOf(SqlParserException.class)
        .hasMessageContaining("line 2, column 13")
        .hasMessageContaining("precision must be between 0 and 9");
  }
}
