package io.spate.connectors.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.connector.sink.Committer;
import io.spate.api.connector.sink.lib.TestWriterContext;
import io.spate.api.serialization.schema.SimpleStringSchema;
import io.spate.connectors.base.DeliveryGuarantee;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.TransactionListing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint restored long after its transactions were committed (the brokers forgot their ids,
 * after {@code transactional.id.expiration.ms}) restores without error and writes nothing again.
 */
class KafkaSinkExpiredTransactionTest {

  private static KafkaTestBroker broker;

  @BeforeAll
  static void startBroker() {
    // Long enough for the writer to use its transactional id before it expires, even on a busy machine.
    broker = KafkaTestBroker.start(Map.of("transactional.id.expiration.ms", "10000",
        "transaction.remove.expired.transaction.cleanup.interval.ms", "200"));
    broker.createTopic("expired", 1);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    broker.close();
  }

  @Test
  void aCommittedTransactionWhoseIdExpiredIsNotCommittedAgain() throws Exception {
    KafkaSink<String> sink = KafkaSink.<String>builder()
        .setBootstrapServers(broker.bootstrapServers())
        .setRecordSerializer(KafkaRecordSerializationSchema.builder()
            .setTopic("expired").setValueSerializationSchema(new SimpleStringSchema()).build())
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix("expired-job")
        .build();
    byte[] stored;
    try (KafkaWriter<String> writer = (KafkaWriter<String>) sink.createWriter(new TestWriterContext(0, 1));
        Committer<KafkaCommittable> committer = sink.createCommitter()) {
      writer.write("once", TestWriterContext.NO_TIME);
      writer.flush(false);
      KafkaCommittable committable = writer.prepareCommit().iterator().next();
      stored = KafkaCommittableSerializer.INSTANCE.serialize(committable);
      committer.commit(List.of(committable));
    }
    Await.until(Duration.ofSeconds(90), "the brokers forget expired-job-0-1", () -> broker.admin().listTransactions()
        .all().get().stream().map(TransactionListing::transactionalId).noneMatch("expired-job-0-1"::equals));

    try (Committer<KafkaCommittable> committer = sink.createCommitter()) {
      committer.commit(List.of(KafkaCommittableSerializer.INSTANCE.deserialize(1, stored)));
    }
    Await.untilPasses(Duration.ofSeconds(30), "read_committed sees the record",
        () -> assertThat(broker.readAll("expired", "read_committed")).hasSize(1));
  }
}
