package io.spate.connectors.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.connector.sink.Committer;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.lib.TestWriterContext;
import io.spate.api.serialization.schema.SimpleStringSchema;
import io.spate.connectors.base.DeliveryGuarantee;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.testing.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exactly-once writer and committer against a real broker, driven step by step as the sink
 * operator drives them at checkpoints: what a {@code read_committed} consumer sees when, the commit of
 * a restored transaction by a new producer (the one use of kafka-clients internals), a transaction the
 * broker aborted, and the abort of an earlier run's lingering transactions.
 */
class KafkaSinkTransactionsTest {

  private static KafkaTestBroker broker;

  @BeforeAll
  static void startBroker() {
    // Timed-out transactions are aborted within 200 ms instead of 10 s.
    broker = KafkaTestBroker.start(Map.of("transaction.abort.timed.out.transaction.cleanup.interval.ms", "200"));
  }

  @AfterAll
  static void stopBroker() throws Exception {
    broker.close();
  }

  private static KafkaSink<String> sink(String topic, String prefix, DeliveryGuarantee guarantee) {
    KafkaSinkBuilder<String> builder = KafkaSink.<String>builder()
        .setBootstrapServers(broker.bootstrapServers())
        .setRecordSerializer(KafkaRecordSerializationSchema.builder()
            .setTopic(topic)
            .setValueSerializationSchema(new SimpleStringSchema())
            .build())
        .setDeliveryGuarantee(guarantee);
    return prefix == null ? builder.build() : builder.setTransactionalIdPrefix(prefix).build();
  }

  @SuppressWarnings("unchecked")
  private static KafkaWriter<String> writer(KafkaSink<String> sink, int subtask, int parallelism) throws IOException {
    return (KafkaWriter<String>) sink.createWriter(new TestWriterContext(subtask, parallelism));
  }

  private static void write(SinkWriter<String> writer, String... values) throws Exception {
    for (String value : values) {
      writer.write(value, TestWriterContext.NO_TIME);
    }
  }

  private static List<String> values(String topic, String isolation) {
    return broker.readAll(topic, isolation).stream()
        .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
  }

  /**
   * Waits until a {@code read_committed} consumer sees exactly {@code expected} in {@code topic}: a
   * commit returns once the coordinator decided, and the partitions learn it a moment later.
   */
  private static void assertCommitted(String topic, String... expected) {
    Await.untilPasses(Duration.ofSeconds(30), "read_committed sees " + List.of(expected) + " in " + topic,
        () -> assertThat(values(topic, "read_committed")).containsExactlyInAnyOrder(expected));
  }

  private static Set<String> ongoing(String prefix) throws Exception {
    Collection<TransactionListing> listings = broker.admin().listTransactions().all().get();
    return listings.stream()
        .filter(l -> l.state() == TransactionState.ONGOING && l.transactionalId().startsWith(prefix + "-"))
        .map(TransactionListing::transactionalId).collect(Collectors.toSet());
  }

  @Test
  void recordsBecomeVisibleToReadCommittedOnlyWhenTheirCheckpointCommits() throws Exception {
    broker.createTopic("visible", 2);
    KafkaSink<String> sink = sink("visible", "visible-job", DeliveryGuarantee.EXACTLY_ONCE);
    try (KafkaWriter<String> writer = writer(sink, 0, 1); Committer<KafkaCommittable> committer = sink.createCommitter()) {
      write(writer, "a", "b", "c");
      writer.flush(false);
      Collection<KafkaCommittable> first = writer.prepareCommit();
      write(writer, "d");
      writer.flush(false);
      assertThat(first).hasSize(1);
      assertThat(values("visible", "read_uncommitted")).containsExactlyInAnyOrder("a", "b", "c", "d");
      assertThat(values("visible", "read_committed")).isEmpty();

      committer.commit(first);
      assertCommitted("visible", "a", "b", "c");

      committer.commit(writer.prepareCommit());
      assertCommitted("visible", "a", "b", "c", "d");
      assertThat(writer.prepareCommit()).as("no records, no transaction to commit").isEmpty();
    }
  }

  @Test
  void aRestoredTransactionIsCommittedByANewProducerOnceAndOnlyOnce() throws Exception {
    broker.createTopic("restored", 1);
    KafkaSink<String> sink = sink("restored", "restored-job", DeliveryGuarantee.EXACTLY_ONCE);
    byte[] stored;
    try (KafkaWriter<String> writer = writer(sink, 0, 1)) {
      write(writer, "x", "y");
      writer.flush(false);
      KafkaCommittable committable = writer.prepareCommit().iterator().next();
      stored = KafkaCommittableSerializer.INSTANCE.serialize(committable);
      // The job fails: the writer closes, leaving the prepared transaction open for the commit.
    }
    assertThat(ongoing("restored-job")).contains("restored-job-0-1");
    assertThat(values("restored", "read_committed")).isEmpty();

    KafkaCommittable restored = KafkaCommittableSerializer.INSTANCE.deserialize(
        KafkaCommittableSerializer.INSTANCE.getVersion(), stored);
    try (Committer<KafkaCommittable> committer = sink.createCommitter()) {
      committer.commit(List.of(restored));
    }
    assertCommitted("restored", "x", "y");

    // A second failure before the next checkpoint: the same checkpoint is restored and committed again.
    try (Committer<KafkaCommittable> committer = sink.createCommitter()) {
      committer.commit(List.of(KafkaCommittableSerializer.INSTANCE.deserialize(1, stored)));
    }
    assertCommitted("restored", "x", "y");
    assertThat(ongoing("restored-job")).isEmpty();
  }

