package io.spate.formats.docs;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.fs.Path;
import io.spate.connectors.file.CsvReaderFormat;
import io.spate.connectors.file.FieldBucketAssigner;
import io.spate.connectors.file.FileSink;
import io.spate.connectors.file.FileSource;
import io.spate.connectors.formats.csv.CsvBulkWriters;
import io.spate.connectors.formats.csv.CsvDeserializationSchema;
import io.spate.connectors.formats.csv.CsvSerializationSchema;
import io.spate.connectors.formats.json.JsonDeserializationSchema;
import io.spate.connectors.formats.json.JsonLinesEncoder;
import io.spate.connectors.formats.json.JsonLinesInputFormat;
import io.spate.connectors.formats.json.JsonSerializationSchema;
import io.spate.formats.avro.AvroDeserializationSchema;
import io.spate.formats.avro.AvroReaders;
import io.spate.formats.avro.AvroSerializationSchema;
import io.spate.formats.avro.AvroWriters;
import io.spate.formats.avro.GenericRecordAvroTypeInfo;
import io.spate.formats.parquet.AvroParquetReaders;
import io.spate.formats.parquet.AvroParquetWriters;
import java.io.IOException;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** The code of docs/connectors/formats.md, compiled here and run by {@link FormatsDocTest}. */
final class FormatsDocSnippets {

  private FormatsDocSnippets() {}

  /** A reading; as a CSV row its columns are in alphabetical order: at, sensorId, value. */
  public record Reading(String sensorId, double value, Instant at) {}

  static Reading messages() throws IOException {
    JsonSerializationSchema<Reading> toJson = new JsonSerializationSchema<>();
    JsonDeserializationSchema<Reading> fromJson =
        new JsonDeserializationSchema<>(Reading.class).withIgnoreParseErrors(); // skip and count bad messages
    byte[] json = toJson.serialize(new Reading("s1", 2.5, Instant.parse("2026-01-02T03:04:05Z")));

    CsvSerializationSchema<Reading> toCsv = CsvSerializationSchema.forPojo(Reading.class).withColumnSeparator(';');
    CsvDeserializationSchema<Reading> fromCsv = CsvDeserializationSchema.forPojo(Reading.class).withColumnSeparator(';');
    byte[] row = toCsv.serialize(fromJson.deserialize(json)); // "2026-01-02T03:04:05Z";"s1";2.5
    return fromCsv.deserialize(row);
  }

  static void textFiles(StreamExecutionEnvironment env, String in, String out) {
    DataStream<Reading> json = env.fromSource(
        FileSource.forRecordStreamFormat(new JsonLinesInputFormat<>(Reading.class), new Path(in, "json")).build(),
        WatermarkStrategy.noWatermarks(), "json lines");
    DataStream<Reading> csv = env.fromSource(
        FileSource.forRecordStreamFormat(CsvReaderFormat.forPojo(Reading.class).withIgnoreParseErrors(),
            new Path(in, "csv")).build(),
        WatermarkStrategy.noWatermarks(), "csv rows");
    DataStream<Reading> readings = json.union(csv);

    readings.sinkTo(FileSink.forRowFormat(new Path(out, "json"), new JsonLinesEncoder<Reading>()).build());
    readings.sinkTo(FileSink.forBulkFormat(new Path(out, "csv"), CsvBulkWriters.forPojo(Reading.class))
        .withBucketAssigner(FieldBucketAssigner.hiveStyle("sensor", Reading::sensorId)) // out/csv/sensor=s1/...
        .build());
  }

  static GenericRecord avroMessages(GenericRecord record) throws IOException {
    Schema schema = record.getSchema();
    byte[] message = AvroSerializationSchema.forGeneric(schema).serialize(record); // binary, no container
    return AvroDeserializationSchema.forGeneric(schema).deserialize(message);
  }

  static void avroAndParquetFiles(StreamExecutionEnvironment env, Schema schema, String in, String out) {
    DataStream<GenericRecord> records = env.fromSource(
        FileSource.forRecordStreamFormat(AvroReaders.forGenericRecord(schema), new Path(in, "avro")).build(),
        WatermarkStrategy.noWatermarks(), "avro files");
    DataStream<GenericRecord> fromParquet = env.fromSource(
        FileSource.forRecordStreamFormat(AvroParquetReaders.forGenericRecord(schema), new Path(in, "parquet")).build(),
        WatermarkStrategy.noWatermarks(), "parquet files");

    DataStream<GenericRecord> all = records.union(fromParquet)
        .filter(record -> record.get("id") != null)
        .returns(new GenericRecordAvroTypeInfo(schema)); // generic records need their schema to cross tasks

    all.sinkTo(FileSink.forBulkFormat(new Path(out, "parquet"), AvroParquetWriters.forGenericRecord(schema)).build());
    all.sinkTo(FileSink.forBulkFormat(new Path(out, "avro"), AvroWriters.forGenericRecord(schema).withCodec("deflate"))
        .build());
  }
}
