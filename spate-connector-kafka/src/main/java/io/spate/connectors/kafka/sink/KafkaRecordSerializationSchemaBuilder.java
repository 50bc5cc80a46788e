package io.spate.connectors.kafka.sink;

import io.spate.api.serialization.schema.SerializationSchema;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Builds a {@link KafkaRecordSerializationSchema}: one topic ({@link #setTopic}) or a topic per
 * record ({@link #setTopicSelector}), a value serializer, and optionally a key serializer, a
 * partitioner and headers. The record's timestamp in the stream becomes the Kafka record's timestamp.
 *
 * @param <IN> the record type
 */
public final class KafkaRecordSerializationSchemaBuilder<IN> {

  private String topic;
  private TopicSelector<? super IN> topicSelector;
  private FlinkKafkaPartitioner<? super IN> partitioner;
  private HeaderProvider<? super IN> headerProvider;
  private RecordSerializer<? super IN> keySerializer;
  private RecordSerializer<? super IN> valueSerializer;

  KafkaRecordSerializationSchemaBuilder() {}

  /** Writes every record into {@code topic}. */
  public KafkaRecordSerializationSchemaBuilder<IN> setTopic(String topic) {
    checkUnset(this.topic == null && topicSelector == null, "the topic",
        "setTopic and setTopicSelector exclude each other, and each may be called once");
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("KafkaRecordSerializationSchema: the topic must not be null or blank");
    }
    this.topic = topic;
    return this;
  }

  /** Writes each record into the topic that {@code topicSelector} names for it. */
  public <T extends IN> KafkaRecordSerializationSchemaBuilder<T> setTopicSelector(TopicSelector<? super T> topicSelector) {
    checkUnset(this.topic == null && this.topicSelector == null, "the topic",
        "setTopic and setTopicSelector exclude each other, and each may be called once");
    KafkaRecordSerializationSchemaBuilder<T> self = self();
    self.topicSelector = Objects.requireNonNull(topicSelector, "topicSelector");
    return self;
  }

  /** Chooses each record's partition with {@code partitioner} instead of the producer's partitioner. */
  public <T extends IN> KafkaRecordSerializationSchemaBuilder<T> setPartitioner(FlinkKafkaPartitioner<? super T> partitioner) {
    checkUnset(this.partitioner == null, "the partitioner", "setPartitioner may be called once");
    KafkaRecordSerializationSchemaBuilder<T> self = self();
    self.partitioner = Objects.requireNonNull(partitioner, "partitioner");
    return self;
  }

  /** Writes the headers that {@code headerProvider} gives for each record. */
  public <T extends IN> KafkaRecordSerializationSchemaBuilder<T> setHeaderProvider(HeaderProvider<? super T> headerProvider) {
    checkUnset(this.headerProvider == null, "the header provider", "setHeaderProvider may be called once");
    KafkaRecordSerializationSchemaBuilder<T> self = self();
    self.headerProvider = Objects.requireNonNull(headerProvider, "headerProvider");
    return self;
  }

  /** Serializes each record's key with {@code keySerializationSchema}; without a key serializer, keys are null. */
  public <T extends IN> KafkaRecordSerializationSchemaBuilder<T> setKeySerializationSchema(
      SerializationSchema<? super T> keySerializationSchema) {
    checkUnset(keySerializer == null, "the key serializer",
        "setKeySerializationSchema and setKafkaKeySerializer exclude each other, and each may be called once");
    KafkaRecordSerializationSchemaBuilder<T> self = self();
    self.keySerializer = RecordSerializer.of(Objects.requireNonNull(keySerializationSchema, "keySerializationSchema"));
    return self;
  }

  /** Serializes each record's key with a Kafka {@link Serializer} of class {@code keySerializer}. */
  public <T extends IN> KafkaRecordSerializationSchemaBuilder<T> setKafkaKeySerializer(
      Class<? extends Serializer<? super T>> keySerializer) {
    return this.<T>setKafkaKeySerializer(keySerializer, Map.of());
  }

  /** As {@link #setKafkaKeySerializer(Class)}, configured with {@code configuration}. */
  public <T extends IN> KafkaRecordSerializationSchemaBuilder<T> setKafkaKeySerializer(
      Class<? extends Serializer<? super T>> keySerializer, Map<String, String> configuration) {
    checkUnset(this.keySerializer == null, "the key serializer",
        "setKeySerializationSchema and setKafkaKeySerializer exclude each other, and each may be called once");
    KafkaRecordSerializationSchemaBuilder<T> self = self();
    self.keySerializer = RecordSerializer.<T>ofKafka(Objects.requireNonNull(keySerializer, "keySerializer"),
        new HashMap<>(configuration), true);
    return self;
  }

  /** Serializes each record's value with {@code valueSerializationSchema}. */
  public <T extends IN> KafkaRecordSerializationSchemaBuilder<T> setValueSerializationSchema(
      SerializationSchema<T> valueSerializationSchema) {
    checkUnset(valueSerializer == null, "the value serializer",
        "setValueSerializationSchema and setKafkaValueSerializer exclude each other, and each may be called once");
    KafkaRecordSerializationSchemaBuilder<T> self = self();
    self.valueSerializer =
        RecordSerializer.of(Objects.requireNonNull(valueSerializationSchema, "valueSerializationSchema"));
    return self;
  }

  /** Serializes each record's value with a Kafka {@link Serializer} of class {@code valueSerializer}. */
  public <T extends IN> KafkaRecordSerializationSchemaBuilder<T> setKafkaValueSerializer(
      Class<? extends Serializer<? super T>> valueSerializer) {
    return this.<T>setKafkaValueSerializer(valueSerializer, Map.of());
  }

  /** As {@link #setKafkaValueSerializer(Class)}, configured with {@code configuration}. */
  public <T extends IN> KafkaRecordSerializationSchemaBuilder<T> setKafkaValueSerializer(
      Class<? extends Serializer<? super T>> valueSerializer, Map<String, String> configuration) {
    checkUnset(this.valueSerializer == null, "the value serializer",
        "setValueSerializationSchema and setKafkaValueSerializer exclude each other, and each may be called once");
    KafkaRecordSerializationSchemaBuilder<T> self = self();
    self.valueSerializer = RecordSerializer.<T>ofKafka(Objects.requireNonNull(valueSerializer, "valueSerializer"),
        new HashMap<>(configuration), false);
    return self;
  }

  /** The schema; fails if no topic (or selector) or no value serializer was set. */
  public KafkaRecordSerializationSchema<IN> build() {
    if (topic == null && topicSelector == null) {
      throw new IllegalStateException(
          "KafkaRecordSerializationSchema: no topic; call setTopic or setTopicSelector before build()");
    }
    if (valueSerializer == null) {
      throw new IllegalStateException("KafkaRecordSerializationSchema: no value serializer; call"
          + " setValueSerializationSchema or setKafkaValueSerializer before build()");
    }
    return new BuiltRecordSerializationSchema<>(topic, topicSelector, partitioner, headerProvider, keySerializer,
        valueSerializer);
  }

  /**
   * This builder as one of a subtype of records: what is set so far accepts any {@code IN}, so it
   * accepts a {@code T} too.
   */
  @SuppressWarnings("unchecked")
  private <T extends IN> KafkaRecordSerializationSchemaBuilder<T> self() {
    return (KafkaRecordSerializationSchemaBuilder<T>) this;
  }

  private static void checkUnset(boolean unset, String what, String rule) {
    if (!unset) {
      throw new IllegalStateException("KafkaRecordSerializationSchema: " + what + " is set already; " + rule);
    }
  }
}
