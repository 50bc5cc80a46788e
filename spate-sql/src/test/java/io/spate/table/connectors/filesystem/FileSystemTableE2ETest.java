package io.spate.table.connectors.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.ValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filesystem connector in SQL: directories, partitions, nested JSON, malformed input, rolling. */
class FileSystemTableE2ETest {

  @TempDir
  Path directory;

  private TableEnvironment tEnv;

  @BeforeEach
  void session() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
  }

  private List<Row> rows(String query) {
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> iterator = tEnv.executeSql(query).collect()) {
      iterator.forEachRemaining(rows::add);
    }
    return rows;
  }

  private void write(Path file, String... lines) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  @Test
  void nestedJsonObjectsBecomeRowsMapsAndArraysAndMissingFieldsAndJsonNullAreNull() throws Exception {
    write(directory.resolve("orders.json"),
        "{\"id\": 1, \"customer\": {\"name\": \"Ann\", \"address\": {\"city\": \"Oslo\"}}, \"tags\": [\"a\", \"b\"],"
            + " \"attrs\": {\"x\": 1, \"y\": null}, \"ts\": \"2024-01-01 10:00:00.123\", \"extra\": true}",
        "{\"id\": 2, \"customer\": null, \"tags\": [], \"ts\": null}",
        "{\"id\": 3, \"customer\": {\"name\": \"Bo\"}, \"tags\": [null], \"attrs\": {}}");
    tEnv.executeSql("CREATE TABLE orders (id INT, customer ROW<name STRING, address ROW<city STRING>>,"
        + " tags ARRAY<STRING>, attrs MAP<STRING, INT>, ts TIMESTAMP(3)) WITH ('connector' = 'filesystem',"
        + " 'path' = '" + directory.resolve("orders.json") + "', 'format' = 'json')");
    Map<String, Integer> attrs = new java.util.HashMap<>();
    attrs.put("x", 1);
    attrs.put("y", null);
    assertThat(rows("SELECT * FROM orders")).containsExactly(
        Row.of(1, Row.of("Ann", Row.of("Oslo")), new String[] {"a", "b"}, attrs,
            LocalDateTime.of(2024, 1, 1, 10, 0, 0, 123_000_000)),
        Row.of(2, null, new String[0], null, null),
        Row.of(3, Row.of("Bo", null), new String[] {null}, Map.of(), null));
  }

  @Test
  void aMissingFieldFailsWithFailOnMissingFieldNamingTheFieldAndTheFile() throws Exception {
    write(directory.resolve("d/a.json"), "{\"id\": 1, \"name\": \"x\"}", "{\"id\": 2}");
    tEnv.executeSql("CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '"
        + directory.resolve("d") + "', 'format' = 'json', 'json.fail-on-missing-field' = 'true')");
    assertThatThrownBy(() -> rows("SELECT * FROM t")).hasStackTraceContaining("a.json")
        .hasStackTraceContaining("line 2").hasStackTraceContaining("field 'name' is missing");
  }

  @Test
  void aDirectoryIsReadWithEveryFileBelowItButHiddenOnes() throws Exception {
    write(directory.resolve("t/one.csv"), "1,a", "2,b");
    write(directory.resolve("t/sub/two.csv"), "3,c");
    write(directory.resolve("t/_SUCCESS"), "not,data,at all");
    write(directory.resolve("t/.hidden.csv"), "not,data,at all");
    write(directory.resolve("t/_temporary/three.csv"), "not,data,at all");
    tEnv.executeSql("CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '"
        + directory.resolve("t") + "', 'format' = 'csv')");
    assertThat(rows("SELECT id, name FROM t")).containsExactlyInAnyOrder(Row.of(1, "a"), Row.of(2, "b"),
        Row.of(3, "c"));
  }

  @Test
  void aPartitionedTableWritesKeyValueDirectoriesAndReadsThePartitionColumnsBack() throws Exception {
    Path path = directory.resolve("p");
    tEnv.executeSql("CREATE TABLE p (id INT, name STRING, dt STRING, hr INT) PARTITIONED BY (dt, hr) WITH ("
        + "'connector' = 'filesystem', 'path' = '" + path + "', 'format' = 'json')");
    tEnv.executeSql("INSERT INTO p VALUES (1, 'a', '2024-01-01', 10), (2, 'b', '2024-01-01', 11),"
        + " (3, 'c', '2024-01-02', 10), (4, 'd', CAST(NULL AS STRING), 10), (5, 'e', 'x/y=z', 1)").await();
    assertThat(filesBelow(path)).containsExactlyInAnyOrder("dt=2024-01-01/hr=10", "dt=2024-01-01/hr=11",
        "dt=2024-01-02/hr=10", "dt=__DEFAULT_PARTITION__/hr=10", "dt=x%2Fy%3Dz/hr=1");
    String written = Files.readString(onlyFileIn(path.resolve("dt=2024-01-01/hr=10")));
    assertThat(written).isEqualTo("{\"id\":1,\"name\":\"a\"}\n");
    assertThat(rows("SELECT * FROM p")).containsExactlyInAnyOrder(Row.of(1, "a", "2024-01-01", 10),
        Row.of(2, "b", "2024-01-01", 11), Row.of(3, "c", "2024-01-02", 10), Row.of(4, "d", null, 10),
        Row.of(5, "e", "x/y=z", 1));
    assertThat(rows("SELECT id FROM p WHERE hr = 10 AND dt = '2024-01-01'")).containsExactly(Row.of(1));
  }

  @Test
  void aFileOutsideThePartitionDirectoriesFailsNamingTheFile() throws Exception {
    write(directory.resolve("p/stray.json"), "{\"id\": 1}");
    tEnv.executeSql("CREATE TABLE p (id INT, dt STRING) PARTITIONED BY (dt) WITH ("
        + "'connector' = 'filesystem', 'path' = '" + directory.resolve("p") + "', 'format' = 'json')");
    assertThatThrownBy(() -> rows("SELECT * FROM p")).hasStackTraceContaining("stray.json")
        .hasStackTraceContaining("'dt=...'");
  }

  @Test
  void aMalformedCsvLineFailsTheQueryNamingTheFileTheLineAndTheField() throws Exception {
    write(directory.resolve("bad/data.csv"), "1,a", "2,b", "x,c");
    tEnv.executeSql("CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '"
        + directory.resolve("bad") + "', 'format' = 'csv')");
    assertThatThrownBy(() -> rows("SELECT * FROM t")).hasStackTraceContaining("data.csv")
        .hasStackTraceContaining("line 3").hasStackTraceContaining("field 'id' (INT)")
        .hasStackTraceContaining("cannot read 'x'");
  }

  @Test
  void ignoreParseErrorsSkipsMalformedRecordsInCsvAndJson() throws Exception {
    write(directory.resolve("csv/data.csv"), "1,a", "x,b", "3", "4,d,extra", "5,\"e");
    write(directory.resolve("json/data.json"), "{\"id\": 1, \"name\": \"a\"}", "{\"id\": \"x\"}", "not json",
        "{\"id\": 4, \"name\": \"d\"}");
    tEnv.executeSql("CREATE TABLE c (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '"
        + directory.resolve("csv") + "', 'format' = 'csv', 'csv.ignore-parse-errors' = 'true')");
    tEnv.executeSql("CREATE TABLE j (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '"
        + directory.resolve("json") + "', 'format' = 'json', 'json.ignore-parse-errors' = 'true')");
    assertThat(rows("SELECT * FROM c")).containsExactly(Row.of(1, "a"));
    assertThat(rows("SELECT * FROM j")).containsExactly(Row.of(1, "a"), Row.of(4, "d"));
  }

  @Test
  void malformedJsonFailsNamingTheFileAndTheProblem() throws Exception {
    write(directory.resolve("j/data.json"), "{\"id\": 1}", "{\"id\": 2,");
    tEnv.executeSql("CREATE TABLE j (id INT) WITH ('connector' = 'filesystem', 'path' = '"
        + directory.resolve("j") + "', 'format' = 'json')");
    assertThatThrownBy(() -> rows("SELECT * FROM j")).hasStackTraceContaining("data.json")
        .hasStackTraceContaining("line 2").hasStackTraceContaining("not valid JSON");
  }

  @Test
  void csvOptionsChangeTheDelimiterQuotesCommentsNullsAndArrays() throws Exception {
    write(directory.resolve("c/data.csv"), "# a comment", "1|'a|b'|N/A|x#y#z", "2|'it''s'|7|");
    tEnv.executeSql("CREATE TABLE c (id INT, name STRING, n INT, tags ARRAY<STRING>) WITH ("
        + "'connector' = 'filesystem', 'path' = '" + directory.resolve("c") + "', 'format' = 'csv',"
        + " 'csv.field-delimiter' = '|', 'csv.quote-character' = '''', 'csv.allow-comments' = 'true',"
        + " 'csv.null-literal' = 'N/A', 'csv.array-element-delimiter' = '#')");
    assertThat(rows("SELECT * FROM c")).containsExactly(Row.of(1, "a|b", null, new String[] {"x", "y", "z"}),
        Row.of(2, "it's", 7, null));
  }

  @Test
  void aQuotedCsvFieldMaySpanLines() throws Exception {
    write(directory.resolve("m/data.csv"), "1,\"first", "second\"", "2,plain");
    tEnv.executeSql("CREATE TABLE m (id INT, text STRING) WITH ('connector' = 'filesystem', 'path' = '"
        + directory.resolve("m") + "', 'format' = 'csv')");
    assertThat(rows("SELECT * FROM m")).containsExactly(Row.of(1, "first\nsecond"), Row.of(2, "plain"));
  }

  @Test
  void aSmallFileSizeRollsPartFilesAndEveryRowIsWrittenOnce() throws Exception {
    Path path = directory.resolve("rolled");
    tEnv.executeSql("CREATE TABLE src (n BIGINT) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence',"
        + " 'fields.n.start' = '1', 'fields.n.end' = '500')");
    tEnv.executeSql("CREATE TABLE written (n BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + path + "',"
        + " 'format' = 'csv', 'sink.rolling-policy.file-size' = '200b', 'sink.rolling-policy.rollover-interval' = '1 h',"
        + " 'sink.rolling-policy.check-interval' = '10 s')");
    tEnv.executeSql("INSERT INTO written SELECT n FROM src").await();
    try (Stream<Path> files = Files.list(path)) {
      assertThat(files.filter(f -> !f.getFileName().toString().startsWith(".")).count()).isGreaterThan(5);
    }
    assertThat(rows("SELECT COUNT(*), COUNT(DISTINCT n), MIN(n), MAX(n) FROM written")).last()
        .isEqualTo(Row.ofKind(io.spate.api.types.RowKind.UPDATE_AFTER, 500L, 500L, 1L, 500L));
  }

  @Test
  void anUpdatingQueryIsRejectedNamingTheTable() {
    tEnv.executeSql("CREATE TABLE src (n BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '10')");
    tEnv.executeSql("CREATE TABLE written (k BIGINT, c BIGINT) WITH ('connector' = 'filesystem', 'path' = '"
        + directory.resolve("out") + "', 'format' = 'csv')");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO written SELECT n % 2, COUNT(*) FROM src GROUP BY n % 2"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("default_catalog.default_database.written")
        .hasMessageContaining("takes only inserts, but the query produces update changes")
        .hasMessageContaining("GroupAggregate(groupBy=[");
  }

  @Test
  void aContinuousScanReadsFilesThatAppearLater() throws Exception {
    Path path = directory.resolve("incoming");
    write(path.resolve("1.csv"), "1");
    tEnv.executeSql("CREATE TABLE t (n INT) WITH ('connector' = 'filesystem', 'path' = '" + path + "',"
        + " 'format' = 'csv', 'source.monitor-interval' = '100 ms')");
    try (CloseableIterator<Row> rows = tEnv.executeSql("SELECT n FROM t").collect()) {
      assertThat(rows.next()).isEqualTo(Row.of(1));
      write(path.resolve("2.csv.tmp"), "2");
      Files.move(path.resolve("2.csv.tmp"), path.resolve("2.csv"));
      assertThat(rows.next()).isEqualTo(Row.of(2));
    }
  }

  @Test
  void aFileUriPathIsTheLocalPath() throws Exception {
    write(directory.resolve("u/data.csv"), "1,a");
    tEnv.executeSql("CREATE TABLE u (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '"
        + directory.resolve("u").toUri() + "', 'format' = 'csv')");
    assertThat(rows("SELECT * FROM u")).containsExactly(Row.of(1, "a"));
  }

  @Test
  void aCsvSinkWritesOneLinePerRowQuotingWhatNeedsQuotes() throws Exception {
    Path path = directory.resolve("orders");
    tEnv.executeSql("CREATE TABLE numbers (n INT) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence',"
        + " 'fields.n.start' = '1', 'fields.n.end' = '4')");
    tEnv.executeSql("CREATE TABLE orders (order_id INT, product STRING, price DECIMAL(10, 2), order_date DATE) WITH ("
        + "'connector' = 'filesystem', 'path' = '" + path + "', 'format' = 'csv')");
    tEnv.executeSql("INSERT INTO orders SELECT n, CASE WHEN n % 2 = 0 THEN 'tea' ELSE 'coffee, black' END,"
        + " CAST(n * 1.5 AS DECIMAL(10, 2)), CAST(DATE '2024-01-01' + n * INTERVAL '1' DAY AS DATE) FROM numbers")
        .await();
    assertThat(Files.readString(onlyFileIn(path))).isEqualTo("1,\"coffee, black\",1.50,2024-01-02\n"
        + "2,tea,3.00,2024-01-03\n3,\"coffee, black\",4.50,2024-01-04\n4,tea,6.00,2024-01-05\n");
  }

  @Test
  void aWindowAggregateRunsOverTheEventTimeOfAFile() throws Exception {
    write(directory.resolve("clicks/data.csv"), "a,2024-01-01 10:00:01", "b,2024-01-01 10:00:07",
        "a,2024-01-01 10:00:12", "a,2024-01-01 10:00:15.5");
    tEnv.executeSql("CREATE TABLE clicks (user_name STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ("
        + "'connector' = 'filesystem', 'path' = '" + directory.resolve("clicks") + "', 'format' = 'csv')");
    assertThat(rows("SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts),"
        + " INTERVAL '10' SECOND)) GROUP BY window_start, window_end")).containsExactly(
            Row.of(LocalDateTime.of(2024, 1, 1, 10, 0, 0), 2L), Row.of(LocalDateTime.of(2024, 1, 1, 10, 0, 10), 2L));
  }

  @Test
  void batchModeWritesAndReadsTheSameTables() throws Exception {
    TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
    Path path = directory.resolve("batch");
    batch.executeSql("CREATE TABLE src (n BIGINT) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence',"
        + " 'fields.n.start' = '1', 'fields.n.end' = '100')");
    batch.executeSql("CREATE TABLE files (n BIGINT, parity INT) PARTITIONED BY (parity) WITH ("
        + "'connector' = 'filesystem', 'path' = '" + path + "', 'format' = 'json', 'sink.parallelism' = '2',"
        + " 'partition.default-name' = 'none')");
    batch.executeSql("INSERT INTO files SELECT n, CASE WHEN n > 90 THEN NULL ELSE CAST(n % 2 AS INT) END FROM src")
        .await();
    assertThat(filesBelow(path)).containsExactlyInAnyOrder("parity=0", "parity=1", "parity=none");
    List<Row> counted = new ArrayList<>();
    try (CloseableIterator<Row> it = batch.executeSql("SELECT parity, COUNT(*) FROM files GROUP BY parity")
        .collect()) {
      it.forEachRemaining(counted::add);
    }
    assertThat(counted.stream().filter(r -> r.getKind() == io.spate.api.types.RowKind.INSERT
        || r.getKind() == io.spate.api.types.RowKind.UPDATE_AFTER).map(r -> Row.of(r.getField(0), r.getField(1)))
        .toList()).contains(Row.of(0, 45L), Row.of(1, 45L), Row.of(null, 10L));
  }

  @Test
  void manySkippedRecordsBetweenRowsLoseNoRow() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      lines.add(i % 1000 == 0 ? String.valueOf(i) : "# comment " + i);
    }
    write(directory.resolve("s/data.csv"), lines.toArray(new String[0]));
    tEnv.executeSql("CREATE TABLE s (n INT) WITH ('connector' = 'filesystem', 'path' = '" + directory.resolve("s")
        + "', 'format' = 'csv', 'csv.allow-comments' = 'true')");
    assertThat(rows("SELECT n FROM s")).extracting(r -> r.getField(0)).containsExactly(0, 1000, 2000, 3000, 4000,
        5000, 6000, 7000, 8000, 9000);
  }

  private static List<String> filesBelow(Path root) throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
          .map(f -> root.relativize(f.getParent()).toString()).distinct().toList();
    }
  }

  private static Path onlyFileIn(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> visible = files.filter(f -> !f.getFileName().toString().startsWith(".")).toList();
      assertThat(visible).hasSize(1);
      return visible.get(0);
    }
  }
}
