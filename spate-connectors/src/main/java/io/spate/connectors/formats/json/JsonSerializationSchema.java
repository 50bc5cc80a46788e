package io.spate.connectors.formats.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spate.api.functions.SerializableSupplier;
import io.spate.api.serialization.schema.SerializationSchema;
import java.util.Objects;

/**
 * Writes each record as one JSON value (UTF-8) with Jackson: records, POJOs, collections, maps and
 * nested types, {@code java.time} values as ISO-8601 text. A constructor takes a factory of the
 * {@link ObjectMapper} to use instead, as Flink's does (for naming strategies, modules, features).
 *
 * @param <T> the type of the serialized records
 */
public class JsonSerializationSchema<T> implements SerializationSchema<T> {

  private static final long serialVersionUID = 1L;

  private final SerializableSupplier<ObjectMapper> mapperFactory;
  private transient ObjectMapper mapper;

  /** A schema with the default mapper (Java-time module, dates as ISO-8601 text). */
  public JsonSerializationSchema() {
    this(DefaultJsonMapper::create);
  }

  /** A schema with the mapper {@code mapperFactory} creates, once per parallel instance. */
  public JsonSerializationSchema(SerializableSupplier<ObjectMapper> mapperFactory) {
    this.mapperFactory = Objects.requireNonNull(mapperFactory, "mapperFactory");
  }

  @Override
  public void open(InitializationContext context) {
    mapper = createMapper(mapperFactory);
  }

  /**
   * The JSON of {@code element}.
   *
   * @throws IllegalArgumentException naming the record's class if Jackson cannot write it
   */
  @Override
  public byte[] serialize(T element) {
    if (mapper == null) {
      mapper = createMapper(mapperFactory);
    }
    try {
      return mapper.writeValueAsBytes(element);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("JSON: cannot write a record of "
          + (element == null ? "null" : element.getClass().getName()) + ": " + e.getOriginalMessage(), e);
    }
  }

  static ObjectMapper createMapper(SerializableSupplier<ObjectMapper> mapperFactory) {
    ObjectMapper created = mapperFactory.get();
    if (created == null) {
      throw new IllegalStateException("JSON: the ObjectMapper factory " + mapperFactory + " returned null");
    }
    return created;
  }
}
