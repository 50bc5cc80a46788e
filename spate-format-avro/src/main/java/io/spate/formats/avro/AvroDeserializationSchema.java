package io.spate.formats.avro;

import io.spate.api.metrics.Counter;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.connectors.formats.MalformedRecords;
import java.io.IOException;
import java.util.Objects;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads each message as one record in Avro's binary encoding (Flink's {@code
 * AvroDeserializationSchema}), as {@link AvroSerializationSchema} writes it. A message that is not a
 * record of the schema (cut short, corrupt, or with bytes left over) fails the read with an {@link
 * IOException} naming the schema, the message's size and the reason (the Kafka source adds topic,
 * partition and offset); {@link #withIgnoreParseErrors()} skips such messages instead and counts them
 * as {@value MalformedRecords#METRIC_NAME} on the metric group {@link #open} is given.
 *
 * @param <T> the record type
 */
public class AvroDeserializationSchema<T> implements DeserializationSchema<T> {

  private static final long serialVersionUID = 1L;

  private final AvroType<T> type;
  private final boolean ignoreParseErrors;
  private transient DatumReader<T> reader;
  private transient BinaryDecoder decoder;
  private transient Counter malformedRecords;

  private AvroDeserializationSchema(AvroType<T> type, boolean ignoreParseErrors) {
    this.type = Objects.requireNonNull(type, "type");
    this.ignoreParseErrors = ignoreParseErrors;
  }

  /** Generic records of {@code schema}. */
  public static AvroDeserializationSchema<GenericRecord> forGeneric(Schema schema) {
    return new AvroDeserializationSchema<>(AvroType.generic(schema), false);
  }

  /** Records of {@code tClass}, a class Avro generated. */
  public static <T extends SpecificRecord> AvroDeserializationSchema<T> forSpecific(Class<T> tClass) {
    return new AvroDeserializationSchema<>(AvroType.specific(tClass), false);
  }

  /** Records of the plain Java class {@code tClass}, with the schema Avro's reflection derives. */
  public static <T> AvroDeserializationSchema<T> forReflect(Class<T> tClass) {
    return new AvroDeserializationSchema<>(AvroType.reflect(tClass), false);
  }

  /** This schema, skipping (and counting) malformed messages instead of failing on them. */
  public AvroDeserializationSchema<T> withIgnoreParseErrors() {
    return new AvroDeserializationSchema<>(type, true);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open(InitializationContext context) {
    reader = (DatumReader<T>) type.data().createDatumReader(type.schema());
    malformedRecords = MalformedRecords.counterOn(context == null ? null : context.getMetricGroup());
  }

  /**
   * The record in {@code message}, or null for a malformed message when ignoring parse errors.
   *
   * @throws IOException naming the schema and the reason, if not ignoring parse errors
   */
  @Override
  public T deserialize(byte[] message) throws IOException {
    if (reader == null) {
      open(null);
    }
    if (message == null) {
      return malformed("a null message (a tombstone?) holds no " + type.describe(), null);
    }
    decoder = DecoderFactory.get().binaryDecoder(message, decoder);
    T record;
    try {
      record = reader.read(null, decoder);
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
      return malformed("an Avro message of " + message.length + " bytes is not a " + type.describe() + ": " + e, e);
    }
    if (!decoder.isEnd()) {
      return malformed("an Avro message of " + message.length + " bytes holds more than one " + type.describe()
          + ": bytes are left over after the record (was it written with another schema?)", null);
    }
    return record;
  }

  private T malformed(String what, Exception cause) throws IOException {
    if (!ignoreParseErrors) {
      throw new IOException(what, cause);
    }
    malformedRecords.inc();
    return null;
  }

  /** Always false: an Avro stream does not end on a record. */
  @Override
  public boolean isEndOfStream(T nextElement) {
    return false;
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return type.typeInformation();
  }
}
