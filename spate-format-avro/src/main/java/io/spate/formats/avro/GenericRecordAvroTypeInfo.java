package io.spate.formats.avro;

import io.spate.api.serialization.SerializerConfig;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.TypeInformation;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * The type information of generic Avro records of one schema (Flink's name): their serializer writes
 * Avro's binary encoding, so a stream of {@link GenericRecord}s can cross task boundaries and live in
 * state. Give it to {@code returns(...)} after a function that creates generic records.
 */
public class GenericRecordAvroTypeInfo extends TypeInformation<GenericRecord> {

  private static final long serialVersionUID = 1L;

  private final AvroType<GenericRecord> type;

  /** The type information of generic records of {@code schema}. */
  public GenericRecordAvroTypeInfo(Schema schema) {
    this.type = AvroType.generic(schema);
  }

  /** The records' schema. */
  public Schema getSchema() {
    return type.schema();
  }

  @Override
  public Class<GenericRecord> getTypeClass() {
    return GenericRecord.class;
  }

  /** False: a record is not a basic type. */
  @Override
  public boolean isBasicType() {
    return false;
  }

  /** True: generic records compare by value, field by field. */
  @Override
  public boolean isKeyType() {
    return true;
  }

  @Override
  public TypeSerializer<GenericRecord> createSerializer(SerializerConfig config) {
    return new AvroSerializer<>(type);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GenericRecordAvroTypeInfo that && type.equals(that.type);
  }

  @Override
  public int hashCode() {
    return Objects.hash(GenericRecordAvroTypeInfo.class, type);
  }

  @Override
  public String toString() {
    return "GenericRecord(" + type.schema().getFullName() + ")";
  }
}
