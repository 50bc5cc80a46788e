package io.spate.connectors.kafka.sink;

import io.spate.api.connector.sink.Committer;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidPidMappingException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the transactions of completed checkpoints: with the producer that wrote a transaction
 * while this run has it (which then goes back to its writer for a later transaction), else (after a
 * restore) with a new producer that resumes it through {@link ProducerInternals}. Committing a committed transaction again succeeds; a transaction the broker
 * aborted (it outlived {@code transaction.timeout.ms}, or something else took its id) fails the job
 * naming it, since its records are lost.
 */
final class KafkaCommitter implements Committer<KafkaCommittable> {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaCommitter.class);

  private final Properties producerConfig;
  private KafkaCluster cluster;

  KafkaCommitter(Properties producerConfig) {
    this.producerConfig = producerConfig;
  }

  @Override
  public void commit(Collection<KafkaCommittable> committables) throws IOException {
    for (KafkaCommittable committable : committables) {
      KafkaProducer<byte[], byte[]> producer = committable.takeProducer();
      if (producer != null) {
        commit(committable, producer);
      } else {
        recoveryCommit(committable);
      }
    }
  }

  private void commit(KafkaCommittable committable, KafkaProducer<byte[], byte[]> producer) throws IOException {
    boolean committed = false;
    try {
      producer.commitTransaction();
      committed = true;
    } catch (ProducerFencedException | InvalidProducerEpochException | InvalidTxnStateException e) {
      throw lost(committable, e);
    } catch (KafkaException e) {
      throw new IOException("KafkaSink: committing " + committable + " failed: " + e.getMessage(), e);
    } finally {
      if (committed) {
        committable.release(producer);
      } else {
        producer.close(Duration.ZERO);
      }
    }
  }

  private void recoveryCommit(KafkaCommittable committable) throws IOException {
    Properties props = new Properties();
    props.putAll(producerConfig);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, committable.transactionalId());
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "spate-kafka-sink-commit-" + committable.transactionalId());
    KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props);
    try {
      ProducerInternals.resumeTransaction(producer, committable.producerId(), committable.epoch(), committable.topic());
      producer.commitTransaction();
      LOG.info("KafkaSink: committed {} of a restored checkpoint", committable);
    } catch (InvalidPidMappingException | TransactionalIdNotFoundException e) {
      // The brokers forget a transactional id transactional.id.expiration.ms after its last
      // transaction ended (7 days by default); an open transaction is never forgotten, and one the
      // brokers aborted is remembered as aborted until then. So it ended long ago: committed, or
      // aborted after its timeout and reported by an earlier restore of this checkpoint.
      LOG.warn("KafkaSink: {} of a restored checkpoint is no longer known to the brokers"
          + " (transactional.id.expiration.ms passed since it ended): nothing to commit", committable);
    } catch (ProducerFencedException | InvalidProducerEpochException | InvalidTxnStateException e) {
      throw lost(committable, e);
    } catch (KafkaException e) {
      throw new IOException("KafkaSink: committing " + committable + " of a restored checkpoint failed: "
          + e.getMessage(), e);
    } finally {
      producer.close(Duration.ZERO);
    }
  }

  /** The error for a transaction that can no longer be committed, with what the brokers say of it. */
  private IOException lost(KafkaCommittable committable, KafkaException cause) {
    String state;
    try {
      if (cluster == null) {
        cluster = new KafkaCluster(producerConfig);
      }
      TransactionDescription description = cluster.describeTransaction(committable.transactionalId());
      state = "the brokers report it " + description.state() + " with producer id " + description.producerId()
          + " and epoch " + description.producerEpoch();
    } catch (RuntimeException e) {
      state = "the brokers could not describe it (" + e.getMessage() + ")";
    }
    return new IOException("KafkaSink: " + committable + " of a completed checkpoint can no longer be committed: "
        + cause.getMessage() + "; " + state + ". The brokers aborted it, most likely because it was open longer than"
        + " transaction.timeout.ms=" + producerConfig.getProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
            TransactionTimeouts.DEFAULT.toMillis() + " (the default, or the brokers' transaction.max.timeout.ms if less)")
        + " (which must cover the checkpoint interval and any time the job is down before it restarts). Its records"
        + " are not in Kafka.", cause);
  }

  @Override
  public void close() {
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
  }
}
