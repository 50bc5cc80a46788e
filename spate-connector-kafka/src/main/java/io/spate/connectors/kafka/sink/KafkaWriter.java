package io.spate.connectors.kafka.sink;

import io.spate.api.connector.sink.CommittingSinkWriter;
import io.spate.api.connector.sink.SupportsBackpressure;
import io.spate.api.connector.sink.SupportsFinalCheckpoint;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.util.UserCodeClassLoader;
import io.spate.connectors.base.DeliveryGuarantee;
import io.spate.connectors.kafka.metrics.KafkaClientMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.ProducerIdAndEpoch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer of one parallel instance of a {@link KafkaSink}. Sends are asynchronous: the
 * producer's callbacks count what is in flight and keep the first failure, which the next {@code
 * write} or {@code flush} throws. More than {@link #MAX_RECORDS_IN_FLIGHT} unacknowledged records
 * pause the task's input ({@link SupportsBackpressure}) rather than block it in {@code send}.
 *
 * <p>Exactly once: each transaction has a producer of its own, because a transaction that a
 * checkpoint prepared stays open, with its producer, until the checkpoint completes and the
 * committer commits it, while the next one already takes records. At each checkpoint barrier the
 * operator flushes the writer and asks for its committables: the open transaction, if it holds
 * records, is handed over, and the next transaction begins with the next record. Once committed, a
 * producer comes back to the writer's {@link TransactionalProducers} and serves a later transaction.
 */
final class KafkaWriter<IN>
    implements CommittingSinkWriter<IN, KafkaCommittable>, SupportsBackpressure, SupportsFinalCheckpoint {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaWriter.class);

  /** Unacknowledged records beyond which the writer asks the task to pause. */
  static final int MAX_RECORDS_IN_FLIGHT = 10_000;

  private static final CompletableFuture<Void> AVAILABLE = CompletableFuture.completedFuture(null);

  /** How long a writer closing after the end of its input waits for the aborts its final checkpoint began. */
  private static final Duration LINGERING_ABORT_WAIT = Duration.ofSeconds(30);

  private final DeliveryGuarantee guarantee;
  private final Properties producerConfig;
  private final KafkaRecordSerializationSchema<IN> schema;
  private final int subtask;
  private final int parallelism;
  private final KafkaCluster cluster;
  private final SinkContext sinkContext = new SinkContext();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicReference<KafkaSinkException> sendFailure = new AtomicReference<>();
  private volatile CompletableFuture<Void> available = AVAILABLE;

  /** Set for exactly once. */
  private final TransactionalIds ids;
  private long firstNumber;
  private TransactionalProducers producers;
  /** Committables handed to the committer whose producer it has not taken yet; closed with the writer. */
  private final List<KafkaCommittable> handedOver = new ArrayList<>();
  private LingeringTransactionAborter aborter;

  private KafkaProducer<byte[], byte[]> producer;
  private String transactionalId;
  private String firstTopic;
  private long recordsInTransaction;
  /** Set once the input ended: the last commit may come before any checkpoint barrier. */
  private boolean endOfInput;
  /** What the schema asked to run when the writer closes. */
  private final List<Runnable> releaseHooks = new ArrayList<>();
  /** The current producer's metrics as gauges, or null if {@value #REGISTER_PRODUCER_METRICS} is false. */
  private final KafkaClientMetrics producerMetrics;

  /** The producer property that turns the mirroring of the producer's metrics off when false. */
  static final String REGISTER_PRODUCER_METRICS = "register.producer.metrics";
  /** The writer's metric group of the producer's metrics, as Flink's. */
  static final String KAFKA_PRODUCER_METRIC_GROUP = "KafkaProducer";

  KafkaWriter(DeliveryGuarantee guarantee, Properties producerConfig, String transactionalIdPrefix,
      KafkaRecordSerializationSchema<IN> schema, WriterInitContext context) throws IOException {
    this.guarantee = guarantee;
    this.producerConfig = producerConfig;
    this.schema = schema;
    this.subtask = context.getSubtaskId();
    this.parallelism = context.getNumberOfParallelSubtasks();
    this.cluster = new KafkaCluster(producerConfig);
    this.ids = guarantee == DeliveryGuarantee.EXACTLY_ONCE ? new TransactionalIds(transactionalIdPrefix) : null;
    this.producerMetrics = Boolean.parseBoolean(producerConfig.getProperty(REGISTER_PRODUCER_METRICS, "true").trim())
        ? new KafkaClientMetrics(context.metricGroup().addGroup(KAFKA_PRODUCER_METRIC_GROUP))
        : null;
    boolean started = false;
    try {
      openSchema(context);
      if (schema instanceof BuiltRecordSerializationSchema<?> built && built.fixedTopic() != null) {
        cluster.partitionsFor(built.fixedTopic()); // an unknown topic fails the job here, at its start
      }
      if (ids != null) {
        TransactionTimeouts.check(producerConfig, cluster);
        firstNumber = highestNumberOfThisSubtask() + 1;
        String warmTopic = schema instanceof BuiltRecordSerializationSchema<?> built ? built.fixedTopic() : null;
        producers = new TransactionalProducers(producerConfig, ids, subtask, firstNumber, warmTopic);
        // The first transaction begins with the first record: its producer gets ready meanwhile,
        // while the rest of the task and its source start, instead of holding up this constructor.
        producers.prepareAhead();
      } else {
        producer = newProducer();
        followProducerMetrics();
      }
      started = true;
    } finally {
      if (!started) {
        closeQuietly();
      }
    }
  }

  private void openSchema(WriterInitContext context) throws IOException {
    try {
      schema.open(new SchemaContext(context.metricGroup(), releaseHooks), sinkContext);
    } catch (Exception e) {
      throw new IOException("KafkaSink: opening the record serialization schema " + schema + " failed: " + e, e);
    }
  }

  private long highestNumberOfThisSubtask() {
    long highest = 0;
    for (TransactionListing listing : cluster.transactions(ids.pattern(), List.of())) {
      TransactionalIds.Parsed parsed = ids.parse(listing.transactionalId());
      if (parsed != null && parsed.subtask() == subtask) {
        highest = Math.max(highest, parsed.number());
      }
    }
    return highest;
  }

  private KafkaProducer<byte[], byte[]> newProducer() {
    Properties props = new Properties();
    props.putAll(producerConfig);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "spate-kafka-sink-" + subtask);
    return new KafkaProducer<>(props);
  }

  /** Points the producer gauges at the current producer's metrics, registering those not seen before. */
  private void followProducerMetrics() {
    if (producerMetrics != null) {
      producerMetrics.update(producer.metrics());
    }
  }

  private void beginTransaction() {
    TransactionalProducers.Ready ready = producers.take();
    transactionalId = ready.transactionalId();
    producer = ready.producer();
    followProducerMetrics();
    try {
      producer.beginTransaction();
    } catch (KafkaException e) {
      throw new KafkaSinkException("KafkaSink: could not begin transaction " + transactionalId + " (subtask " + subtask
          + "): " + e.getMessage(), e);
    }
    firstTopic = null;
    recordsInTransaction = 0;
  }

  @Override
  public void write(IN element, Context context) throws IOException {
    throwIfSendFailed();
    ProducerRecord<byte[], byte[]> record = schema.serialize(element, sinkContext, context.timestamp());
    if (record == null) {
      return;
    }
    if (record.partition() == null) {
      cluster.partitionsFor(record.topic()); // an unknown topic fails here, not after max.block.ms in send
    }
    if (producer == null) {
      beginTransaction();
    }
    inFlight.incrementAndGet();
    try {
      producer.send(record, (metadata, error) -> acknowledged(record, metadata, error));
    } catch (KafkaException e) {
      inFlight.decrementAndGet();
      throw new IOException("KafkaSink: could not send a record to topic '" + record.topic() + "'"
          + (transactionalId == null ? "" : " in transaction " + transactionalId) + ": " + e.getMessage(), e);
    }
    if (firstTopic == null) {
      firstTopic = record.topic();
    }
    recordsInTransaction++;
  }

  /** Called on the producer's I/O thread. */
  private void acknowledged(ProducerRecord<byte[], byte[]> record, RecordMetadata metadata, Exception error) {
    if (error != null) {
      String where = "topic '" + record.topic() + "'"
          + (metadata != null && metadata.partition() >= 0 ? " partition " + metadata.partition() : "");
      sendFailure.compareAndSet(null, new KafkaSinkException("KafkaSink: writing a record to " + where + " failed"
          + (transactionalId == null ? "" : " in transaction " + transactionalId) + " (subtask " + subtask + "): "
          + error.getMessage(), error));
    }
    if (inFlight.decrementAndGet() < MAX_RECORDS_IN_FLIGHT) {
      available.complete(null);
    }
  }

  private void throwIfSendFailed() throws IOException {
    KafkaSinkException failure = sendFailure.get();
    if (failure != null) {
      throw new IOException(failure.getMessage(), failure.getCause());
    }
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    if (inFlight.get() < MAX_RECORDS_IN_FLIGHT || sendFailure.get() != null) {
      return AVAILABLE;
    }
    CompletableFuture<Void> current = available;
    if (current.isDone()) {
      current = new CompletableFuture<>();
      available = current;
    }
    // An acknowledgement between the check and the new future completed the old one: look again.
    if (inFlight.get() < MAX_RECORDS_IN_FLIGHT) {
      current.complete(null);
    }
    return current;
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    this.endOfInput |= endOfInput;
    if ((guarantee != DeliveryGuarantee.NONE || endOfInput) && producer != null) {
      try {
        producer.flush();
      } catch (KafkaException e) {
        throw new IOException("KafkaSink: flushing subtask " + subtask + " failed: " + e.getMessage(), e);
      }
      // The producer adds metrics as it goes (per topic after the first send): mirror new ones.
      if (producerMetrics != null) {
        producerMetrics.updateIfChanged(producer.metrics());
      }
    }
    throwIfSendFailed();
    if (aborter != null) {
      aborter.throwIfFailed();
    }
  }

  @Override
  public Collection<KafkaCommittable> prepareCommit() throws IOException {
    if (ids == null) {
      return List.of();
    }
    if (aborter == null && !endOfInput) {
      // A barrier reaches a subtask only once every subtask of the job runs, that is, once every
      // restored transaction is committed: from now on an old transaction still open is lingering.
      // The end of the input is no such moment: another subtask may still be committing.
      aborter = LingeringTransactionAborter.start(ids, subtask, parallelism, firstNumber, cluster, producerConfig);
    }
    handedOver.removeIf(committable -> committable.producer() == null);
    if (recordsInTransaction == 0) {
      return List.of(); // nothing to commit: no transaction, or one without records that goes on
    }
    ProducerIdAndEpoch idAndEpoch = ProducerInternals.producerIdAndEpoch(producer);
    KafkaCommittable committable =
        new KafkaCommittable(transactionalId, idAndEpoch.producerId, idAndEpoch.epoch, firstTopic, producer, producers);
    handedOver.add(committable);
    producer = null; // the next transaction begins with the next record
    firstTopic = null;
    recordsInTransaction = 0;
    return List.of(committable);
  }

  /**
   * The barrier of the final checkpoint passed, after the end of the input: as at any barrier, every
   * subtask of the job runs or has finished, so the transactions of earlier attempts still open are
   * lingering. A job that ends before its first periodic checkpoint aborts them here.
   */
  @Override
  public void onFinalCheckpointBarrier(long checkpointId) {
    if (ids != null && aborter == null) {
      aborter = LingeringTransactionAborter.start(ids, subtask, parallelism, firstNumber, cluster, producerConfig);
    }
  }

  private void awaitLingeringAborts() {
    try {
      aborter.awaitAborted(LINGERING_ABORT_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("KafkaSink subtask {}: the transactions an earlier run left open may stay open until they time out:"
          + " aborting them did not finish: {}", subtask, e.toString());
    }
  }

  /** The producers of the exactly-once writer (null for the other guarantees); for tests. */
  TransactionalProducers transactionalProducers() {
    return producers;
  }

  /** The aborter of lingering transactions, once the first checkpoint barrier started it; for tests. */
  LingeringTransactionAborter lingeringAborter() {
    return aborter;
  }

  @Override
  public void close() throws Exception {
    closeQuietly();
  }

  private void closeQuietly() {
    if (aborter != null) {
      if (endOfInput) {
        awaitLingeringAborts(); // started at the final checkpoint's barrier: the job ends right after
      }
      aborter.close();
    }
    if (producers != null) {
      producers.close();
    }
    if (producer != null) {
      // The open transaction is in no checkpoint: closing with time to spare aborts it at the brokers.
      // One that sent nothing is unknown to them, and kafka-clients 4.3.1 waits out the whole
      // timeout when it closes a producer whose begun transaction sent nothing: close at once.
      boolean emptyTransaction = ids != null && recordsInTransaction == 0;
      closeProducer(producer, emptyTransaction ? Duration.ZERO : Duration.ofSeconds(5));
      producer = null;
    }
    for (KafkaCommittable committable : handedOver) {
      KafkaProducer<byte[], byte[]> prepared = committable.takeProducer();
      if (prepared != null) {
        // A checkpoint may hold this transaction: closing at once leaves it open for a later commit.
        closeProducer(prepared, Duration.ZERO);
      }
    }
    handedOver.clear();
    cluster.close();
    for (Runnable hook : releaseHooks) {
      try {
        hook.run();
      } catch (RuntimeException e) {
        LOG.warn("KafkaSink subtask {}: a release hook of the record serialization schema failed", subtask, e);
      }
    }
    releaseHooks.clear();
  }

  private void closeProducer(KafkaProducer<byte[], byte[]> toClose, Duration timeout) {
    try {
      toClose.close(timeout);
    } catch (RuntimeException e) {
      LOG.warn("KafkaSink subtask {}: closing a producer failed", subtask, e);
    }
  }

  private final class SinkContext implements KafkaRecordSerializationSchema.KafkaSinkContext {
    @Override
    public int getParallelInstanceId() {
      return subtask;
    }

    @Override
    public int getNumberOfParallelInstances() {
      return parallelism;
    }

    @Override
    public int[] getPartitionsForTopic(String topic) {
      return cluster.partitionsFor(topic).clone();
    }
  }

  private static final class SchemaContext implements SerializationSchema.InitializationContext {
    private final MetricGroup metricGroup;
    private final List<Runnable> releaseHooks;
    private final List<String> hookNames = new ArrayList<>();

    SchemaContext(MetricGroup metricGroup, List<Runnable> releaseHooks) {
      this.metricGroup = metricGroup;
      this.releaseHooks = releaseHooks;
    }

    @Override
    public MetricGroup getMetricGroup() {
      return metricGroup;
    }

    @Override
    public UserCodeClassLoader getUserCodeClassLoader() {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      return new UserCodeClassLoader() {
        @Override
        public ClassLoader asClassLoader() {
          return loader;
        }

        @Override
        public void registerReleaseHookIfAbsent(String releaseHookName, Runnable releaseHook) {
          // The schema's instance ends with the writer: its hooks run when the writer closes.
          if (!hookNames.contains(releaseHookName)) {
            hookNames.add(releaseHookName);
            releaseHooks.add(releaseHook);
          }
        }
      };
    }
  }
}
