package io.spate.table.formats.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.BigIntType;
import io.spate.table.types.logical.DateType;
import io.spate.table.types.logical.DecimalType;
import io.spate.table.types.logical.IntType;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.MapType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.SmallIntType;
import io.spate.table.types.logical.TimeType;
import io.spate.table.types.logical.TimestampType;
import io.spate.table.types.logical.VarBinaryType;
import io.spate.table.types.logical.VarCharType;
import io.spate.table.formats.common.TimestampFormat;
import io.spate.table.formats.json.JsonRowDataSerializationSchema;
import io.spate.table.formats.json.MapNullKeyMode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The avro format against Avro's own library and a hand-written schema: the schema derived from a
 * table is the one Flink's mapping gives, messages and container files written by Spate are read by
 * Avro's readers, and those written by Avro's writers are read by Spate SQL.
 */
class AvroFormatInteropTest {

  /** The schema a user writes by hand for the table of {@link #orders()}. */
  private static final String ORDERS_SCHEMA = """
      {"type": "record", "name": "record", "namespace": "io.spate.avro.generated", "fields": [
        {"name": "id", "type": "long"},
        {"name": "qty", "type": ["null", "int"], "default": null},
        {"name": "name", "type": ["null", "string"], "default": null},
        {"name": "price", "type": ["null", {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}],
         "default": null},
        {"name": "day", "type": ["null", {"type": "int", "logicalType": "date"}], "default": null},
        {"name": "at", "type": ["null", {"type": "int", "logicalType": "time-millis"}], "default": null},
        {"name": "ts", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}], "default": null},
        {"name": "ltz", "type": ["null", {"type": "long", "logicalType": "timestamp-micros"}], "default": null},
        {"name": "payload", "type": ["null", "bytes"], "default": null},
        {"name": "tags", "type": ["null", {"type": "array", "items": ["null", "string"]}], "default": null},
        {"name": "attrs", "type": ["null", {"type": "map", "values": ["null", "long"]}], "default": null},
        {"name": "buyer", "type": ["null", {"type": "record", "name": "record_buyer", "fields": [
          {"name": "first", "type": ["null", "string"], "default": null},
          {"name": "age", "type": ["null", "int"], "default": null}]}], "default": null}
      ]}""";

  private static final String ORDERS_COLUMNS = "id BIGINT NOT NULL, qty SMALLINT, name STRING, price DECIMAL(10, 2),"
      + " `day` DATE, `at` TIME(3), ts TIMESTAMP(3), ltz TIMESTAMP_LTZ(6), payload BYTES, tags ARRAY<STRING>,"
      + " attrs MAP<STRING, BIGINT>, buyer ROW<`first` STRING, age INT>";

  @TempDir
  Path directory;

  private static RowType orders() {
    return new RowType(false, List.of(
        new RowType.RowField("id", new BigIntType(false)),
        new RowType.RowField("qty", new SmallIntType()),
        new RowType.RowField("name", new VarCharType(VarCharType.MAX_LENGTH)),
        new RowType.RowField("price", new DecimalType(10, 2)),
        new RowType.RowField("day", new DateType()),
        new RowType.RowField("at", new TimeType(3)),
        new RowType.RowField("ts", new TimestampType(3)),
        new RowType.RowField("ltz", new LocalZonedTimestampType(6)),
        new RowType.RowField("payload", new VarBinaryType(VarBinaryType.MAX_LENGTH)),
        new RowType.RowField("tags", new ArrayType(new VarCharType(VarCharType.MAX_LENGTH))),
        new RowType.RowField("attrs", new MapType(new VarCharType(VarCharType.MAX_LENGTH), new BigIntType())),
        new RowType.RowField("buyer", new RowType(List.of(
            new RowType.RowField("first", new VarCharType(VarCharType.MAX_LENGTH)),
            new RowType.RowField("age", new IntType()))))));
  }

