package io.spate.connectors.kafka.sink;

import io.spate.api.serialization.schema.SerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/** The schema that {@link KafkaRecordSerializationSchemaBuilder} builds. */
final class BuiltRecordSerializationSchema<IN> implements KafkaRecordSerializationSchema<IN> {

  private static final long serialVersionUID = 1L;

  private final String topic;
  private final TopicSelector<? super IN> topicSelector;
  private final FlinkKafkaPartitioner<? super IN> partitioner;
  private final HeaderProvider<? super IN> headerProvider;
  private final RecordSerializer<? super IN> keySerializer;
  private final RecordSerializer<? super IN> valueSerializer;

  BuiltRecordSerializationSchema(String topic, TopicSelector<? super IN> topicSelector,
      FlinkKafkaPartitioner<? super IN> partitioner, HeaderProvider<? super IN> headerProvider,
      RecordSerializer<? super IN> keySerializer, RecordSerializer<? super IN> valueSerializer) {
    this.topic = topic;
    this.topicSelector = topicSelector;
    this.partitioner = partitioner;
    this.headerProvider = headerProvider;
    this.keySerializer = keySerializer;
    this.valueSerializer = valueSerializer;
  }

  /** The one topic every record goes to, or null if a selector chooses it per record. */
  String fixedTopic() {
    return topic;
  }

  @Override
  public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) throws Exception {
    if (keySerializer != null) {
      keySerializer.open(context);
    }
    valueSerializer.open(context);
    if (keySerializer instanceof RecordSerializer.OfKafka<?> || valueSerializer instanceof RecordSerializer.OfKafka<?>) {
      context.getUserCodeClassLoader().registerReleaseHookIfAbsent("kafka-record-serializers", () -> {
        if (keySerializer != null) {
          keySerializer.close();
        }
        valueSerializer.close();
      });
    }
    if (partitioner != null) {
      partitioner.open(sinkContext.getParallelInstanceId(), sinkContext.getNumberOfParallelInstances());
    }
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(IN element, KafkaSinkContext context, Long timestamp) {
    String target = topic != null ? topic : topicSelector.apply(element);
    if (target == null || target.isBlank()) {
      throw new IllegalArgumentException("KafkaRecordSerializationSchema: the topic selector gave "
          + (target == null ? "null" : "a blank topic") + " for record " + element);
    }
    byte[] key = keySerializer == null ? null : keySerializer.serialize(target, element);
    byte[] value = valueSerializer.serialize(target, element);
    Integer partition = null;
    if (partitioner != null) {
      int[] partitions = context.getPartitionsForTopic(target);
      partition = partitioner.partition(element, key, value, target, partitions);
    }
    Headers headers = headerProvider == null ? null : headerProvider.getHeaders(element);
    // A negative timestamp (none, or before the epoch) is left to the producer, which stamps the send time.
    Long kafkaTimestamp = timestamp == null || timestamp < 0 ? null : timestamp;
    return new ProducerRecord<>(target, partition, kafkaTimestamp, key, value, headers);
  }
}
