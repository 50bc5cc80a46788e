package io.spate.connectors.kafka.sink;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producers of one exactly-once writer: one per transaction at a time, each with the
 * transaction's own transactional id, prepared ({@code initTransactions}, a round trip to the
 * transaction coordinator) on a thread of its own while the previous transaction takes records, so
 * that the first record after a checkpoint barrier finds the next producer ready instead of waiting
 * for the brokers on the task's thread. One producer is prepared ahead, never more.
 *
 * <p>A producer whose transaction was committed comes back ({@link #recycle}) and serves a later
 * transaction under that transaction's new id ({@link ProducerInternals#reuseFor}): its
 * connections, metadata, buffers and I/O thread stay, where a new producer would open and warm up
 * everything again at every checkpoint. At most {@link #MAX_IDLE} wait for reuse; more are closed.
 */
final class TransactionalProducers implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TransactionalProducers.class);

  /**
   * Committed producers kept for later transactions. In the steady state one takes records, one
   * waits for its checkpoint to complete and one is prepared ahead, so the prepared one is almost
   * always a reused one; the second place covers a checkpoint that completes late.
   */
  static final int MAX_IDLE = 2;

  /** An initialized producer and its transactional id. */
  record Ready(String transactionalId, KafkaProducer<byte[], byte[]> producer) {}

  private final Properties producerConfig;
  private final TransactionalIds ids;
  private final int subtask;
  private final String warmTopic;
  private final ExecutorService thread;
  /** Taken by the preparing thread, given back by the committer on the task's thread. */
  private final BlockingQueue<KafkaProducer<byte[], byte[]>> idle = new ArrayBlockingQueue<>(MAX_IDLE);
  private final AtomicInteger created = new AtomicInteger();
  private final AtomicInteger reused = new AtomicInteger();
  /** Set by close(), with {@link #preparing} taken under this object's lock. */
  private volatile boolean closed;
  /**
   * The producer in {@code initTransactions} on the preparing thread, which close() closes to end its
   * wait for the brokers (null when none is). Guarded by this object's lock.
   */
  private KafkaProducer<byte[], byte[]> preparing;
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

  /** Starts preparing the next producer, unless one is prepared or being prepared already. */
  void prepareAhead() {
    if (next == null) {
      prepareNext();
    }
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

  /**
   * Takes back {@code producer}, whose transaction was committed, for a later transaction; closes it
   * if {@link #MAX_IDLE} wait already or the writer closed. Called on the task's thread.
   */
  void recycle(KafkaProducer<byte[], byte[]> producer) {
    if (closed || !idle.offer(producer)) {
      producer.close(Duration.ZERO);
      return;
    }
    // close() may have drained the queue between the check and the offer.
    if (closed && idle.remove(producer)) {
      producer.close(Duration.ZERO);
    }
  }

  /** How many producers were created, for tests. */
  int created() {
    return created.get();
  }

  /** How many transactions were begun on a reused producer, for tests. */
  int reused() {
    return reused.get();
  }

  private void prepareNext() {
    String transactionalId = ids.id(subtask, nextNumber++);
    next = CompletableFuture.supplyAsync(() -> initialized(transactionalId), thread);
  }

  private Ready initialized(String transactionalId) {
    if (closed) {
      throw writerClosed();
    }
    KafkaProducer<byte[], byte[]> idleProducer = idle.poll();
    if (idleProducer != null) {
      try {
        ProducerInternals.reuseFor(idleProducer, transactionalId);
        Ready ready = prepared(transactionalId, idleProducer, false);
        reused.incrementAndGet();
        return ready;
      } catch (KafkaException e) {
        // initTransactions of a new producer with the same id fences this one, should it have got that far.
        LOG.warn("KafkaSink subtask {}: a committed producer could not be reused for transaction {}; a new one"
            + " takes it", subtask, transactionalId, e);
      }
    }
    return newProducer(transactionalId);
  }

  private Ready newProducer(String transactionalId) {
    Properties props = new Properties();
    props.putAll(producerConfig);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    // Named after its first transaction; a reused producer keeps this client id (and the log prefix
    // kafka-clients derives from the first id), which only labels its metrics and logs.
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "spate-kafka-sink-" + transactionalId);
    KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props);
    created.incrementAndGet();
    try {
      return prepared(transactionalId, producer, warmTopic != null);
    } catch (KafkaException e) {
      throw new KafkaException("transaction " + transactionalId + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code initTransactions} of {@code producer} for {@code transactionalId} (and, if {@code warm},
   * looks up the warm topic) where close() can reach it: should the writer close meanwhile, close()
   * closes the producer, which ends its wait for the brokers, and this throws a
   * {@link CancellationException}. A producer that fails is closed.
   */
  private Ready prepared(String transactionalId, KafkaProducer<byte[], byte[]> producer, boolean warm) {
    synchronized (this) {
      if (closed) {
        producer.close(Duration.ZERO);
        throw writerClosed();
      }
      preparing = producer;
    }
    KafkaException failure = null;
    try {
      producer.initTransactions();
      if (warm) {
        producer.partitionsFor(warmTopic);
      }
    } catch (KafkaException e) {
      failure = e;
    }
    synchronized (this) {
      if (preparing != producer) {
        throw writerClosed(); // close() took the producer and closes it
      }
      preparing = null;
    }
    if (failure != null) {
      producer.close(Duration.ZERO);
      throw failure;
    }
    return new Ready(transactionalId, producer);
  }

  private CancellationException writerClosed() {
    return new CancellationException("KafkaSink: the writer of subtask " + subtask + " closed");
  }

  /**
   * Closes the producer prepared ahead and the idle ones (none holds a transaction) and stops the
   * thread: a producer still waiting for the brokers in {@code initTransactions} is closed, which ends
   * the wait, and close() returns once the thread has ended, so that no producer is created or
   * initialized after it.
   */
  @Override
  public void close() {
    KafkaProducer<byte[], byte[]> waiting;
    synchronized (this) {
      closed = true;
      waiting = preparing;
      preparing = null;
    }
    CompletableFuture<Ready> pending = next;
    next = null;
    thread.shutdown();
    if (waiting != null) {
      waiting.close(Duration.ZERO);
    }
    try {
      if (!thread.awaitTermination(KafkaCluster.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("KafkaSink subtask {}: the thread preparing producers did not end within {} s", subtask,
            KafkaCluster.TIMEOUT.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // The producer prepared ahead before close() began (none is prepared after), when it is ready.
    if (pending != null) {
      pending.thenAccept(ready -> ready.producer().close(Duration.ZERO));
    }
    KafkaProducer<byte[], byte[]> producer;
    while ((producer = idle.poll()) != null) {
      producer.close(Duration.ZERO);
    }
  }

}