  private static Row order() {
    Row buyer = Row.of("Ada", 36);
    return Row.of(7L, (short) 3, "lamp", new BigDecimal("19.99"), LocalDate.of(2024, 2, 29),
        LocalTime.of(13, 14, 15, 123_000_000), LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_000_000),
        Instant.parse("2024-02-29T13:14:15.123456Z"), new byte[] {1, 2, 3}, new String[] {"a", null, "b"},
        Map.of("k", 5L), buyer);
  }

  private static Schema handWritten() {
    return new Schema.Parser().parse(ORDERS_SCHEMA);
  }

  @Test
  void theDerivedSchemaIsTheHandWrittenOne() {
    assertThat(AvroSchemaConverter.convertToSchema(orders())).isEqualTo(handWritten());
  }

  @Test
  void aMessageSpateWritesIsReadByAvrosReaderWithTheHandWrittenSchema() throws Exception {
    byte[] message = new AvroRowDataSerializationSchema(orders()).serialize(order());
    GenericRecord record = new GenericDatumReader<GenericRecord>(handWritten())
        .read(null, DecoderFactory.get().binaryDecoder(message, null));
    assertThat(record.get("id")).isEqualTo(7L);
    assertThat(record.get("qty")).isEqualTo(3);
    assertThat(record.get("name").toString()).isEqualTo("lamp");
    assertThat(new BigDecimal(new java.math.BigInteger(bytes(record.get("price"))), 2)).isEqualTo("19.99");
    assertThat(record.get("day")).isEqualTo((int) LocalDate.of(2024, 2, 29).toEpochDay());
    assertThat(record.get("at")).isEqualTo(LocalTime.of(13, 14, 15, 123_000_000).toSecondOfDay() * 1000 + 123);
    assertThat(record.get("ts")).isEqualTo(Instant.parse("2024-02-29T13:14:15.123Z").toEpochMilli());
    assertThat(record.get("ltz")).isEqualTo(Instant.parse("2024-02-29T13:14:15Z").getEpochSecond() * 1_000_000
        + 123_456);
    assertThat(bytes(record.get("payload"))).containsExactly(1, 2, 3);
    assertThat(((List<?>) record.get("tags")).stream().map(t -> t == null ? null : t.toString()))
        .containsExactly("a", null, "b");
    assertThat(((GenericRecord) record.get("buyer")).get("age")).isEqualTo(36);
  }

  @Test
  void aMessageAvroWritesWithTheHandWrittenSchemaIsReadAsTheRow() throws Exception {
    GenericRecord record = recordOf(handWritten());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(handWritten()).write(record, encoder);
    encoder.flush();
    assertThat(new AvroRowDataDeserializationSchema(orders()).deserialize(out.toByteArray())).isEqualTo(order());
  }

  @Test
  void containerFilesSqlWritesAreReadByAvrosFileReader() throws Exception {
    Path table = directory.resolve("orders");
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.executeSql("CREATE TABLE orders (" + ORDERS_COLUMNS + ") WITH ('connector' = 'filesystem', 'path' = '"
        + table + "', 'format' = 'avro')");
    // MAP[...] is not a SQL function of Spate's yet: the rows come from a json file.
    Path input = directory.resolve("input");
    Files.createDirectories(input);
    JsonRowDataSerializationSchema json = new JsonRowDataSerializationSchema(orders(), TimestampFormat.SQL,
        MapNullKeyMode.FAIL, "null", false, false);
    Row nulls = new Row(orders().getFieldCount());
    nulls.setField(0, 8L);
    Files.write(input.resolve("orders.json"), (new String(json.serialize(order()), StandardCharsets.UTF_8) + "\n"
        + new String(json.serialize(nulls), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
    tEnv.executeSql("CREATE TABLE input (" + ORDERS_COLUMNS + ") WITH ('connector' = 'filesystem', 'path' = '"
        + input + "', 'format' = 'json')");
    tEnv.executeSql("INSERT INTO orders SELECT * FROM input").await();
    List<GenericRecord> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(table)) {
      for (Path file : files.toList()) {
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(),
            new GenericDatumReader<>(handWritten()))) {
          assertThat(reader.getMetaString("avro.codec")).as("the default codec").isEqualTo("snappy");
          reader.forEach(records::add);
        }
      }
    }
    records.sort(java.util.Comparator.comparingLong(r -> (Long) r.get("id")));
    assertThat(records).hasSize(2);
    GenericRecord first = records.get(0);
    assertThat(first.get("name").toString()).isEqualTo("lamp");
    assertThat(first.get("ts")).isEqualTo(Instant.parse("2024-02-29T13:14:15.123Z").toEpochMilli());
    assertThat(first.get("ltz")).isEqualTo(Instant.parse("2024-02-29T13:14:15Z").getEpochSecond() * 1_000_000
        + 123_456);
    assertThat(List.copyOf(((Map<?, ?>) first.get("attrs")).values())).isEqualTo(List.of(5L));
    assertThat(((GenericRecord) first.get("buyer")).get("first").toString()).isEqualTo("Ada");
    GenericRecord second = records.get(1);
    assertThat(second.get("id")).isEqualTo(8L);
    for (String field : List.of("qty", "name", "price", "day", "ts", "tags", "attrs", "buyer")) {
      assertThat(second.get(field)).as(field).isNull();
    }
  }

  @Test
  void containerFilesAvroWritesAreReadBySqlResolvingTheirSchema() throws Exception {
    // The writer's schema has its fields in another order, an extra field, and another record name.
    Schema writer = new Schema.Parser().parse(ORDERS_SCHEMA.replace("\"name\": \"record\", \"namespace\": "
        + "\"io.spate.avro.generated\", \"fields\": [", "\"name\": \"Order\", \"namespace\": \"com.example\","
        + " \"fields\": [{\"name\": \"extra\", \"type\": \"string\"},"));
    Path table = directory.resolve("external");
    Files.createDirectories(table);
    try (DataFileWriter<GenericRecord> file = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(writer))) {
      file.setCodec(CodecFactory.deflateCodec(6));
      file.create(writer, table.resolve("orders.avro").toFile());
      GenericRecord record = recordOf(writer);
      record.put("extra", "ignored");
      file.append(record);
    }
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.executeSql("CREATE TABLE orders (" + ORDERS_COLUMNS + ") WITH ('connector' = 'filesystem', 'path' = '"
        + table + "', 'format' = 'avro')");
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> it = tEnv.executeSql("SELECT * FROM orders").collect()) {
      it.forEachRemaining(rows::add);
    }
    assertThat(rows).containsExactly(order());
  }

  private static GenericRecord recordOf(Schema schema) {
    Schema buyerSchema = schema.getField("buyer").schema().getTypes().get(1);
    GenericRecord buyer = new GenericData.Record(buyerSchema);
    buyer.put("first", "Ada");
    buyer.put("age", 36);
    GenericRecord record = new GenericData.Record(schema);
    record.put("id", 7L);
    record.put("qty", 3);
    record.put("name", "lamp");
    record.put("price", ByteBuffer.wrap(new BigDecimal("19.99").unscaledValue().toByteArray()));
    record.put("day", (int) LocalDate.of(2024, 2, 29).toEpochDay());
    record.put("at", LocalTime.of(13, 14, 15).toSecondOfDay() * 1000 + 123);
    record.put("ts", Instant.parse("2024-02-29T13:14:15.123Z").toEpochMilli());
    record.put("ltz", Instant.parse("2024-02-29T13:14:15Z").getEpochSecond() * 1_000_000 + 123_456);
    record.put("payload", ByteBuffer.wrap(new byte[] {1, 2, 3}));
    record.put("tags", java.util.Arrays.asList("a", null, "b"));
    record.put("attrs", Map.of("k", 5L));
    record.put("buyer", buyer);
    return record;
  }

  private static byte[] bytes(Object value) {
    ByteBuffer buffer = ((ByteBuffer) value).duplicate();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
