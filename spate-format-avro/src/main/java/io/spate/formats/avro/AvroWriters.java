package io.spate.formats.avro;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * Bulk writers of Avro container files for {@code FileSink.forBulkFormat} (Flink's {@code
 * AvroWriters}): each part file is a complete container file (header with the schema, blocks of
 * records, sync markers), closed at every checkpoint, which {@link AvroReaders} and any Avro tool read.
 */
public final class AvroWriters {

  private AvroWriters() {}

  /** Container files of generic records of {@code schema}. */
  public static AvroWriterFactory<GenericRecord> forGenericRecord(Schema schema) {
    return new AvroWriterFactory<>(AvroType.generic(schema));
  }

  /** Container files of records of {@code type}, a class Avro generated. */
  public static <T extends SpecificRecord> AvroWriterFactory<T> forSpecificRecord(Class<T> type) {
    return new AvroWriterFactory<>(AvroType.specific(type));
  }

  /** Container files of the plain Java class {@code type}, with the schema Avro's reflection derives. */
  public static <T> AvroWriterFactory<T> forReflectRecord(Class<T> type) {
    return new AvroWriterFactory<>(AvroType.reflect(type));
  }
}
