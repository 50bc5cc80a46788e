package io.spate.connectors.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.api.common.JobClient;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.SavepointOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.base.DeliveryGuarantee;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiterStrategy;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.connectors.kafka.testing.SharedKafkaTestBroker;
import io.spate.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exactly-once job is stopped with a savepoint at parallelism 2, resumed from it at parallelism
 * 1, stopped again, and resumed at parallelism 2 to the end of its input: a {@code read_committed}
 * consumer sees every record once, key by key in order, and after two checkpoints of each resumed
 * run no transaction of the job's prefix but the run's own is open.
 */
@Tag("fault-injection")
@ExtendWith(SharedKafkaTestBroker.class)
class KafkaSinkRescaleE2ETest {

  private static final long RECORDS = 4_000;
  private static final String TOPIC = "rescaled";
  private static final String PREFIX = "rescale-job";
  private static KafkaTestBroker broker;

  @TempDir
  Path dir;

  @BeforeAll
  static void useSharedBroker(KafkaTestBroker shared) {
    broker = shared;
    broker.createTopic(TOPIC, 3);
  }

  private static JobClient start(int parallelism, String savepoint) throws Exception {
    Configuration conf = new Configuration();
    if (savepoint != null) {
      conf.set(SavepointOptions.SAVEPOINT_PATH, savepoint);
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);
    env.enableCheckpointing(100);
    env.fromSource(new DataGeneratorSource<>(index -> index, RECORDS, RateLimiterStrategy.perSecond(400), Types.LONG),
            WatermarkStrategy.noWatermarks(), "numbers").uid("numbers").setParallelism(1)
        .keyBy(value -> value % SequencedKeysJob.KEYS)
        .process(new SequencedKeysJob.NumberPerKey()).uid("number-per-key")
        .sinkTo(SequencedKeysJob.kafkaSink(broker.bootstrapServers(), TOPIC, DeliveryGuarantee.EXACTLY_ONCE, PREFIX))
        .uid("kafka");
    return env.executeAsync("rescale-to-" + parallelism);
  }

  private static long completedCheckpoints(JobClient client) throws Exception {
    return client.getCheckpointStatistics().get(30, TimeUnit.SECONDS).stream()
        .filter(s -> !s.savepoint() && s.status() == CheckpointStatistics.Status.COMPLETED).count();
  }

  private static List<String> openTransactions() throws Exception {
    List<String> open = new ArrayList<>();
    for (TransactionListing listing : broker.admin().listTransactions().all().get()) {
      if (listing.state() == TransactionState.ONGOING && listing.transactionalId().startsWith(PREFIX + "-")) {
        open.add(listing.transactionalId());
      }
    }
    return open;
  }

  private long committedRecords() {
    return broker.readAll(TOPIC, "read_committed").size();
  }

  /** Runs until records past {@code atLeast} are committed and two checkpoints completed, then stops with a savepoint. */
  private String runAndStop(int parallelism, String savepoint, long atLeast) throws Exception {
    JobClient client = start(parallelism, savepoint);
    Await.until(Duration.ofSeconds(60), "two checkpoints of the run at parallelism " + parallelism,
        () -> completedCheckpoints(client) >= 2);
    if (savepoint != null) {
      assertThat(openTransactions()).as("open transactions after two checkpoints at parallelism " + parallelism)
          .allMatch(id -> Integer.parseInt(id.substring(PREFIX.length() + 1, id.lastIndexOf('-'))) < parallelism);
    }
    Await.until(Duration.ofSeconds(60), "more than " + atLeast + " committed records", () -> committedRecords() > atLeast);
    return client.stopWithSavepoint(false, dir.resolve("savepoints").toString()).get(60, TimeUnit.SECONDS);
  }

  @Test
  void scalingDownAndUpAgainFromSavepointsWritesEveryRecordOnce() throws Exception {
    String first = runAndStop(2, null, 300);
    long afterFirst = committedRecords();
    assertThat(afterFirst).as("the first run stopped part way").isLessThan(RECORDS);
    String second = runAndStop(1, first, afterFirst + 300);
    assertThat(committedRecords()).as("the second run stopped part way").isLessThan(RECORDS);

    JobClient last = start(2, second);
    last.getJobExecutionResult().get(120, TimeUnit.SECONDS);

    assertThat(SequencedKeysJob.byKey(broker.readAllCommitted(TOPIC)))
        .isEqualTo(SequencedKeysJob.expected(RECORDS));
    assertThat(openTransactions()).as("transactions left open").isEmpty();
  }
}
