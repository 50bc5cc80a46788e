package io.spate.formats.avro;

import io.spate.api.serialization.schema.SerializationSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes each record as one Avro message: its binary encoding alone, without a container file's
 * header or a schema registry's prefix (Flink's {@code AvroSerializationSchema}). The reader must know
 * the schema: {@link AvroDeserializationSchema} with the same one.
 *
 * @param <T> the record type
 */
public class AvroSerializationSchema<T> implements SerializationSchema<T> {

  private static final long serialVersionUID = 1L;

  private final AvroType<T> type;
  private transient DatumWriter<T> writer;
  private transient ByteArrayOutputStream buffer;
  private transient BinaryEncoder encoder;

  private AvroSerializationSchema(AvroType<T> type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  /** Generic records of {@code schema}. */
  public static AvroSerializationSchema<GenericRecord> forGeneric(Schema schema) {
    return new AvroSerializationSchema<>(AvroType.generic(schema));
  }

  /** Records of {@code tClass}, a class Avro generated. */
  public static <T extends SpecificRecord> AvroSerializationSchema<T> forSpecific(Class<T> tClass) {
    return new AvroSerializationSchema<>(AvroType.specific(tClass));
  }

  /** Records of the plain Java class {@code tClass}, with the schema Avro's reflection derives. */
  public static <T> AvroSerializationSchema<T> forReflect(Class<T> tClass) {
    return new AvroSerializationSchema<>(AvroType.reflect(tClass));
  }

  /** The schema records are written with. */
  public Schema getSchema() {
    return type.schema();
  }

  @Override
  public void open(InitializationContext context) {
    prepare();
  }

  @SuppressWarnings("unchecked")
  private void prepare() {
    writer = (DatumWriter<T>) type.data().createDatumWriter(type.schema());
    buffer = new ByteArrayOutputStream(256);
  }

  /**
   * The Avro binary encoding of {@code element}.
   *
   * @throws IllegalArgumentException naming the schema if the record does not fit it (a missing
   *     required field, a value of the wrong type)
   */
  @Override
  public byte[] serialize(T element) {
    if (writer == null) {
      prepare();
    }
    buffer.reset();
    encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
    try {
      writer.write(element, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (AvroRuntimeException | NullPointerException | ClassCastException e) {
      throw new IllegalArgumentException("Avro: the record " + element + " does not fit the schema of the "
          + type.describe() + ": " + e.getMessage(), e);
    }
    return buffer.toByteArray();
  }
}
