package io.spate.connectors.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobStatus;
import io.spate.api.common.RestartStrategies;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.serialization.schema.SimpleStringSchema;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.base.DeliveryGuarantee;
import io.spate.connectors.kafka.source.KafkaSource;
import io.spate.connectors.kafka.source.enumerator.initializer.OffsetsInitializer;
import io.spate.connectors.kafka.testing.KafkaBrokerProcess;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.connectors.kafka.testing.SharedKafkaBrokerProcess;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A job reading a Kafka topic that is still being written, numbering each key's records in keyed
 * state and writing them through the exactly-once Kafka sink, loses its broker: the broker's process
 * is killed with SIGKILL and started again, on the same port and log directory, seconds later. The
 * job recovers and a {@code read_committed} consumer sees, key by key, exactly the records the input
 * gives, each once and in order.
 *
 * <p>The job is a streaming one. Should it restart, the transactions its failed attempt left open
 * are aborted at the restarted attempt's first checkpoint; until then they hold back what read
 * committed consumers see of their partitions. A bounded job that ends before that checkpoint leaves
 * them to the brokers' transaction timeout (docs/connectors/kafka.md, "When the brokers go away").
 */
@Tag("fault-injection")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
@ExtendWith(SharedKafkaBrokerProcess.class)
@ResourceLock(SharedKafkaBrokerProcess.LOCK)
class KafkaBrokerRestartE2ETest {

  private static final int PARTITIONS = 3;
  private static final int RECORDS = 6_000;
  private static final int CHUNK = 60;
  private static final Duration WAIT = Duration.ofSeconds(90);

  private static KafkaBrokerProcess broker;

  @BeforeAll
  static void useBroker(KafkaBrokerProcess shared) {
    broker = shared;
  }

  /**
   * Waits until a read_committed consumer of {@code topic} sees, key by key, exactly the records the
   * input of {@code records} numbers gives, each once and in order. A failure lists the job's
   * transactions that the coordinator does not report complete and those that the partitions hold
   * open. Should the broker have completed a transaction of the job without writing its markers (see
   * {@link KafkaBrokerProcess#transactionsLostByTheBroker}), the broker lost that commit, not the job:
   * the test is then aborted naming it, rather than failed. That loss is looked for at every poll that
   * still misses records, so the abort comes as soon as it shows, not at the end of the wait: no later
   * poll could see past a transaction that nothing will ever end.
   */
  static void awaitEveryRecordCommittedOnce(KafkaBrokerProcess broker, String topic, int partitions, int records,
      String transactionalIdPrefix, JobClient client) {
    Map<String, List<String>> expected = SequencedKeysJob.expected(records);
    AtomicReference<String> lostCommit = new AtomicReference<>();
    try {
      // Committed transactions become visible once their markers are written, shortly after the commit.
      Await.untilPasses(Duration.ofSeconds(150), "every record committed once, in order", () -> {
        String difference = SequencedKeysJob.difference(
            SequencedKeysJob.byKey(broker.readAll(topic, "read_committed")), expected);
        if (!difference.isEmpty()) {
          List<String> held = broker.transactionsLostByTheBroker(transactionalIdPrefix, topic, partitions);
          if (!held.isEmpty()) {
            lostCommit.set(held + "; the committed output against the input: " + difference);
            return;
          }
        }
        assertThat(difference)
            .as("the committed output against the input (job %s, read uncommitted: %s records, transactions of"
                + " the job the coordinator does not report complete: %s, transactions the partitions hold open: %s)",
                client.getJobStatus().get(10, TimeUnit.SECONDS), broker.readAll(topic, "read_uncommitted").size(),
                unfinishedTransactions(broker, transactionalIdPrefix), broker.openTransactionsOn(topic, partitions))
            .isEmpty();
      });
    } catch (AssertionError e) {
      // The loss may have shown only with the wait's last poll.
      List<String> held = broker.transactionsLostByTheBroker(transactionalIdPrefix, topic, partitions);
      if (held.isEmpty()) {
        throw e;
      }
      lostCommit.set(held + "; the test's check failed with: " + e.getMessage());
    }
    if (lostCommit.get() != null) {
      Assumptions.abort("The broker completed a transaction of the job without writing its markers when it started"
          + " again (" + String.join("; ", broker.skippedTransactionMarkers(transactionalIdPrefix))
          + "), so these partitions hold it open for good: " + lostCommit.get());
    }
  }

