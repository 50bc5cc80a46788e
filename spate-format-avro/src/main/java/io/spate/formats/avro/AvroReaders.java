package io.spate.formats.avro;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * Readers of Avro container files for {@code FileSource.forRecordStreamFormat}: the files {@link
 * AvroWriters} (or any Avro tool) wrote. Each file's records are read with the schema its header holds
 * and resolved to the reader's schema, so files written with an older compatible schema read as well.
 */
public final class AvroReaders {

  private AvroReaders() {}

  /** Generic records, read with {@code schema} (resolved from each file's schema). */
  public static AvroFileFormat<GenericRecord> forGenericRecord(Schema schema) {
    return new AvroFileFormat<>(AvroType.generic(schema));
  }

  /** Records of {@code type}, a class Avro generated. */
  public static <T extends SpecificRecord> AvroFileFormat<T> forSpecificRecord(Class<T> type) {
    return new AvroFileFormat<>(AvroType.specific(type));
  }

  /** Records of the plain Java class {@code type}, with the schema Avro's reflection derives. */
  public static <T> AvroFileFormat<T> forReflectRecord(Class<T> type) {
    return new AvroFileFormat<>(AvroType.reflect(type));
  }
}
