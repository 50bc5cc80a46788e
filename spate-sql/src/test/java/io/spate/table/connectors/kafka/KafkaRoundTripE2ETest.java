package io.spate.table.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.types.Row;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import io.spate.table.formats.RandomRows;
import io.spate.table.formats.common.TimestampFormat;
import io.spate.table.formats.csv.CsvTestSchemas;
import io.spate.table.formats.json.JsonRowDataSerializationSchema;
import io.spate.table.formats.json.MapNullKeyMode;
import io.spate.table.types.logical.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SQL → Kafka → SQL for random tables of every type: rows encoded into one topic, read by a kafka
 * table and inserted into another, read back by SQL, equal the rows (csv and json, nested types in json).
 */
class KafkaRoundTripE2ETest {

  private static KafkaTestBroker broker;
  private static final AtomicInteger TABLES = new AtomicInteger();

  @BeforeAll
  static void startBroker() {
    broker = KafkaTestBroker.start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    broker.close();
  }

  @Test
  void jsonTablesOfEveryTypeRoundTripThroughKafka() {
    qt().withExamples(3).withShrinkCycles(0).forAll(RandomRows.tablesForJson(12)).checkAssert(table ->
        roundTrip(table, "json", "", new JsonRowDataSerializationSchema(table.type(), TimestampFormat.SQL,
            MapNullKeyMode.FAIL, "null", false, false)));
  }

  @Test
  void csvTablesOfEveryTypeRoundTripThroughKafka() {
    qt().withExamples(3).withShrinkCycles(0).forAll(RandomRows.tablesForCsv(12)).checkAssert(table ->
        roundTrip(table, "csv", ", 'csv.null-literal' = '\\N'", CsvTestSchemas.encoder(table.type(), "\\N")));
  }

  private static void roundTrip(RandomRows.TypedRows table, String format, String formatOptions,
      SerializationSchema<Row> encoder) {
    try {
      int n = TABLES.incrementAndGet();
      String in = "rt-in-" + n;
      String out = "rt-out-" + n;
      broker.createTopic(in, 1);
      broker.createTopic(out, 2);
      List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
      for (Row row : table.rows()) {
        records.add(new ProducerRecord<>(in, encoder.serialize(row)));
      }
      broker.produce(records);
      TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
      tEnv.getConfig().set("parallelism.default", "1");
      String columns = columns(table.type());
      String common = "'connector' = 'kafka', 'properties.bootstrap.servers' = '" + broker.bootstrapServers()
          + "', 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset', 'format' = '"
          + format + "'" + formatOptions;
      tEnv.executeSql("CREATE TABLE a (" + columns + ") WITH (" + common + ", 'topic' = '" + in + "')");
      tEnv.executeSql("CREATE TABLE b (" + columns + ") WITH (" + common + ", 'topic' = '" + out + "')");
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
