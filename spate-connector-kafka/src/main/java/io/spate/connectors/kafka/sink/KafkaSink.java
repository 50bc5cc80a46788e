package io.spate.connectors.kafka.sink;

import io.spate.api.connector.sink.Committer;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.SupportsCommitter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.connectors.base.DeliveryGuarantee;
import java.io.IOException;
import java.util.Properties;

/**
 * Writes a stream into Kafka topics (Flink's {@code KafkaSink}): {@link KafkaSink#builder()} takes
 * the brokers, a {@link KafkaRecordSerializationSchema} and a {@link DeliveryGuarantee}.
 *
 * <ul>
 *   <li>{@code NONE} (the default, as in Flink): records are sent as they come; a failure may lose or
 *       repeat some.
 *   <li>{@code AT_LEAST_ONCE}: every checkpoint waits until Kafka acknowledged every
 *       record sent before it; a failure may repeat records, never lose one.
 *   <li>{@code EXACTLY_ONCE}: each subtask writes into one Kafka transaction per checkpoint, which is
 *       committed when the checkpoint completes, and again after a restore if the job failed before;
 *       {@code read_committed} consumers see every record once. Needs checkpointing and a
 *       transactional id prefix unique to the job.
 * </ul>
 *
 * @param <IN> the record type
 */
public final class KafkaSink<IN> implements Sink<IN>, SupportsCommitter<KafkaCommittable> {

  private static final long serialVersionUID = 1L;

  private final DeliveryGuarantee deliveryGuarantee;
  private final Properties producerConfig;
  private final String transactionalIdPrefix;
  private final KafkaRecordSerializationSchema<IN> recordSerializer;

  KafkaSink(DeliveryGuarantee deliveryGuarantee, Properties producerConfig, String transactionalIdPrefix,
      KafkaRecordSerializationSchema<IN> recordSerializer) {
    this.deliveryGuarantee = deliveryGuarantee;
    this.producerConfig = producerConfig;
    this.transactionalIdPrefix = transactionalIdPrefix;
    this.recordSerializer = recordSerializer;
  }

  /** A builder of a sink of {@code IN} records. */
  public static <IN> KafkaSinkBuilder<IN> builder() {
    return new KafkaSinkBuilder<>();
  }

  /** The sink's delivery guarantee. */
  public DeliveryGuarantee getDeliveryGuarantee() {
    return deliveryGuarantee;
  }

  /** The producer settings every producer of the sink starts from (a copy). */
  public Properties getKafkaProducerConfig() {
    Properties copy = new Properties();
    copy.putAll(producerConfig);
    return copy;
  }

  @Override
  public SinkWriter<IN> createWriter(WriterInitContext context) throws IOException {
    if (deliveryGuarantee == DeliveryGuarantee.EXACTLY_ONCE && !context.isCheckpointingEnabled()) {
      throw new IllegalStateException("KafkaSink with EXACTLY_ONCE commits its transactions when checkpoints"
          + " complete, but the job takes no checkpoints, so nothing would ever be visible: enable checkpointing"
          + " (env.enableCheckpointing(interval)) or choose AT_LEAST_ONCE or NONE.");
    }
    return new KafkaWriter<>(deliveryGuarantee, getKafkaProducerConfig(), transactionalIdPrefix, recordSerializer,
        context);
  }

  @Override
  public Committer<KafkaCommittable> createCommitter() {
    return new KafkaCommitter(getKafkaProducerConfig());
  }

  @Override
  public SimpleVersionedSerializer<KafkaCommittable> getCommittableSerializer() {
    return KafkaCommittableSerializer.INSTANCE;
  }

  @Override
  public String toString() {
    return "KafkaSink(" + deliveryGuarantee + ", " + producerConfig.get("bootstrap.servers")
        + (transactionalIdPrefix == null ? "" : ", transactional id prefix " + transactionalIdPrefix) + ")";
  }
}
