package io.spate.table.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The avro and parquet formats in filesystem tables: partitioned tables (partition columns in
 * directories, not in the files), and the errors for columns, options and codecs they cannot take,
 * each naming the table.
 */
class FileFormatsTableE2ETest {

  @TempDir
  Path directory;

  private TableEnvironment tEnv() {
    return TableEnvironment.create(EnvironmentSettings.inStreamingMode());
  }

  private static List<Row> collect(TableEnvironment tEnv, String query) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> it = tEnv.executeSql(query).collect()) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }

  @ParameterizedTest
  @ValueSource(strings = {"avro", "parquet"})
  void aPartitionedTableWritesItsPartitionsAsDirectoriesAndReadsThemBack(String format) throws Exception {
    Path path = directory.resolve("sales");
    TableEnvironment tEnv = tEnv();
    tEnv.executeSql("CREATE TABLE sales (id BIGINT, item STRING, dt STRING, amount DOUBLE) PARTITIONED BY (dt)"
        + " WITH ('connector' = 'filesystem', 'path' = '" + path + "', 'format' = '" + format + "')");
    tEnv.executeSql("INSERT INTO sales VALUES (1, 'lamp', '2024-01-01', 9.5), (2, 'desk', '2024-01-02', 120.0),"
        + " (3, 'pen', '2024-01-01', 1.25), (4, 'cup', CAST(NULL AS STRING), 3.0)").await();
    try (Stream<Path> dirs = Files.list(path)) {
      assertThat(dirs.map(d -> d.getFileName().toString())).containsExactlyInAnyOrder("dt=2024-01-01",
          "dt=2024-01-02", "dt=__DEFAULT_PARTITION__");
    }
    assertThat(collect(tEnv, "SELECT * FROM sales")).containsExactlyInAnyOrder(
        Row.of(1L, "lamp", "2024-01-01", 9.5), Row.of(2L, "desk", "2024-01-02", 120.0),
        Row.of(3L, "pen", "2024-01-01", 1.25), Row.of(4L, "cup", null, 3.0));
    assertThat(collect(tEnv, "SELECT id, amount FROM sales WHERE dt = '2024-01-01'"))
        .containsExactlyInAnyOrder(Row.of(1L, 9.5), Row.of(3L, 1.25));
    // The files hold the data columns only: a table of those columns without partitions reads them.
    tEnv.executeSql("CREATE TABLE day1 (id BIGINT, item STRING, amount DOUBLE) WITH ('connector' = 'filesystem',"
        + " 'path' = '" + path.resolve("dt=2024-01-01") + "', 'format' = '" + format + "')");
    assertThat(collect(tEnv, "SELECT * FROM day1")).containsExactlyInAnyOrder(Row.of(1L, "lamp", 9.5),
        Row.of(3L, "pen", 1.25));
  }

  @Test
  void aColumnAvroCannotHoldFailsNamingTheTableAndTheColumn() {
    TableEnvironment tEnv = tEnv();
    tEnv.executeSql("CREATE TABLE nanos (id BIGINT, ts TIMESTAMP(9)) WITH ('connector' = 'filesystem', 'path' = '"
        + directory.resolve("nanos") + "', 'format' = 'avro')");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO nanos VALUES (1, TIMESTAMP '2024-01-01 00:00:00')"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("nanos").hasMessageContaining("Column 'ts' of type TIMESTAMP(9)")
        .hasMessageContaining("at most microseconds");
    tEnv.executeSql("CREATE TABLE keyed (m MAP<INT, STRING>) WITH ('connector' = 'filesystem', 'path' = '"
        + directory.resolve("keyed") + "', 'format' = 'parquet')");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO keyed SELECT CAST(NULL AS MAP<INT, STRING>)"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("keyed").hasMessageContaining("Column 'm'").hasMessageContaining("map keys are strings");
  }

  @Test
  void anUnknownCodecOrOptionFailsNamingIt() {
    TableEnvironment tEnv = tEnv();
    tEnv.executeSql("CREATE TABLE lz (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '"
        + directory.resolve("lz") + "', 'format' = 'avro', 'avro.codec' = 'lz4')");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO lz VALUES (1)")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("lz").hasMessageContaining("'avro.codec' = 'lz4' is not an Avro codec");
    tEnv.executeSql("CREATE TABLE pq (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '"
        + directory.resolve("pq") + "', 'format' = 'parquet', 'parquet.compression' = 'zip')");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO pq VALUES (1)")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("'parquet.compression' = 'zip' is not a Parquet codec");
    tEnv.executeSql("CREATE TABLE typo (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '"
        + directory.resolve("typo") + "', 'format' = 'avro', 'avro.codek' = 'null')");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO typo VALUES (1)")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("'avro.codek'").hasMessageContaining("did you mean 'avro.codec'");
  }

  @Test
  void aFileThatIsNotInTheFormatFailsTheReadNamingTheFile() throws Exception {
    Path path = directory.resolve("text");
    Files.createDirectories(path);
    Files.writeString(path.resolve("notes.avro"), "not avro at all\n");
    TableEnvironment tEnv = tEnv();
    tEnv.executeSql("CREATE TABLE notes (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + path
        + "', 'format' = 'avro')");
    assertThatThrownBy(() -> collect(tEnv, "SELECT * FROM notes")).hasStackTraceContaining("notes.avro")
        .hasStackTraceContaining("not an Avro container file");
  }
}
