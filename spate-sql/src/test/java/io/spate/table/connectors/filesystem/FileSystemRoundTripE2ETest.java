package io.spate.table.connectors.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.types.Row;
import io.spate.api.datastream.CloseableIterator;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import io.spate.table.formats.RandomRows;
import io.spate.table.formats.common.TimestampFormat;
import io.spate.table.formats.csv.CsvTestSchemas;
import io.spate.table.formats.json.JsonRowDataSerializationSchema;
import io.spate.table.formats.json.MapNullKeyMode;
import io.spate.table.types.logical.RowType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL → files → SQL for random tables of every type: rows written as files, read by one filesystem
 * table and inserted into another, read back by SQL, equal the rows (csv and json, nested types in json).
 */
class FileSystemRoundTripE2ETest {

  @TempDir
  Path directory;

  private final AtomicInteger tables = new AtomicInteger();

  @Test
  void jsonTablesOfEveryTypeRoundTripThroughSql() {
    qt().withExamples(4).withShrinkCycles(0).forAll(RandomRows.tablesForJson(12)).checkAssert(table ->
        roundTrip(table, "json", "", new JsonRowDataSerializationSchema(table.type(), TimestampFormat.SQL,
            MapNullKeyMode.FAIL, "null", false, false)));
  }

  @Test
  void csvTablesOfEveryTypeRoundTripThroughSql() {
    qt().withExamples(4).withShrinkCycles(0).forAll(RandomRows.tablesForCsv(12)).checkAssert(table ->
        roundTrip(table, "csv", ", 'csv.null-literal' = '\\N'", CsvTestSchemas.encoder(table.type(), "\\N")));
  }

  private void roundTrip(RandomRows.TypedRows table, String format, String formatOptions,
      SerializationSchema<Row> encoder) {
    try {
      Path root = directory.resolve("t" + tables.incrementAndGet());
      Path input = root.resolve("in");
      Files.createDirectories(input);
      ByteArrayOutputStream lines = new ByteArrayOutputStream();
      for (Row row : table.rows()) {
        lines.write(encoder.serialize(row));
        lines.write('\n');
      }
      Files.write(input.resolve("rows." + format), lines.toByteArray());
      TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
      String columns = columns(table.type());
      tEnv.executeSql("CREATE TABLE a (" + columns + ") WITH ('connector' = 'filesystem', 'path' = '" + input
          + "', 'format' = '" + format + "'" + formatOptions + ")");
      tEnv.executeSql("CREATE TABLE b (" + columns + ") WITH ('connector' = 'filesystem', 'path' = '"
          + root.resolve("out") + "', 'format' = '" + format + "'" + formatOptions + ")");
      tEnv.executeSql("INSERT INTO b SELECT * FROM a").await();
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
