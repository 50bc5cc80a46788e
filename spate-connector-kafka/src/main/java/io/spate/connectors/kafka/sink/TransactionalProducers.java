package io.spate.connectors.kafka.sink;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Makes the producers of one exactly-once writer, one per transaction, each initialized ({@code
 * initTransactions}, a round trip to the transaction coordinator) on a thread of its own while the
 * previous transaction takes records, so that a checkpoint barrier finds the next producer ready
 * instead of waiting for the brokers on the task's thread. One producer is prepared ahead, never more.
 */
final class TransactionalProducers implements AutoCloseable {

  /** An initialized producer and its transactional id. */
  record Ready(String transactionalId, KafkaProducer<byte[], byte[]> producer) {}

  private final Properties producerConfig;
  private final TransactionalIds ids;
  private final int subtask;
  private final String warmTopic;
  private final ExecutorService thread;
  private long nextNumber;
  private CompletableFuture<Ready> next;

  /**
   * Producers of subtask {@code subtask} numbered from {@code firstNumber} on; {@code warmTopic}, if
   * not null, is looked up by each new producer so that its first send need not wait for metadata.
   */
  TransactionalProducers(Properties producerConfig, TransactionalIds ids, int subtask, long firstNumber,
      String warmTopic) {
    this.producerConfig = producerConfig;
    this.ids = ids;
    this.subtask = subtask;
    this.nextNumber = firstNumber;
    this.warmTopic = warmTopic;
    this.thread = Executors.newSingleThreadExecutor(runnable -> {
      Thread t = new Thread(runnable, "spate-kafka-sink-producers (subtask " + subtask + ")");
      t.setDaemon(true);
      return t;
    });
  }

  /** The next initialized producer (waiting for it if it is not ready yet); prepares the one after it. */
  Ready take() {
    if (next == null) {
      prepareNext();
    }
    Ready ready;
    try {
      ready = next.get(KafkaCluster.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaSinkException("KafkaSink: interrupted while preparing a transaction (subtask " + subtask + ")", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new KafkaSinkException("KafkaSink: could not begin a transaction (subtask " + subtask + "): "
          + cause.getMessage(), cause);
    } catch (TimeoutException e) {
      throw new KafkaSinkException("KafkaSink: no transaction could be begun within " + KafkaCluster.TIMEOUT.toSeconds()
          + " s (subtask " + subtask + "): the transaction coordinator does not answer", e);
    } finally {
      next = null;
    }
    prepareNext();
    return ready;
  }

  private void prepareNext() {
    String transactionalId = ids.id(subtask, nextNumber++);
    next = CompletableFuture.supplyAsync(() -> initialized(transactionalId), thread);
  }

  private Ready initialized(String transactionalId) {
    Properties props = new Properties();
    props.putAll(producerConfig);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "spate-kafka-sink-" + transactionalId);
    KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props);
    try {
      producer.initTransactions();
      if (warmTopic != null) {
        producer.partitionsFor(warmTopic);
      }
      return new Ready(transactionalId, producer);
    } catch (KafkaException e) {
      producer.close(Duration.ZERO);
      throw new KafkaException("transaction " + transactionalId + ": " + e.getMessage(), e);
    }
  }

  /** Closes the producer prepared ahead (it holds no transaction) and stops the thread. */
  @Override
  public void close() {
    CompletableFuture<Ready> pending = next;
    next = null;
    thread.shutdown();
    if (pending != null) {
      pending.thenAccept(ready -> ready.producer().close(Duration.ZERO));
    }
  }
}
