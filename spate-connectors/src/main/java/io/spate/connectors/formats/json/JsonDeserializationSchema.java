package io.spate.connectors.formats.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.spate.api.functions.SerializableSupplier;
import io.spate.api.metrics.Counter;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.connectors.formats.MalformedRecords;
import java.io.IOException;
import java.util.Objects;

/**
 * Reads each message as one JSON value (UTF-8) into a record, POJO or other type Jackson can bind,
 * nested types and {@code java.time} values included. A message that is not JSON of the type fails
 * the read with an {@link IOException} saying what could not be parsed (the Kafka source adds topic,
 * partition and offset); {@link #withIgnoreParseErrors()} skips such messages instead and counts them
 * as {@value MalformedRecords#METRIC_NAME} on the metric group {@link #open} is given. A null message
 * (a Kafka tombstone) and the JSON {@code null} are malformed too: neither holds a record.
 *
 * @param <T> the type of the produced records
 */
public class JsonDeserializationSchema<T> implements DeserializationSchema<T> {

  private static final long serialVersionUID = 1L;

  private final TypeInformation<T> type;
  private final SerializableSupplier<ObjectMapper> mapperFactory;
  private final boolean ignoreParseErrors;
  private transient ObjectReader reader;
  private transient Counter malformedRecords;

  /** Records of {@code clazz}, read with the default mapper. */
  public JsonDeserializationSchema(Class<T> clazz) {
    this(TypeInformation.of(Objects.requireNonNull(clazz, "clazz")));
  }

  /** Records of {@code typeInfo}'s class, read with the default mapper. */
  public JsonDeserializationSchema(TypeInformation<T> typeInfo) {
    this(typeInfo, DefaultJsonMapper::create);
  }

  /** Records of {@code clazz}, read with the mapper {@code mapperFactory} creates. */
  public JsonDeserializationSchema(Class<T> clazz, SerializableSupplier<ObjectMapper> mapperFactory) {
    this(TypeInformation.of(Objects.requireNonNull(clazz, "clazz")), mapperFactory);
  }

  /** Records of {@code typeInfo}'s class, read with the mapper {@code mapperFactory} creates. */
  public JsonDeserializationSchema(TypeInformation<T> typeInfo, SerializableSupplier<ObjectMapper> mapperFactory) {
    this(typeInfo, mapperFactory, false);
  }

  private JsonDeserializationSchema(TypeInformation<T> type, SerializableSupplier<ObjectMapper> mapperFactory,
      boolean ignoreParseErrors) {
    this.type = Objects.requireNonNull(type, "typeInfo");
    this.mapperFactory = Objects.requireNonNull(mapperFactory, "mapperFactory");
    this.ignoreParseErrors = ignoreParseErrors;
  }

  /** This schema, skipping (and counting) malformed messages instead of failing on them. */
  public JsonDeserializationSchema<T> withIgnoreParseErrors() {
    return new JsonDeserializationSchema<>(type, mapperFactory, true);
  }

  /** Whether malformed messages are skipped rather than failing the read. */
  public boolean isIgnoreParseErrors() {
    return ignoreParseErrors;
  }

  @Override
  public void open(InitializationContext context) {
    reader = JsonSerializationSchema.createMapper(mapperFactory).readerFor(type.getTypeClass());
    malformedRecords = MalformedRecords.counterOn(context == null ? null : context.getMetricGroup());
  }

  /**
   * The record in {@code message}, or null for a malformed message when ignoring parse errors.
   *
   * @throws IOException saying what could not be parsed, if not ignoring parse errors
   */
  @Override
  public T deserialize(byte[] message) throws IOException {
    if (reader == null) {
      open(null);
    }
    if (message == null) {
      return malformed("a null message (a tombstone?) holds no JSON value of " + type.getTypeClass().getName(), null);
    }
    T record;
    try {
      record = reader.readValue(message);
    } catch (JsonProcessingException e) {
      return malformed("a JSON message of " + message.length + " bytes is not a valid "
          + type.getTypeClass().getName() + ": " + JsonParseErrors.reason(e, true) + "; the message: "
          + JsonParseErrors.quote(message), e);
    }
    if (record == null) {
      return malformed("the JSON message " + JsonParseErrors.quote(message) + " is null, not a "
          + type.getTypeClass().getName(), null);
    }
    return record;
  }

  private T malformed(String what, Exception cause) throws IOException {
    if (ignoreParseErrors) {
      malformedRecords.inc();
      return null;
    }
    throw new IOException(what, cause);
  }

  /** Always false: a JSON stream does not end on a record. */
  @Override
  public boolean isEndOfStream(T nextElement) {
    return false;
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return type;
  }
}