  @Test
  void aTransactionTheBrokerAbortedFailsItsCommitNamingIt() throws Exception {
    broker.createTopic("timed-out", 1);
    KafkaSink<String> sink = KafkaSink.<String>builder()
        .setBootstrapServers(broker.bootstrapServers())
        .setRecordSerializer(KafkaRecordSerializationSchema.builder()
            .setTopic("timed-out").setValueSerializationSchema(new SimpleStringSchema()).build())
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix("timed-out-job")
        .setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "1000")
        .build();
    KafkaCommittable committable;
    try (KafkaWriter<String> writer = writer(sink, 0, 1)) {
      write(writer, "late");
      writer.flush(false);
      committable = KafkaCommittableSerializer.INSTANCE.deserialize(1,
          KafkaCommittableSerializer.INSTANCE.serialize(writer.prepareCommit().iterator().next()));
    }
    Await.until(Duration.ofSeconds(30), "the broker aborts the transaction after its timeout",
        () -> !ongoing("timed-out-job").contains(committable.transactionalId()));

    try (Committer<KafkaCommittable> committer = sink.createCommitter()) {
      assertThatThrownBy(() -> committer.commit(List.of(committable)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("transaction timed-out-job-0-1")
          .hasMessageContaining("can no longer be committed")
          .hasMessageContaining("transaction.timeout.ms=1000");
    }
    assertThat(values("timed-out", "read_committed")).isEmpty();
  }

  @Test
  void committedProducersServeLaterTransactionsUnderNewIdsAndEveryTransactionStaysCommittable() throws Exception {
    broker.createTopic("reused", 2);
    KafkaSink<String> sink = sink("reused", "reused-job", DeliveryGuarantee.EXACTLY_ONCE);
    List<String> expected = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    byte[] committedEarlier;
    byte[] preparedAtTheFailure;
    try (KafkaWriter<String> writer = writer(sink, 0, 1); Committer<KafkaCommittable> committer = sink.createCommitter()) {
      List<byte[]> stored = new ArrayList<>();
      for (int checkpoint = 1; checkpoint <= 6; checkpoint++) {
        String a = "c" + checkpoint + "-a";
        String b = "c" + checkpoint + "-b";
        write(writer, a, b);
        expected.addAll(List.of(a, b));
        writer.flush(false);
        KafkaCommittable committable = writer.prepareCommit().iterator().next();
        ids.add(committable.transactionalId());
        stored.add(KafkaCommittableSerializer.INSTANCE.serialize(committable));
        if (checkpoint < 6) {
          committer.commit(List.of(committable));
        }
      }
      committedEarlier = stored.get(1);
      preparedAtTheFailure = stored.get(5);
      assertCommitted("reused", expected.subList(0, 10).toArray(String[]::new));
      TransactionalProducers producers = writer.transactionalProducers();
      assertThat(producers.created()).as("producers created for 7 transactions (6 written, 1 prepared ahead)").isLessThanOrEqualTo(3);
      assertThat(producers.reused()).as("transactions begun on a committed producer").isGreaterThanOrEqualTo(4);
      // The job fails before checkpoint 6 completes: the writer closes, its prepared transaction stays open.
    }
    assertThat(ids).as("every transaction has an id of its own, whichever producer wrote it")
        .containsExactly("reused-job-0-1", "reused-job-0-2", "reused-job-0-3", "reused-job-0-4", "reused-job-0-5",
            "reused-job-0-6");
    assertThat(ongoing("reused-job")).containsExactly("reused-job-0-6");

    // The restore commits checkpoint 6's transaction, written by a reused producer; committing an
    // earlier one again (its producer served later transactions since) changes nothing.
    try (Committer<KafkaCommittable> committer = sink.createCommitter()) {
      committer.commit(List.of(KafkaCommittableSerializer.INSTANCE.deserialize(1, preparedAtTheFailure)));
      committer.commit(List.of(KafkaCommittableSerializer.INSTANCE.deserialize(1, committedEarlier)));
    }
    assertCommitted("reused", expected.toArray(String[]::new));
    assertThat(values("reused", "read_uncommitted")).as("nothing written twice").hasSize(expected.size());
    assertThat(ongoing("reused-job")).isEmpty();
  }

  /** Leaves transaction {@code transactionalId} open with one record, as a failed run would. */
  private static void openTransaction(String transactionalId, String topic) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props);
    producer.initTransactions();
    producer.beginTransaction();
    producer.send(new ProducerRecord<>(topic, ("lingering " + transactionalId).getBytes(StandardCharsets.UTF_8)));
    producer.flush();
    producer.close(Duration.ZERO); // a crash: the transaction stays open
  }

  @Test
  void theFirstCheckpointAbortsTheLingeringTransactionsOfEarlierRunsIncludingRemovedSubtasks() throws Exception {
    broker.createTopic("lingering", 3);
    // An earlier run with 3 subtasks left these open; the new run has 2.
    for (String id : List.of("lingering-job-0-4", "lingering-job-1-4", "lingering-job-2-4", "lingering-job-2-5")) {
      openTransaction(id, "lingering");
    }
    // Another job's prefix, on a topic of its own: its open transaction would hold back read_committed.
    broker.createTopic("lingering-other", 1);
    openTransaction("lingering-jobs-0-1", "lingering-other");
    KafkaSink<String> sink = sink("lingering", "lingering-job", DeliveryGuarantee.EXACTLY_ONCE);
    try (KafkaWriter<String> first = writer(sink, 0, 2); KafkaWriter<String> second = writer(sink, 1, 2);
        Committer<KafkaCommittable> committer = sink.createCommitter()) {
      assertThat(ongoing("lingering-job")).contains("lingering-job-0-4", "lingering-job-1-4", "lingering-job-2-4");
      write(first, "new 0");
      write(second, "new 1");
      List<KafkaCommittable> committables = new ArrayList<>();
      for (KafkaWriter<String> writer : List.of(first, second)) {
        writer.flush(false);
        committables.addAll(writer.prepareCommit());
      }
      assertThat(committables).extracting(KafkaCommittable::transactionalId)
          .as("new transactions number on after the highest the brokers know")
          .containsExactlyInAnyOrder("lingering-job-0-5", "lingering-job-1-5");
      assertThat(first.lingeringAborter().awaitAborted(Duration.ofSeconds(60)))
          .containsExactlyInAnyOrder("lingering-job-0-4", "lingering-job-2-4", "lingering-job-2-5");
      assertThat(second.lingeringAborter().awaitAborted(Duration.ofSeconds(60)))
          .containsExactly("lingering-job-1-4");
      committer.commit(committables);
      assertThat(ongoing("lingering-job")).as("the writers hold no transaction with records").isEmpty();
      assertCommitted("lingering", "new 0", "new 1");
    }
    assertThat(ongoing("lingering-jobs")).containsExactly("lingering-jobs-0-1");
  }

  @Test
  void atLeastOnceFlushWaitsForEveryAcknowledgement() throws Exception {
    broker.createTopic("at-least-once", 2);
    KafkaSink<String> sink = sink("at-least-once", null, DeliveryGuarantee.AT_LEAST_ONCE);
    try (KafkaWriter<String> writer = writer(sink, 0, 1)) {
      List<String> sent = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        sent.add("r" + i);
      }
      write(writer, sent.toArray(String[]::new));
      writer.flush(false);
      assertThat(writer.prepareCommit()).isEmpty();
      assertThat(values("at-least-once", "read_committed")).containsExactlyInAnyOrderElementsOf(sent);
    }
  }

  @Test
  void aRecordKafkaRefusesFailsTheNextFlushNamingTheTopic() throws Exception {
    broker.createTopic("refused", 1);
    KafkaSink<String> sink = KafkaSink.<String>builder()
        .setBootstrapServers(broker.bootstrapServers())
        .setRecordSerializer(KafkaRecordSerializationSchema.builder()
            .setTopic("refused").setValueSerializationSchema(new SimpleStringSchema()).build())
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .setProperty(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "2000")
        .build();
    try (KafkaWriter<String> writer = writer(sink, 0, 1)) {
      write(writer, "small", "x".repeat(5_000));
      assertThatThrownBy(() -> writer.flush(false))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("KafkaSink: writing a record to topic 'refused'")
          .hasMessageContaining("5");
    }
  }

  @Test
  void aRecordForATopicThatDoesNotExistFailsTheWriteNamingTheTopic() throws Exception {
    broker.createTopic("selected-a", 1);
    KafkaSink<String> sink = KafkaSink.<String>builder()
        .setBootstrapServers(broker.bootstrapServers())
        .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder()
            .setTopicSelector(value -> "selected-" + value)
            .setValueSerializationSchema(new SimpleStringSchema())
            .build())
        .build();
    try (KafkaWriter<String> writer = writer(sink, 0, 1)) {
      write(writer, "a");
      assertThatThrownBy(() -> write(writer, "b"))
          .hasMessageContaining("topic 'selected-b' does not exist")
          .hasMessageContaining("auto.create.topics.enable=false");
      writer.flush(false);
    }
    List<ConsumerRecord<byte[], byte[]>> written = broker.readAll("selected-a", "read_committed");
    assertThat(written).hasSize(1);
  }
}
