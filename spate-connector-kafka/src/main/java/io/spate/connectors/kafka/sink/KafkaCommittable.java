package io.spate.connectors.kafka.sink;

import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * A prepared Kafka transaction that a checkpoint covers: its transactional id, the producer id and
 * epoch that own it, and a topic it wrote to. Until it is committed or the job fails, it also holds
 * the producer that wrote it, which commits it directly and then goes back to its writer's pool for a
 * later transaction; after a restore, a new producer resumes it.
 */
public final class KafkaCommittable {

  private final String transactionalId;
  private final long producerId;
  private final short epoch;
  private final String topic;
  /** The producer that wrote the transaction, while this run still has it; never serialized. */
  private KafkaProducer<byte[], byte[]> producer;
  /** Where the producer goes once the transaction is committed; null after a restore. */
  private final TransactionalProducers pool;

  KafkaCommittable(String transactionalId, long producerId, short epoch, String topic,
      KafkaProducer<byte[], byte[]> producer, TransactionalProducers pool) {
    this.transactionalId = Objects.requireNonNull(transactionalId, "transactionalId");
    this.producerId = producerId;
    this.epoch = epoch;
    this.topic = Objects.requireNonNull(topic, "topic");
    this.producer = producer;
    this.pool = pool;
  }

  /** A transaction restored from a checkpoint, without a producer. */
  KafkaCommittable(String transactionalId, long producerId, short epoch, String topic) {
    this(transactionalId, producerId, epoch, topic, null, null);
  }

  /** The transaction's {@code transactional.id}. */
  public String transactionalId() {
    return transactionalId;
  }

  /** The producer id that owns the transaction. */
  public long producerId() {
    return producerId;
  }

  /** The producer epoch of the transaction. */
  public short epoch() {
    return epoch;
  }

  /** A topic the transaction wrote to. */
  public String topic() {
    return topic;
  }

  /** The producer that wrote the transaction, or null after a restore or once it was handed on. */
  KafkaProducer<byte[], byte[]> producer() {
    return producer;
  }

  /** Takes the producer away, so that exactly one owner closes it. */
  KafkaProducer<byte[], byte[]> takeProducer() {
    KafkaProducer<byte[], byte[]> taken = producer;
    producer = null;
    return taken;
  }

  /**
   * Hands {@code committedProducer}, taken from this committable and whose transaction is now
   * committed, back to the writer that prepared it, for a later transaction (or closes it).
   */
  void release(KafkaProducer<byte[], byte[]> committedProducer) {
    if (pool != null) {
      pool.recycle(committedProducer);
    } else {
      committedProducer.close(Duration.ZERO);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KafkaCommittable that && transactionalId.equals(that.transactionalId)
        && producerId == that.producerId && epoch == that.epoch && topic.equals(that.topic);
  }

  @Override
  public int hashCode() {
    return Objects.hash(transactionalId, producerId, epoch, topic);
  }

  @Override
  public String toString() {
    return "transaction " + transactionalId + " (producer id " + producerId + ", epoch " + epoch + ")";
  }
}
