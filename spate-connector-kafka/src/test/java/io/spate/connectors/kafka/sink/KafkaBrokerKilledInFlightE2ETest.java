package io.spate.connectors.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobStatus;
import io.spate.api.common.RestartStrategies;
import io.spate.api.connector.sink.Committer;
import io.spate.api.connector.sink.CommittingSinkWriter;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.SupportsBackpressure;
import io.spate.api.connector.sink.SupportsCommitter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.serialization.schema.SimpleStringSchema;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.base.DeliveryGuarantee;
import io.spate.connectors.kafka.source.KafkaSource;
import io.spate.connectors.kafka.source.enumerator.initializer.OffsetsInitializer;
import io.spate.connectors.kafka.testing.KafkaBrokerProcess;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.connectors.kafka.testing.SharedKafkaBrokerProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * As {@link KafkaBrokerRestartE2ETest}, but the broker is killed (SIGKILL) at a chosen point of the
 * sink's work instead of at a moment chosen by the test's clock, from inside the job ({@link KillPoint}):
 * around a commit, after a send, while the producer of the next transaction is being initialized, or
 * before a commit that then gives up and fails the job, whose restored attempt commits the transaction.
 * The broker comes back a few seconds later; a {@code read_committed} consumer must then see every
 * record once, in each key's order. Should the broker itself have lost a commit of the job as it started
 * again (see {@link KafkaBrokerProcess#transactionsLostByTheBroker}), the test is aborted naming it as soon as
 * that shows.
 */
@Tag("fault-injection")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
@ExtendWith(SharedKafkaBrokerProcess.class)
@ResourceLock(SharedKafkaBrokerProcess.LOCK)
class KafkaBrokerKilledInFlightE2ETest {

  private static final int PARTITIONS = 3;
  private static final int RECORDS = 6_000;
  private static final int CHUNK = 60;
  private static final Duration WAIT = Duration.ofSeconds(90);
  /** The kill comes at this call (commit, send or transaction) of the job: after some output is committed. */
  private static final int KILL_AT = 6;

  /** Where in the sink's work the broker is killed, and for how long it stays away. */
  enum KillPoint {
    BEFORE_COMMIT(3),
    /** Right after a commit returned: the coordinator may still be writing the transaction's markers. */
    AFTER_COMMIT(3),
    AFTER_A_SEND(3),
    /** Right after the first record of a transaction: the producer of the next one is being initialized. */
    WHILE_NEXT_PRODUCER_INITIALIZES(3),
    /**
     * Longer than the commit waits for the brokers ({@code max.block.ms} of 2 s here): the commit fails,
     * the job restarts and the restored attempt commits the transaction.
     */
    BEFORE_COMMIT_THAT_TIMES_OUT(5, 2_000);

    final int outageSeconds;
    /** The sink's {@code max.block.ms}, or 0 for Kafka's default. */
    final int maxBlockMs;

    KillPoint(int outageSeconds) {
      this(outageSeconds, 0);
    }

    KillPoint(int outageSeconds, int maxBlockMs) {
      this.outageSeconds = outageSeconds;
      this.maxBlockMs = maxBlockMs;
    }
  }

  private static KafkaBrokerProcess broker;
  /** Per run: counts the calls that lead up to the kill, and is counted down once the broker was killed. */
  private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
  private static final Map<String, CountDownLatch> KILLED = new ConcurrentHashMap<>();

  @BeforeAll
  static void useBroker(KafkaBrokerProcess shared) {
    broker = shared;
  }

  /** Kills the broker at the {@link #KILL_AT}-th call of run {@code run}, on the caller's (the job's) thread. */
  private static void countAndMaybeKill(String run) {
    if (CALLS.get(run).incrementAndGet() == KILL_AT) {
      broker.kill();
      KILLED.get(run).countDown();
    }
  }

  @ParameterizedTest
  @EnumSource(KillPoint.class)
  void everyRecordIsCommittedOnceAndNoTransactionStaysOpen(KillPoint point) throws Exception {
    String run = "killed-" + point.name().toLowerCase().replace('_', '-');
    CALLS.put(run, new AtomicInteger());
    KILLED.put(run, new CountDownLatch(1));
    broker.createTopic(run + "-in", PARTITIONS);
    broker.createTopic(run + "-out", PARTITIONS);
    AtomicInteger written = new AtomicInteger();
    AtomicReference<Throwable> writerFailure = new AtomicReference<>();
    Thread writer = KafkaTestBroker.sequenceWriter(broker.bootstrapServers(), run + "-in", RECORDS, CHUNK,
        value -> (int) (value % SequencedKeysJob.KEYS % PARTITIONS), written, writerFailure);

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(PARTITIONS);
    env.enableCheckpointing(300);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(30, Duration.ofMillis(500)));
    KafkaSource<String> source = KafkaSource.<String>builder()
        .setBootstrapServers(broker.bootstrapServers())
        .setTopics(run + "-in")
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setValueOnlyDeserializer(new SimpleStringSchema())
        .build();
    KafkaSinkBuilder<String> sinkBuilder = KafkaSink.<String>builder()
        .setBootstrapServers(broker.bootstrapServers())
        .setRecordSerializer(point == KillPoint.AFTER_A_SEND
            ? new KillAfterASendSchema(run, run + "-out")
            : keyedRecords(run + "-out"))
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(run);
    if (point.maxBlockMs > 0) {
      sinkBuilder.setProperty("max.block.ms", Integer.toString(point.maxBlockMs));
    }
    KafkaSink<String> kafkaSink = sinkBuilder.build();
    Sink<String> sink = switch (point) {
      case AFTER_A_SEND -> kafkaSink;
      case WHILE_NEXT_PRODUCER_INITIALIZES -> new KillingSink(kafkaSink, run, Moment.AFTER_FIRST_RECORD);
      case BEFORE_COMMIT, BEFORE_COMMIT_THAT_TIMES_OUT -> new KillingSink(kafkaSink, run, Moment.BEFORE_COMMIT);
      case AFTER_COMMIT -> new KillingSink(kafkaSink, run, Moment.AFTER_COMMIT);
    };
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "input").uid("input")
        .map(Long::valueOf, Types.LONG).uid("parse")
        .keyBy(value -> value % SequencedKeysJob.KEYS, Types.LONG)
        .process(new SequencedKeysJob.NumberPerKey()).uid("number-per-key")
        .sinkTo(sink).uid("kafka");
    writer.start();
    JobClient client = env.executeAsync(run);
    try {
      assertThat(KILLED.get(run).await(WAIT.toSeconds(), TimeUnit.SECONDS))
          .as("the job reached the kill point (%s calls)", CALLS.get(run).get()).isTrue();
      LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(point.outageSeconds)); // the broker stays away: that is the test
      broker.restart();

      writer.join(TimeUnit.SECONDS.toMillis(60));
      assertThat(writerFailure.get()).as("the input writer's failure").isNull();
      assertThat(written.get()).isEqualTo(RECORDS);
      KafkaBrokerRestartE2ETest.awaitEveryRecordCommittedOnce(broker, run + "-out", PARTITIONS, RECORDS, run, client);
      assertThat(client.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);
    } finally {
      client.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  private static KafkaRecordSerializationSchema<String> keyedRecords(String topic) {
    return KafkaRecordSerializationSchema.<String>builder()
        .setTopic(topic)
        .setKeySerializationSchema((String line) -> key(line))
        .setValueSerializationSchema(new SimpleStringSchema())
        .build();
  }

  /** The key of an output line "key,n,value". */
  private static byte[] key(String line) {
    return line.substring(0, line.indexOf(',')).getBytes(StandardCharsets.UTF_8);
  }

  /** When a {@link KillingSink} kills the broker. */
  enum Moment {
    BEFORE_COMMIT,
    AFTER_COMMIT,
    AFTER_FIRST_RECORD
  }

  /**
   * The Kafka sink, killing the broker at the {@link #KILL_AT}-th time either right before its committer
   * commits, or right after its writer wrote the first record of a transaction (which starts the
   * initialization of the producer for the transaction after it).
   */
  static final class KillingSink implements Sink<String>, SupportsCommitter<KafkaCommittable> {
    private static final long serialVersionUID = 1L;
    private final KafkaSink<String> delegate;
    private final String run;
    private final Moment moment;

    KillingSink(KafkaSink<String> delegate, String run, Moment moment) {
      this.delegate = delegate;
      this.run = run;
      this.moment = moment;
    }

    @Override
    @SuppressWarnings("unchecked")
    public SinkWriter<String> createWriter(WriterInitContext context) throws IOException {
      SinkWriter<String> writer = delegate.createWriter(context);
      return moment == Moment.AFTER_FIRST_RECORD ? new KillingWriter((KafkaWriter<String>) writer, run) : writer;
    }

    @Override
    public Committer<KafkaCommittable> createCommitter() {
      Committer<KafkaCommittable> committer = delegate.createCommitter();
      return new Committer<>() {
        @Override
        public void commit(Collection<KafkaCommittable> committables) throws IOException, InterruptedException {
          if (moment == Moment.BEFORE_COMMIT && !committables.isEmpty()) {
            countAndMaybeKill(run);
          }
          committer.commit(committables);
          if (moment == Moment.AFTER_COMMIT && !committables.isEmpty()) {
            countAndMaybeKill(run);
          }
        }

        @Override
        public void close() throws Exception {
          committer.close();
        }
      };
    }

    @Override
    public SimpleVersionedSerializer<KafkaCommittable> getCommittableSerializer() {
      return delegate.getCommittableSerializer();
    }
  }

  /** The Kafka writer, counting (and at the {@link #KILL_AT}-th, killing) after each first record of a transaction. */
  static final class KillingWriter
      implements CommittingSinkWriter<String, KafkaCommittable>, SupportsBackpressure {
    private final KafkaWriter<String> delegate;
    private final String run;
    private boolean transactionBegins = true;

    KillingWriter(KafkaWriter<String> delegate, String run) {
      this.delegate = delegate;
      this.run = run;
    }

    @Override
    public void write(String element, Context context) throws IOException, InterruptedException {
      delegate.write(element, context);
      if (transactionBegins) {
        transactionBegins = false;
        countAndMaybeKill(run);
      }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
      delegate.flush(endOfInput);
    }

    @Override
    public Collection<KafkaCommittable> prepareCommit() throws IOException, InterruptedException {
      Collection<KafkaCommittable> committables = delegate.prepareCommit();
      transactionBegins |= !committables.isEmpty();
      return committables;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
      return delegate.isAvailable();
    }

    @Override
    public void close() throws Exception {
      delegate.close();
    }
  }

  /**
   * Records keyed by their key; every 50 records of a subtask, the second one kills the broker (at
   * the {@link #KILL_AT}-th time), while the send of the first one is in flight.
   */
  static final class KillAfterASendSchema implements KafkaRecordSerializationSchema<String> {
    private static final long serialVersionUID = 1L;
    private final String run;
    private final String topic;
    private transient long recordsSeen;

    KillAfterASendSchema(String run, String topic) {
      this.run = run;
      this.topic = topic;
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
      recordsSeen = 0;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(String line, KafkaSinkContext context, Long timestamp) {
      if (++recordsSeen % 50 == 2) {
        countAndMaybeKill(run);
      }
      return new ProducerRecord<>(topic, null, timestamp, key(line), line.getBytes(StandardCharsets.UTF_8));
    }
  }
}
