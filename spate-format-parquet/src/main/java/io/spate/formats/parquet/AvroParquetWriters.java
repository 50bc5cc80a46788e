package io.spate.formats.parquet;

import io.spate.formats.avro.AvroType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * Bulk writers of Parquet files of Avro records for {@code FileSink.forBulkFormat} (Flink's {@code
 * AvroParquetWriters}): each part file is a complete Parquet file, finished (footer written) at every
 * checkpoint, which {@link AvroParquetReaders} and any Parquet tool read.
 */
public final class AvroParquetWriters {

  private AvroParquetWriters() {}

  /** Parquet files of generic records of {@code schema}. */
  public static ParquetWriterFactory<GenericRecord> forGenericRecord(Schema schema) {
    return new ParquetWriterFactory<>(AvroType.generic(schema));
  }

  /** Parquet files of records of {@code type}, a class Avro generated. */
  public static <T extends SpecificRecord> ParquetWriterFactory<T> forSpecificRecord(Class<T> type) {
    return new ParquetWriterFactory<>(AvroType.specific(type));
  }

  /** Parquet files of the plain Java class {@code type}, with the schema Avro's reflection derives. */
  public static <T> ParquetWriterFactory<T> forReflectRecord(Class<T> type) {
    return new ParquetWriterFactory<>(AvroType.reflect(type));
  }
}
