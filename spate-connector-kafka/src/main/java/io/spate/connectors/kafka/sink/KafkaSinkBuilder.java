package io.spate.connectors.kafka.sink;

import io.spate.connectors.base.DeliveryGuarantee;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Builds a {@link KafkaSink}. Required: the brokers ({@link #setBootstrapServers}) and a record
 * serializer; for {@code EXACTLY_ONCE} also a transactional id prefix.
 *
 * <pre>{@code
 * KafkaSink<String> sink = KafkaSink.<String>builder()
 *     .setBootstrapServers("localhost:9092")
 *     .setRecordSerializer(KafkaRecordSerializationSchema.builder()
 *         .setTopic("events")
 *         .setValueSerializationSchema(new SimpleStringSchema())
 *         .build())
 *     .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
 *     .setTransactionalIdPrefix("events-job")
 *     .build();
 * }</pre>
 *
 * @param <IN> the record type
 */
public final class KafkaSinkBuilder<IN> {

  private final Properties producerConfig = new Properties();
  private DeliveryGuarantee deliveryGuarantee = DeliveryGuarantee.NONE;
  private String transactionalIdPrefix;
  private KafkaRecordSerializationSchema<IN> recordSerializer;

  KafkaSinkBuilder() {}

  /** The brokers to connect to first, as {@code host:port[,host:port...]}. */
  public KafkaSinkBuilder<IN> setBootstrapServers(String bootstrapServers) {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("KafkaSink: the bootstrap servers must not be null or blank");
    }
    return setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
  }

  /** How records become Kafka records. */
  public <T extends IN> KafkaSinkBuilder<T> setRecordSerializer(KafkaRecordSerializationSchema<T> recordSerializer) {
    // Nothing set so far depends on the record type, so the builder may narrow it.
    @SuppressWarnings("unchecked")
    KafkaSinkBuilder<T> self = (KafkaSinkBuilder<T>) this;
    self.recordSerializer = Objects.requireNonNull(recordSerializer, "recordSerializer");
    return self;
  }

  /** What the sink promises when the job fails and recovers; {@code NONE} by default, as in Flink. */
  public KafkaSinkBuilder<IN> setDeliveryGuarantee(DeliveryGuarantee deliveryGuarantee) {
    this.deliveryGuarantee = Objects.requireNonNull(deliveryGuarantee, "deliveryGuarantee");
    return this;
  }

  /**
   * The prefix of the sink's transactional ids ({@code <prefix>-<subtask>-<n>}), required for {@code
   * EXACTLY_ONCE}. It must be unique to the job among all jobs writing to the same brokers: a job
   * aborts open transactions of its prefix that it did not begin.
   */
  public KafkaSinkBuilder<IN> setTransactionalIdPrefix(String transactionalIdPrefix) {
    if (transactionalIdPrefix == null || transactionalIdPrefix.isBlank()) {
      throw new IllegalArgumentException("KafkaSink: the transactional id prefix must not be null or blank");
    }
    this.transactionalIdPrefix = transactionalIdPrefix;
    return this;
  }

  /** Adds every producer setting of {@code props} (the ones set later win). */
  public KafkaSinkBuilder<IN> setKafkaProducerConfig(Properties props) {
    Objects.requireNonNull(props, "props");
    for (String name : props.stringPropertyNames()) {
      setProperty(name, props.getProperty(name));
    }
    return this;
  }

  /** Sets one producer setting, for example {@code transaction.timeout.ms}. */
  public KafkaSinkBuilder<IN> setProperty(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value of " + key);
    producerConfig.setProperty(key, value);
    return this;
  }

  /** The sink; fails naming what is missing or contradictory. */
  public KafkaSink<IN> build() {
    if (producerConfig.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) == null) {
      throw new IllegalStateException("KafkaSink: no bootstrap servers; call setBootstrapServers before build()");
    }
    if (recordSerializer == null) {
      throw new IllegalStateException("KafkaSink: no record serializer; call setRecordSerializer before build()");
    }
    if (producerConfig.containsKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG)) {
      throw new IllegalStateException("KafkaSink: the producer setting transactional.id is the sink's own (one"
          + " per subtask and checkpoint); remove it and use setTransactionalIdPrefix with EXACTLY_ONCE");
    }
    if (producerConfig.containsKey(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG)) {
      TransactionTimeouts.parse(producerConfig.getProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG));
    }
    if (deliveryGuarantee == DeliveryGuarantee.EXACTLY_ONCE) {
      if (transactionalIdPrefix == null) {
        throw new IllegalStateException("KafkaSink: EXACTLY_ONCE needs a transactional id prefix unique to the job;"
            + " call setTransactionalIdPrefix before build()");
      }
      if ("false".equalsIgnoreCase(producerConfig.getProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG))) {
        throw new IllegalStateException("KafkaSink: EXACTLY_ONCE needs enable.idempotence, which is set to false");
      }
    }
    Properties config = new Properties();
    config.putAll(producerConfig);
    return new KafkaSink<>(deliveryGuarantee, config, transactionalIdPrefix, recordSerializer);
  }
}
