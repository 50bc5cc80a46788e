package io.spate.connectors.kafka.sink;

import io.spate.api.serialization.schema.SerializationSchema;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The key or value serializer of a built schema: a Spate {@link SerializationSchema}, or a Kafka
 * {@link Serializer} created from its class when the sink instance opens (Kafka's serializers are not
 * serializable).
 */
abstract class RecordSerializer<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  static <T> RecordSerializer<T> of(SerializationSchema<T> schema) {
    return new OfSchema<>(schema);
  }

  static <T> RecordSerializer<T> ofKafka(Class<? extends Serializer<? super T>> type, Map<String, String> config,
      boolean isKey) {
    return new OfKafka<>(type, config, isKey);
  }

  abstract void open(SerializationSchema.InitializationContext context) throws Exception;

  abstract byte[] serialize(String topic, T element);

  void close() {}

  private static final class OfSchema<T> extends RecordSerializer<T> {
    private static final long serialVersionUID = 1L;
    private final SerializationSchema<T> schema;

    OfSchema(SerializationSchema<T> schema) {
      this.schema = schema;
    }

    @Override
    void open(SerializationSchema.InitializationContext context) throws Exception {
      schema.open(context);
    }

    @Override
    byte[] serialize(String topic, T element) {
      return schema.serialize(element);
    }
  }

  static final class OfKafka<T> extends RecordSerializer<T> {
    private static final long serialVersionUID = 1L;
    private final Class<? extends Serializer<? super T>> type;
    private final Map<String, String> config;
    private final boolean isKey;
    private transient Serializer<? super T> serializer;

    OfKafka(Class<? extends Serializer<? super T>> type, Map<String, String> config, boolean isKey) {
      this.type = type;
      this.config = config;
      this.isKey = isKey;
    }

    @Override
    void open(SerializationSchema.InitializationContext context) {
      try {
        serializer = type.getDeclaredConstructor().newInstance();
      } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
        throw new IllegalArgumentException("KafkaRecordSerializationSchema: cannot create the Kafka "
            + (isKey ? "key" : "value") + " serializer " + type.getName() + ": it needs a public constructor"
            + " without arguments", e);
      } catch (InvocationTargetException e) {
        throw new IllegalArgumentException("KafkaRecordSerializationSchema: the constructor of the Kafka "
            + (isKey ? "key" : "value") + " serializer " + type.getName() + " failed: " + e.getCause(), e.getCause());
      }
      serializer.configure(config, isKey);
    }

    @Override
    byte[] serialize(String topic, T element) {
      return serializer.serialize(topic, element);
    }

    @Override
    void close() {
      if (serializer != null) {
        serializer.close();
      }
    }
  }
}