  /**
   * The job's transactions that the broker does not report complete, with their state and partitions:
   * an open one holds back what read_committed consumers see of its partitions.
   */
  static List<String> unfinishedTransactions(KafkaBrokerProcess broker, String prefix) throws Exception {
    List<String> unfinished = new ArrayList<>();
    try (Admin admin = broker.admin()) {
      List<String> ids = new ArrayList<>();
      Pattern ownId = KafkaBrokerProcess.transactionalIdsOf(prefix);
      for (TransactionListing listing : admin.listTransactions().all().get()) {
        if (ownId.matcher(listing.transactionalId()).matches()
            && listing.state() != TransactionState.COMPLETE_COMMIT
            && listing.state() != TransactionState.COMPLETE_ABORT
            && listing.state() != TransactionState.EMPTY) {
          ids.add(listing.transactionalId());
        }
      }
      if (!ids.isEmpty()) {
        admin.describeTransactions(ids).all().get().forEach((id, description) -> unfinished.add(id + " "
            + description.state() + " since " + description.transactionStartTimeMs() + " on "
            + description.topicPartitions()));
      }
    }
    return unfinished;
  }

  /** The partition of value {@code value}: that of its key, so that each key's records keep their order. */
  private static int partition(long value) {
    return (int) (value % SequencedKeysJob.KEYS % PARTITIONS);
  }


  @Test
  void theJobRecoversFromABrokerRestartAndWritesEveryRecordOnce() throws Exception {
    broker.createTopic("restart-in", PARTITIONS);
    broker.createTopic("restart-out", PARTITIONS);
    AtomicInteger written = new AtomicInteger();
    AtomicReference<Throwable> writerFailure = new AtomicReference<>();
    Thread writer = KafkaTestBroker.sequenceWriter(broker.bootstrapServers(), "restart-in", RECORDS, CHUNK,
        KafkaBrokerRestartE2ETest::partition, written, writerFailure);

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    // One parallelism throughout: the parse is chained to the source, so each key's records stay in order.
    env.setParallelism(PARTITIONS);
    env.enableCheckpointing(300);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(30, Duration.ofMillis(500)));
    KafkaSource<String> source = KafkaSource.<String>builder()
        .setBootstrapServers(broker.bootstrapServers())
        .setTopics("restart-in")
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setValueOnlyDeserializer(new SimpleStringSchema())
        .build();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "input").uid("input")
        .map(Long::valueOf, Types.LONG).uid("parse")
        .keyBy(value -> value % SequencedKeysJob.KEYS, Types.LONG)
        .process(new SequencedKeysJob.NumberPerKey()).uid("number-per-key")
        .sinkTo(SequencedKeysJob.kafkaSink(broker.bootstrapServers(), "restart-out", DeliveryGuarantee.EXACTLY_ONCE,
            "restart-job")).uid("kafka");
    writer.start();
    JobClient client = env.executeAsync("broker-restart");

    // The broker goes away once the job committed output and the writer is a third through.
    Await.until(WAIT, () -> "a committed transaction and a third of the input; written " + written.get(),
        () -> written.get() >= RECORDS / 3 && !broker.readAll("restart-out", "read_committed").isEmpty());
    long killed = broker.pid();
    broker.kill();
    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(3)); // the broker stays away for a while: that is the test
    broker.restart();
    assertThat(broker.pid()).isNotEqualTo(killed);

    try {
      writer.join(TimeUnit.SECONDS.toMillis(60));
      assertThat(writerFailure.get()).as("the input writer's failure").isNull();
      assertThat(written.get()).isEqualTo(RECORDS);
      awaitEveryRecordCommittedOnce(broker, "restart-out", PARTITIONS, RECORDS, "restart-job", client);
      assertThat(client.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);
    } finally {
      client.cancel().get(30, TimeUnit.SECONDS);
    }
  }

}
