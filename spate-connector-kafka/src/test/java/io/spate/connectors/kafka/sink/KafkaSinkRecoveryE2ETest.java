package io.spate.connectors.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.connector.sink.Sink;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.base.DeliveryGuarantee;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiterStrategy;
import io.spate.connectors.kafka.testing.KafkaBrokerProcess;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.connectors.kafka.testing.SharedKafkaTestBroker;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.runtime.testing.RecoveryAssertions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A keyed stateful job writes through the Kafka sink and fails six times: five times at chosen
 * records after checkpoints completed, and once in the commit of a completed checkpoint. With
 * EXACTLY_ONCE a {@code read_committed} consumer sees, key by key, exactly the records of a run without
 * failure, in order; with AT_LEAST_ONCE it sees each of them too, and some more than once.
 */
@Tag("fault-injection")
@ExtendWith(SharedKafkaTestBroker.class)
class KafkaSinkRecoveryE2ETest {

  private static final long RECORDS = 6_000;
  private static final List<Long> FAILURE_POINTS = List.of(800L, 1_700L, 2_600L, 3_500L, 4_400L);

  private static KafkaTestBroker broker;

  @BeforeAll
  static void useSharedBroker(KafkaTestBroker shared) {
    broker = shared;
  }

  private static void run(String run, Sink<String> sink, boolean fail, int expectedFailures) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(100);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(10, Duration.ofMillis(20)));
    env.fromSource(new DataGeneratorSource<>(index -> index, RECORDS, RateLimiterStrategy.perSecond(2_000), Types.LONG),
            WatermarkStrategy.noWatermarks(), "numbers").uid("numbers").setParallelism(1)
        // One source instance: each key's records reach the keyed count in the order of their values.
        .map(new SequencedKeysJob.FailAtRecords(run, fail ? FAILURE_POINTS : List.of())).uid("fail").setParallelism(1)
        .keyBy(value -> value % SequencedKeysJob.KEYS)
        .process(new SequencedKeysJob.NumberPerKey()).uid("number-per-key")
        .sinkTo(sink).uid("kafka");
    JobClient client = env.executeAsync(run);
    client.getJobExecutionResult().get(180, TimeUnit.SECONDS);
    ClusterJobClient cluster = (ClusterJobClient) client;
    if (fail) {
      RecoveryAssertions.assertEveryRestartRestoredACheckpoint(
          cluster.getJobExecutionResult().get().counters().get(JobResult.RESTARTS),
          cluster.getLatestRestore().get(10, TimeUnit.SECONDS), SequencedKeysJob.checkpointBeforeFailure(run));
      assertThat(SequencedKeysJob.failures(run)).as("injected failures").isEqualTo(expectedFailures);
    }
  }

  private static Map<String, List<String>> committed(String topic) {
    return SequencedKeysJob.byKey(broker.readAllCommitted(topic));
  }

  @Test
  void exactlyOnceWritesEveryRecordOnceInKeyOrderDespiteFailuresAndAFailedCommit() throws Exception {
    broker.createTopic("eo-clean", 3);
    broker.createTopic("eo-faulty", 3);
    run("eo-clean", SequencedKeysJob.kafkaSink(broker.bootstrapServers(), "eo-clean", DeliveryGuarantee.EXACTLY_ONCE,
        "eo-clean-job"), false, 0);
    run("eo-faulty", new SequencedKeysJob.FailingCommitSink(SequencedKeysJob.kafkaSink(broker.bootstrapServers(),
        "eo-faulty", DeliveryGuarantee.EXACTLY_ONCE, "eo-faulty-job"), "eo-faulty"), true, FAILURE_POINTS.size() + 1);

    Map<String, List<String>> clean = committed("eo-clean");
    assertThat(clean).isEqualTo(SequencedKeysJob.expected(RECORDS));
    assertThat(committed("eo-faulty")).isEqualTo(clean);
    List<String> open = new ArrayList<>();
    // The broker is shared with other classes of this JVM: only these two jobs' transactions count.
    List<Pattern> jobs = List.of(KafkaBrokerProcess.transactionalIdsOf("eo-clean-job"),
        KafkaBrokerProcess.transactionalIdsOf("eo-faulty-job"));
    for (TransactionListing listing : broker.admin().listTransactions().all().get()) {
      if (listing.state() == TransactionState.ONGOING
          && jobs.stream().anyMatch(ids -> ids.matcher(listing.transactionalId()).matches())) {
        open.add(listing.transactionalId());
      }
    }
    assertThat(open).as("transactions of the two jobs left open").isEmpty();
  }

  @Test
  void atLeastOnceLosesNothingButRepeatsRecordsAfterFailures() throws Exception {
    broker.createTopic("alo-faulty", 3);
    run("alo-faulty", SequencedKeysJob.kafkaSink(broker.bootstrapServers(), "alo-faulty",
        DeliveryGuarantee.AT_LEAST_ONCE, null), true, FAILURE_POINTS.size());

    Map<String, List<String>> expected = SequencedKeysJob.expected(RECORDS);
    Map<String, List<String>> written = committed("alo-faulty");
    long expectedCount = expected.values().stream().mapToLong(List::size).sum();
    long writtenCount = written.values().stream().mapToLong(List::size).sum();
    for (Map.Entry<String, List<String>> key : expected.entrySet()) {
      assertThat(new HashSet<>(written.get(key.getKey()))).as("key " + key.getKey())
          .isEqualTo(new HashSet<>(key.getValue()));
    }
    assertThat(writtenCount).as("records written, with repeats").isGreaterThan(expectedCount);
  }
}
