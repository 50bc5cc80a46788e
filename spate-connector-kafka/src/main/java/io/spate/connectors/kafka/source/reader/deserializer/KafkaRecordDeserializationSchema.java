package io.spate.connectors.kafka.source.reader.deserializer;

import io.spate.api.functions.Collector;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.typeinfo.ResultTypeQueryable;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns a Kafka record (key, value, headers, topic, partition, offset, timestamp) into the records of
 * a {@code KafkaSource}: none, one or several per Kafka record. An exception fails the job with the
 * record's topic, partition and offset; a record to skip simply emits nothing.
 *
 * @param <T> the type of the produced records
 */
public interface KafkaRecordDeserializationSchema<T> extends Serializable, ResultTypeQueryable<T> {

  /** Prepares the schema once per reader, before the first record. */
  default void open(DeserializationSchema.InitializationContext context) throws Exception {}

  /** Emits the records that {@code record} holds to {@code out}. */
  void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) throws IOException;

  /**
   * A schema that reads each record's value with {@code valueDeserializationSchema}; a null from it
   * skips the record.
   */
  static <V> KafkaRecordDeserializationSchema<V> valueOnly(DeserializationSchema<V> valueDeserializationSchema) {
    return new KafkaValueOnlyDeserializationSchemaWrapper<>(valueDeserializationSchema);
  }

  /** A schema that reads each record's value with a new instance of Kafka's {@code valueDeserializerClass}. */
  static <V> KafkaRecordDeserializationSchema<V> valueOnly(
      Class<? extends Deserializer<V>> valueDeserializerClass) {
    return valueOnly(valueDeserializerClass, Map.of());
  }

  /**
   * A schema that reads each record's value with a new instance of Kafka's {@code
   * valueDeserializerClass}, configured with {@code config}.
   */
  static <V, D extends Deserializer<V>> KafkaRecordDeserializationSchema<V> valueOnly(
      Class<D> valueDeserializerClass, Map<String, String> config) {
    return new KafkaValueOnlyDeserializerWrapper<>(valueDeserializerClass, config);
  }
}
