package io.spate.connectors.kafka.sink;

import io.spate.api.serialization.schema.SerializationSchema;
import java.io.Serializable;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns a record into the Kafka record the sink writes: topic, partition (or none, for the
 * producer's partitioner), key, value, timestamp and headers. {@link #builder()} builds one from a
 * topic (or selector) and serializers.
 *
 * @param <T> the record type
 */
public interface KafkaRecordSerializationSchema<T> extends Serializable {

  /** Prepares the schema once per parallel sink instance, before the first {@link #serialize}. */
  default void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext)
      throws Exception {}

  /**
   * The Kafka record to write for {@code element}, whose timestamp in the stream is {@code
   * timestamp} (null if it has none); null writes nothing for it.
   */
  ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp);

  /** A builder of the usual schema: a topic or topic selector, a value and optionally a key serializer. */
  static <T> KafkaRecordSerializationSchemaBuilder<T> builder() {
    return new KafkaRecordSerializationSchemaBuilder<>();
  }

  /** What a schema learns about the sink instance that uses it. */
  interface KafkaSinkContext {

    /** The 0-based index of the sink's parallel instance. */
    int getParallelInstanceId();

    /** The number of parallel instances of the sink. */
    int getNumberOfParallelInstances();

    /** The partition ids of {@code topic}, ascending; fails naming the topic if it does not exist. */
    int[] getPartitionsForTopic(String topic);
  }
}
