package io.spate.table.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import io.spate.table.formats.common.TimestampFormat;
import io.spate.table.formats.json.JsonRowDataSerializationSchema;
import io.spate.table.formats.json.MapNullKeyMode;
import io.spate.table.types.logical.RowType;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL → files → SQL for random tables of every type Avro holds, NULLs and nesting included: rows
 * (given as a json file) inserted into an avro or parquet filesystem table, read back by SQL, equal
 * the rows.
 */
class FileFormatsRoundTripE2ETest {

  @TempDir
  Path directory;

  private final AtomicInteger tables = new AtomicInteger();

  @Test
  void avroTablesOfEveryTypeRoundTripThroughSql() {
    qt().withExamples(5).withShrinkCycles(0).forAll(RandomRows.tablesForAvro(10))
        .checkAssert(table -> roundTrip(table, "avro", ", 'avro.codec' = 'deflate'"));
  }

  @Test
  void avroTablesWithLocalTimestampsRoundTripThroughSql() {
    qt().withExamples(2).withShrinkCycles(0).forAll(RandomRows.tablesForAvro(10))
        .checkAssert(table -> roundTrip(table, "avro", ", 'avro.timestamp_mapping.legacy' = 'false'"));
  }

  @Test
  void parquetTablesOfEveryTypeRoundTripThroughSql() {
    qt().withExamples(5).withShrinkCycles(0).forAll(RandomRows.tablesForAvro(10))
        .checkAssert(table -> roundTrip(table, "parquet", ", 'parquet.compression' = 'snappy'"));
  }

  private void roundTrip(RandomRows.TypedRows table, String format, String formatOptions) {
    try {
      Path root = directory.resolve("t" + tables.incrementAndGet());
      Path input = root.resolve("in");
      Files.createDirectories(input);
      JsonRowDataSerializationSchema json = new JsonRowDataSerializationSchema(table.type(), TimestampFormat.SQL,
          MapNullKeyMode.FAIL, "null", false, false);
      ByteArrayOutputStream lines = new ByteArrayOutputStream();
      for (Row row : table.rows()) {
        lines.write(json.serialize(row));
        lines.write('\n');
      }
      Files.write(input.resolve("rows.json"), lines.toByteArray());
      TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
      String columns = columns(table.type());
      Path output = root.resolve("out");
      tEnv.executeSql("CREATE TABLE a (" + columns + ") WITH ('connector' = 'filesystem', 'path' = '" + input
          + "', 'format' = 'json')");
      tEnv.executeSql("CREATE TABLE b (" + columns + ") WITH ('connector' = 'filesystem', 'path' = '" + output
          + "', 'format' = '" + format + "'" + formatOptions + ")");
      tEnv.executeSql("INSERT INTO b SELECT * FROM a").await();
      byte[] magic = format.equals("avro") ? new byte[] {'O', 'b', 'j', 1} : new byte[] {'P', 'A', 'R', '1'};
      try (Stream<Path> files = Files.list(output)) {
        assertThat(files.toList()).as("the committed part files").isNotEmpty().allSatisfy(file -> {
          assertThat(file.getFileName().toString()).startsWith("part-");
          assertThat(Files.readAllBytes(file)).as("the start of a %s file", format).startsWith(magic);
        });
      }
      List<Row> read = new ArrayList<>();
      try (CloseableIterator<Row> rows = tEnv.executeSql("SELECT * FROM b").collect()) {
        rows.forEachRemaining(read::add);
      }
      assertThat(read).as("the rows of %s read back", table.type().asSummaryString())
          .containsExactlyInAnyOrderElementsOf(table.rows());
    } catch (Exception e) {
      throw new AssertionError(table.type().asSummaryString() + ": " + e.getMessage(), e);
    }
  }

  private static String columns(RowType type) {
    return type.getFields().stream().map(f -> "`" + f.getName() + "` " + f.getType().asSerializableString())
        .collect(Collectors.joining(", "));
  }
}
