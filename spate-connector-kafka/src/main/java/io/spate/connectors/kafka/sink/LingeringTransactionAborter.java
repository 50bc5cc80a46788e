package io.spate.connectors.kafka.sink;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aborts, on a thread of its own, the transactions of the sink's prefix that an earlier run left
 * open and no checkpoint will commit: those of subtask indices that map to this subtask ({@code
 * index % parallelism == subtask}, so that after a scale-down the indices that no longer exist are
 * covered too), except the ones this writer began.
 *
 * <p>It starts at the writer's first checkpoint barrier. The checkpoint coordinator triggers a
 * checkpoint only once every subtask runs, and a subtask runs only after it committed the
 * transactions of the checkpoint it restored; so every transaction still open of an earlier run is
 * one that no checkpoint holds. Aborting is what {@code initTransactions()} does to the open
 * transaction of its {@code transactional.id}.
 */
final class LingeringTransactionAborter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LingeringTransactionAborter.class);

  private final CompletableFuture<List<String>> done;
  private final Thread thread;

  private LingeringTransactionAborter(CompletableFuture<List<String>> done, Thread thread) {
    this.done = done;
    this.thread = thread;
  }

  static LingeringTransactionAborter start(TransactionalIds ids, int subtask, int parallelism, long firstOwnNumber,
      KafkaCluster cluster, Properties producerConfig) {
    CompletableFuture<List<String>> done = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        done.complete(abortLingering(ids, subtask, parallelism, firstOwnNumber, cluster, producerConfig));
      } catch (Throwable e) {
        done.completeExceptionally(e);
      }
    }, "spate-kafka-sink-abort-lingering (subtask " + subtask + ")");
    thread.setDaemon(true);
    thread.start();
    return new LingeringTransactionAborter(done, thread);
  }

  private static List<String> abortLingering(TransactionalIds ids, int subtask, int parallelism, long firstOwnNumber,
      KafkaCluster cluster, Properties producerConfig) {
    List<String> aborted = new ArrayList<>();
    for (TransactionListing listing : cluster.transactions(ids.pattern(), List.of(TransactionState.ONGOING))) {
      TransactionalIds.Parsed parsed = ids.parse(listing.transactionalId());
      if (parsed == null || parsed.subtask() % parallelism != subtask
          || parsed.subtask() == subtask && parsed.number() >= firstOwnNumber) {
        continue;
      }
      Properties props = new Properties();
      props.putAll(producerConfig);
      props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
      props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
      props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, listing.transactionalId());
      props.put(ProducerConfig.CLIENT_ID_CONFIG, "spate-kafka-sink-abort-" + listing.transactionalId());
      try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
        producer.initTransactions(); // bumps the epoch: the broker aborts the open transaction
      }
      LOG.info("KafkaSink subtask {}: aborted lingering transaction {} of an earlier run", subtask,
          listing.transactionalId());
      aborted.add(listing.transactionalId());
    }
    return aborted;
  }

  /** Throws the failure of the abort, if it failed. */
  void throwIfFailed() throws IOException {
    if (done.isCompletedExceptionally()) {
      try {
        done.join();
      } catch (RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        throw new IOException("KafkaSink: aborting the lingering transactions of an earlier run failed: "
            + cause.getMessage(), cause);
      }
    }
  }

  /** The transactions aborted, once done; waits at most {@code timeout}. */
  List<String> awaitAborted(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
    return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    if (!done.isDone()) {
      thread.interrupt();
      try {
        thread.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
