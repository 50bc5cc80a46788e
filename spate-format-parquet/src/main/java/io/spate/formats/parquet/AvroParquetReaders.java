package io.spate.formats.parquet;

import io.spate.formats.avro.AvroType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * Readers of Parquet files as Avro records for {@code FileSource.forRecordStreamFormat} (Flink's
 * {@code AvroParquetReaders}): the files {@link AvroParquetWriters} (or any Parquet tool) wrote, read
 * with the given schema, which may project a subset of the file's columns.
 */
public final class AvroParquetReaders {

  private AvroParquetReaders() {}

  /** Generic records of {@code schema}. */
  public static AvroParquetRecordFormat<GenericRecord> forGenericRecord(Schema schema) {
    return new AvroParquetRecordFormat<>(AvroType.generic(schema));
  }

  /** Records of {@code type}, a class Avro generated. */
  public static <T extends SpecificRecord> AvroParquetRecordFormat<T> forSpecificRecord(Class<T> type) {
    return new AvroParquetRecordFormat<>(AvroType.specific(type));
  }

  /** Records of the plain Java class {@code type}, with the schema Avro's reflection derives. */
  public static <T> AvroParquetRecordFormat<T> forReflectRecord(Class<T> type) {
    return new AvroParquetRecordFormat<>(AvroType.reflect(type));
  }
}
