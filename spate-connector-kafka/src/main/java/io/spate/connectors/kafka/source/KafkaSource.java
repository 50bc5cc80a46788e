package io.spate.connectors.kafka.source;

import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import io.spate.api.typeinfo.ResultTypeQueryable;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.connectors.kafka.source.enumerator.BrokerAccess;
import io.spate.connectors.kafka.source.enumerator.KafkaSourceEnumState;
import io.spate.connectors.kafka.source.enumerator.KafkaSourceEnumStateSerializer;
import io.spate.connectors.kafka.source.enumerator.KafkaSourceEnumerator;
import io.spate.connectors.kafka.source.enumerator.KafkaSubscriber;
import io.spate.connectors.kafka.source.enumerator.initializer.OffsetsInitializer;
import io.spate.connectors.kafka.source.reader.KafkaSourceReader;
import io.spate.connectors.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import io.spate.connectors.kafka.source.split.KafkaPartitionSplit;
import io.spate.connectors.kafka.source.split.KafkaPartitionSplitSerializer;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * A source of the records of Kafka topics, with one split per partition. Offsets are part of
 * checkpoints, so a restored job reads on exactly after the records it had emitted; with a group
 * id, the offsets of completed checkpoints are also committed to the group for monitoring. Record
 * timestamps are the records' event time, with watermarks generated per partition. Built with
 * {@link #builder()}.
 *
 * @param <OUT> the record type
 */
public final class KafkaSource<OUT>
    implements Source<OUT, KafkaPartitionSplit, KafkaSourceEnumState>, ResultTypeQueryable<OUT> {

  private static final long serialVersionUID = 1L;

  private final KafkaSubscriber subscriber;
  private final OffsetsInitializer startingOffsetsInitializer;
  private final OffsetsInitializer stoppingOffsetsInitializer;
  private final Boundedness boundedness;
  private final KafkaRecordDeserializationSchema<OUT> deserializationSchema;
  private final Properties props;

  KafkaSource(
      KafkaSubscriber subscriber,
      OffsetsInitializer startingOffsetsInitializer,
      OffsetsInitializer stoppingOffsetsInitializer,
      Boundedness boundedness,
      KafkaRecordDeserializationSchema<OUT> deserializationSchema,
      Properties props) {
    this.subscriber = subscriber;
    this.startingOffsetsInitializer = startingOffsetsInitializer;
    this.stoppingOffsetsInitializer = stoppingOffsetsInitializer;
    this.boundedness = boundedness;
    this.deserializationSchema = deserializationSchema;
    this.props = props;
  }

  /** Starts building a source; the record type is the deserializer's. */
  public static <OUT> KafkaSourceBuilder<OUT> builder() {
    return new KafkaSourceBuilder<>();
  }

  @Override
  public Boundedness getBoundedness() {
    return boundedness;
  }

  @Override
  public TypeInformation<OUT> getProducedType() {
    return deserializationSchema.getProducedType();
  }

  @Override
  public SourceReader<OUT, KafkaPartitionSplit> createReader(SourceReaderContext readerContext) {
    Properties consumer = new Properties();
    consumer.putAll(props);
    for (String name : new String[] {
        KafkaSourceOptions.CLIENT_ID_PREFIX.key(),
        KafkaSourceOptions.PARTITION_DISCOVERY_INTERVAL_MS.key(),
        KafkaSourceOptions.COMMIT_OFFSETS_ON_CHECKPOINT.key(),
        KafkaSourceOptions.REGISTER_CONSUMER_METRICS.key()}) {
      consumer.remove(name);
    }
    String prefix = KafkaSourceOptions.get(props, KafkaSourceOptions.CLIENT_ID_PREFIX, s -> s);
    consumer.setProperty(ConsumerConfig.CLIENT_ID_CONFIG, prefix + "-" + readerContext.getIndexOfSubtask());
    return new KafkaSourceReader<>(readerContext, consumer, deserializationSchema, commitsOffsetsOnCheckpoint(),
        KafkaSourceOptions.get(props, KafkaSourceOptions.REGISTER_CONSUMER_METRICS, Boolean::parseBoolean));
  }

  @Override
  public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> createEnumerator(
      SplitEnumeratorContext<KafkaPartitionSplit> enumContext) {
    return restoreEnumerator(enumContext, KafkaSourceEnumState.initial());
  }

  @Override
  public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> restoreEnumerator(
      SplitEnumeratorContext<KafkaPartitionSplit> enumContext, KafkaSourceEnumState checkpoint) {
    return new KafkaSourceEnumerator(subscriber, startingOffsetsInitializer, stoppingOffsetsInitializer,
        discoveryIntervalMillis(), new BrokerAccess(props), enumContext, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<KafkaPartitionSplit> getSplitSerializer() {
    return new KafkaPartitionSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<KafkaSourceEnumState> getEnumeratorCheckpointSerializer() {
    return new KafkaSourceEnumStateSerializer();
  }

  /** The consumer and source settings, as the builder completed them. */
  public Properties getConfiguration() {
    Properties copy = new Properties();
    copy.putAll(props);
    return copy;
  }

  long discoveryIntervalMillis() {
    return KafkaSourceOptions.get(props, KafkaSourceOptions.PARTITION_DISCOVERY_INTERVAL_MS, Long::parseLong);
  }

  boolean commitsOffsetsOnCheckpoint() {
    return props.getProperty(ConsumerConfig.GROUP_ID_CONFIG) != null
        && KafkaSourceOptions.get(props, KafkaSourceOptions.COMMIT_OFFSETS_ON_CHECKPOINT, Boolean::parseBoolean);
  }
}
