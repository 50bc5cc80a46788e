package io.spate.connectors.kafka.source.reader.deserializer;

import io.spate.api.functions.Collector;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.typeinfo.TypeInformation;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads the value of each Kafka record with an instance of a Kafka {@link Deserializer} class. */
final class KafkaValueOnlyDeserializerWrapper<T> implements KafkaRecordDeserializationSchema<T> {

  private static final long serialVersionUID = 1L;

  private final Class<? extends Deserializer<T>> deserializerClass;
  private final HashMap<String, String> config;
  private transient Deserializer<T> deserializer;

  KafkaValueOnlyDeserializerWrapper(Class<? extends Deserializer<T>> deserializerClass, Map<String, String> config) {
    this.deserializerClass = Objects.requireNonNull(deserializerClass, "valueDeserializerClass");
    this.config = new HashMap<>(Objects.requireNonNull(config, "config"));
  }

  @Override
  public void open(DeserializationSchema.InitializationContext context) throws Exception {
    try {
      deserializer = deserializerClass.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("Kafka source: cannot create the value deserializer "
          + deserializerClass.getName() + " through its public no-argument constructor: " + e, e);
    }
    deserializer.configure(config, false);
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) throws IOException {
    if (deserializer == null) {
      throw new IllegalStateException("Kafka source: the value deserializer was used before open()");
    }
    T value = deserializer.deserialize(record.topic(), record.headers(), record.value());
    if (value != null) {
      out.collect(value);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public TypeInformation<T> getProducedType() {
    Class<?> produced = producedClass(deserializerClass);
    if (produced == null) {
      throw new IllegalArgumentException("Kafka source: cannot tell what type " + deserializerClass.getName()
          + " produces (its Deserializer type argument is not a class); use setDeserializer with a "
          + "KafkaRecordDeserializationSchema that names its type");
    }
    return (TypeInformation<T>) TypeInformation.of(produced);
  }

  /** The class {@code type} gives as the type argument of {@link Deserializer}, searching its supertypes. */
  private static Class<?> producedClass(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Type itf : c.getGenericInterfaces()) {
        if (itf instanceof ParameterizedType p && p.getRawType() == Deserializer.class) {
          Type arg = p.getActualTypeArguments()[0];
          return arg instanceof Class<?> cls ? cls
              : arg instanceof ParameterizedType pa && pa.getRawType() instanceof Class<?> raw ? raw : null;
        }
      }
    }
    return null;
  }
}
