package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interval types as columns of tables and inside rows, arrays and maps, as in Flink: declared in DDL, in
 * {@code DataTypes} and {@code Schema}, held by the csv and json formats as numbers (milliseconds of a day-time
 * interval, months of a year-month one), and collected as {@link Duration} and {@link Period} at any depth.
 * Expected values are worked out by hand from the literals and the numbers in the files.
 */
class SqlIntervalColumnsE2ETest {

  @TempDir
  Path directory;

  private TableEnvironment tEnv;

  @BeforeEach
  void session() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
  }

  @Test
  void aTableDeclaresIntervalColumnsAndDescribeShowsTheirTypes() {
    tEnv.executeSql("CREATE TABLE spans (id INT, d INTERVAL DAY TO SECOND(3), p INTERVAL YEAR TO MONTH,"
        + " h INTERVAL HOUR NOT NULL, s INTERVAL SECOND(0), m INTERVAL MONTH) WITH ('connector' = 'blackhole')");
    List<Row> described = rows(tEnv.executeSql("DESCRIBE spans"));
    assertThat(described.stream().map(r -> r.getField(0) + " " + r.getField(1) + " " + r.getField(2)).toList())
        .containsExactly("id INT true", "d INTERVAL DAY(2) TO SECOND(3) true", "p INTERVAL YEAR(2) TO MONTH true",
            "h INTERVAL HOUR false", "s INTERVAL SECOND(0) true", "m INTERVAL MONTH true");
  }

  @Test
  void aMalformedIntervalTypeNamesTheColumnAndWhatWasExpected() {
    assertThatThrownBy(() -> tEnv.executeSql("CREATE TABLE bad (d INTERVAL HOUR TO DAY) WITH ("
        + "'connector' = 'blackhole')"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("column 'd'")
        .hasMessageContaining("An interval cannot run from HOUR to DAY");
  }

  @Test
  void csvColumnsHoldMillisecondsAndMonthsAndComputeLikeIntervalValues() throws Exception {
    Path file = directory.resolve("spans.csv");
    // 5400000 ms = 90 minutes, 14 months = 1 year 2 months; -86400000 ms = minus one day
    Files.writeString(file, "1,5400000,14\n2,-86400000,-3\n3,,\n", StandardCharsets.UTF_8);
    tEnv.executeSql("CREATE TABLE spans (id INT, d INTERVAL DAY TO SECOND(3), p INTERVAL YEAR TO MONTH) WITH ("
        + "'connector' = 'filesystem', 'path' = '" + file + "', 'format' = 'csv')");
    assertThat(rows(tEnv.executeSql("SELECT id, d, p, d + INTERVAL '30' MINUTE, p * 2,"
        + " TIMESTAMP '2024-01-31 00:00:00' + d, DATE '2024-01-31' + p, d > INTERVAL '1' HOUR FROM spans")))
        .containsExactly(
            Row.of(1, Duration.ofMinutes(90), Period.ofMonths(14), Duration.ofMinutes(120), Period.ofMonths(28),
                java.time.LocalDateTime.of(2024, 1, 31, 1, 30), java.time.LocalDate.of(2025, 3, 31), true),
            Row.of(2, Duration.ofDays(-1), Period.ofMonths(-3), Duration.ofHours(-23).minusMinutes(30),
                Period.ofMonths(-6), java.time.LocalDateTime.of(2024, 1, 30, 0, 0), java.time.LocalDate.of(2023, 10, 31),
                false),
            Row.of(3, null, null, null, null, null, null, null));
  }

  @Test
  void csvAndJsonSinksWriteIntervalsAsNumbersThatReadBackAsTheSameValues() throws Exception {
    for (String format : List.of("csv", "json")) {
      Path path = directory.resolve(format);
      tEnv.executeSql("CREATE TABLE out_" + format + " (id INT, d INTERVAL DAY TO SECOND(3),"
          + " p INTERVAL YEAR TO MONTH) WITH ('connector' = 'filesystem', 'path' = '" + path + "', 'format' = '"
          + format + "')");
      tEnv.executeSql("INSERT INTO out_" + format + " VALUES (1, INTERVAL '1 02:03:04.005' DAY TO SECOND,"
          + " INTERVAL '2-03' YEAR TO MONTH), (2, -INTERVAL '90' SECOND, CAST(NULL AS INTERVAL MONTH))").await();
      // 1 day 2 h 3 min 4.005 s = 86400000 + 7200000 + 180000 + 4005 ms; 2 years 3 months = 27 months
      String expected = format.equals("csv") ? "1,93784005,27\n2,-90000,\n"
          : "{\"id\":1,\"d\":93784005,\"p\":27}\n{\"id\":2,\"d\":-90000,\"p\":null}\n";
      // The rows of a VALUES may arrive in any order.
      assertThat(Files.readString(onlyFileIn(path)).lines()).containsExactlyInAnyOrderElementsOf(
          expected.lines().toList());
      assertThat(rows(tEnv.executeSql("SELECT * FROM out_" + format))).containsExactlyInAnyOrder(
          Row.of(1, Duration.ofMillis(93_784_005L), Period.ofMonths(27)),
          Row.of(2, Duration.ofSeconds(-90), null));
    }
  }

  @Test
  void jsonReadsIntervalsNestedInRowsArraysAndMaps() throws Exception {
    Path file = directory.resolve("nested.json");
    Files.writeString(file, "{\"r\": {\"d\": 1000, \"n\": 1}, \"a\": [60000, null], \"m\": {\"x\": 12}}\n",
        StandardCharsets.UTF_8);
    tEnv.executeSql("CREATE TABLE nested (r ROW<d INTERVAL SECOND(3), n INT>, a ARRAY<INTERVAL MINUTE>,"
        + " m MAP<STRING, INTERVAL YEAR TO MONTH>) WITH ('connector' = 'filesystem', 'path' = '" + file
        + "', 'format' = 'json')");
    List<Row> rows = rows(tEnv.executeSql("SELECT r, a, m FROM nested"));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getField(0)).isEqualTo(Row.of(Duration.ofSeconds(1), 1));
    assertThat(rows.get(0).getField(1)).isInstanceOf(Duration[].class)
        .isEqualTo(new Duration[] {Duration.ofMinutes(1), null});
    // A query's year-month intervals are INTERVAL MONTH, so 12 months stay months, as Flink converts them.
    assertThat(rows.get(0).getField(2)).isEqualTo(Map.of("x", Period.ofMonths(12)));
  }

  @Test
  void intervalsInsideRowsArraysAndMapsOfAResultAreDurationsAndPeriods() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("SELECT ROW(INTERVAL '2' HOUR, 'x'),"
        + " ARRAY[INTERVAL '1' SECOND, INTERVAL '60' SECOND], MAP['k', INTERVAL '5' MONTH],"
        + " ARRAY[ROW(INTERVAL '3' DAY)]"));
    assertThat(rows).hasSize(1);
    Row row = rows.get(0);
    assertThat(row.getField(0)).isEqualTo(Row.of(Duration.ofHours(2), "x"));
    assertThat(row.getField(1)).isInstanceOf(Duration[].class)
        .isEqualTo(new Duration[] {Duration.ofSeconds(1), Duration.ofMinutes(1)});
    Map<String, Period> map = new LinkedHashMap<>();
    map.put("k", Period.ofMonths(5));
    assertThat(row.getField(2)).isEqualTo(map);
    assertThat((Object[]) row.getField(3)).containsExactly(Row.of(Duration.ofDays(3)));
    java.io.StringWriter printed = new java.io.StringWriter();
    ((io.spate.table.api.internal.TableResultImpl) tEnv.executeSql(
        "SELECT ARRAY[INTERVAL '1' DAY, -INTERVAL '2' DAY], ARRAY[INTERVAL '13' MONTH]"))
        .printTo(new java.io.PrintWriter(printed));
    assertThat(printed.toString()).contains("| [+1 00:00:00.000, -2 00:00:00.000] | [+1-01] |");
  }

  @Test
  void intervalsInsideRowsMapsAndArraysPrintAsAtTheTopLevel() {
    java.io.StringWriter printed = new java.io.StringWriter();
    ((io.spate.table.api.internal.TableResultImpl) tEnv.executeSql("SELECT ROW(INTERVAL '90' MINUTE, 'x') AS r,"
        + " MAP['k', INTERVAL '14' MONTH] AS m, ARRAY[ROW(-INTERVAL '1.5' SECOND)] AS a,"
        + " MAP[INTERVAL '1' DAY, ARRAY[INTERVAL '2' YEAR]] AS n"))
        .printTo(new java.io.PrintWriter(printed));
    // 90 minutes are +0 01:30:00.000, 14 months +1-02, as the top level shows them; never PT1H30M or P14M.
    assertThat(printed.toString())
        .contains("| +I[+0 01:30:00.000, x] | {k=+1-02} | [+I[-0 00:00:01.500]] | {+1 00:00:00.000=[+2-00]} |")
        .doesNotContain("PT").doesNotContain("P14M");
  }

  @Test
  void dataTypesAndSchemaDeclareIntervalColumns() {
    TableDescriptor descriptor = TableDescriptor.forConnector("blackhole")
        .schema(Schema.newBuilder()
            .column("d", DataTypes.INTERVAL(DataTypes.DAY(), DataTypes.SECOND(3)))
            .column("p", DataTypes.INTERVAL(DataTypes.YEAR(4), DataTypes.MONTH()))
            .column("m", "INTERVAL MINUTE")
            .build())
        .build();
    tEnv.createTemporaryTable("described", descriptor);
    List<Row> described = rows(tEnv.executeSql("DESCRIBE described"));
    assertThat(described.stream().map(r -> r.getField(0) + " " + r.getField(1)).toList())
        .containsExactly("d INTERVAL DAY(2) TO SECOND(3)", "p INTERVAL YEAR(4) TO MONTH", "m INTERVAL MINUTE");
  }

  @Test
  void formatsWithoutAFormForIntervalsRefuseTheColumnByName() throws Exception {
    tEnv.executeSql("CREATE TABLE a (id INT, d INTERVAL DAY TO SECOND(3)) WITH ('connector' = 'filesystem',"
        + " 'path' = '" + directory.resolve("a") + "', 'format' = 'avro')");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO a VALUES (1, INTERVAL '1' SECOND)"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("'d'")
        .hasMessageContaining("INTERVAL");
    Files.createDirectories(directory.resolve("c"));
    tEnv.executeSql("CREATE TABLE c (m MAP<STRING, INTERVAL MONTH>) WITH ('connector' = 'filesystem',"
        + " 'path' = '" + directory.resolve("c") + "', 'format' = 'csv')");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM c"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("column 'm'");
  }

  private static Path onlyFileIn(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> visible = files.filter(f -> !f.getFileName().toString().startsWith(".")).toList();
      assertThat(visible).hasSize(1);
      return visible.get(0);
    }
  }
}
