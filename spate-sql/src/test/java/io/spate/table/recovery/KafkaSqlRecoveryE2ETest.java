package io.spate.table.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.table.api.TableEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQL jobs on Kafka survive a failure after a checkpoint: a kafka source into a GROUP BY into an
 * exactly-once upsert-kafka sink leaves in its topic (as a {@code read_committed} consumer reads it)
 * exactly the records of a failure-free run, and an upsert-kafka source's ChangelogNormalize state is
 * restored so that the changelog committed equals a failure-free run's, on both state backends.
 * The topics are written while the jobs run, so that checkpoints fall in the middle of the input;
 * the {@code failing-sequence} source, filtered to nothing, injects the failure.
 */
@Tag("fault-injection")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class KafkaSqlRecoveryE2ETest {

  private static final int RECORDS = 3_000;

  private static KafkaTestBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = KafkaTestBroker.start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    broker.close();
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aGroupByFromKafkaIntoExactlyOnceUpsertKafkaCommitsWhatAFailureFreeRunCommits(String backend)
      throws Exception {
    String name = "kafka-group-by-" + backend;
    SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits(name, (run, fail) -> {
      TableEnvironment tEnv = SqlRecoveryRuns.session(backend);
      String in = run + "-in";
      broker.createTopic(in, 1);
      broker.createTopic(run + "-out", 1);
      tEnv.executeSql("CREATE TABLE kin (n BIGINT) WITH (" + kafka(in) + ", 'format' = 'csv',"
          + " 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'specific-offsets',"
          + " 'scan.bounded.specific-offsets' = 'partition:0,offset:" + RECORDS + "')");
      tEnv.executeSql("CREATE TABLE sums (k INT, c BIGINT, s BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ("
          + kafka(run + "-out") + ", 'key.format' = 'json', 'value.format' = 'json',"
          + " 'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = '" + run + "')");
      failingSource(tEnv, run, fail);
      Thread writer = KafkaTestBroker.sequenceWriter(broker.bootstrapServers(), in, RECORDS, 100, n -> 0,
          new AtomicInteger(), new AtomicReference<>());
      writer.start();
      ClusterJobClient client = SqlRecoveryRuns.runToEnd(tEnv, "INSERT INTO sums SELECT CAST(n % 7 AS INT), COUNT(*),"
          + " SUM(n) FROM (SELECT n FROM kin UNION ALL SELECT n FROM numbers WHERE n < 0) GROUP BY CAST(n % 7 AS INT)");
      writer.join();
      return client;
    });
    List<String> clean = records(name + "-clean-out");
    assertThat(clean).as("one upsert per input record").hasSize(RECORDS);
    assertThat(clean.get(RECORDS - 1)).isEqualTo(expectedLast());
    assertThat(records(name + "-faulty-out")).isEqualTo(clean);
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void changelogNormalizeStateIsRestored(String backend) throws Exception {
    List<String> committed = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits("normalize-" + backend,
        (run, fail) -> {
          TableEnvironment tEnv = SqlRecoveryRuns.session(backend);
          String in = run + "-upserts";
          broker.createTopic(in, 1);
          tEnv.executeSql("CREATE TABLE ups (k STRING, v INT, PRIMARY KEY (k) NOT ENFORCED) WITH (" + kafka(in)
              + ", 'key.format' = 'json', 'value.format' = 'json', 'scan.bounded.mode' = 'specific-offsets',"
              + " 'scan.bounded.specific-offsets' = 'partition:0,offset:" + RECORDS + "')");
          tEnv.executeSql("CREATE TABLE changes (k STRING, v INT) WITH ('connector' = 'committed-rows', 'run' = '"
              + run + "')");
          failingSource(tEnv, run, fail);
          Thread writer = upsertWriter(in);
          writer.start();
          ClusterJobClient client = SqlRecoveryRuns.runToEnd(tEnv, "INSERT INTO changes SELECT k, v FROM ups UNION ALL"
              + " SELECT CAST(n AS STRING), CAST(n AS INT) FROM numbers WHERE n < 0");
          writer.join();
          return client;
        });
    assertThat(committed).anyMatch(change -> change.startsWith("-U")).anyMatch(change -> change.startsWith("-D"));
  }

  private static String kafka(String topic) {
    return "'connector' = '" + (topic.endsWith("-in") ? "kafka" : "upsert-kafka") + "', 'topic' = '" + topic
        + "', 'properties.bootstrap.servers' = '" + broker.bootstrapServers() + "'";
  }

  private static void failingSource(TableEnvironment tEnv, String run, boolean fail) {
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '15000', 'fail' = '" + fail + "')");
  }

  /** The last upsert of the GROUP BY: the key of the last number, its count and sum. */
  private static String expectedLast() {
    int key = (RECORDS - 1) % 7;
    long count = 0;
    long sum = 0;
    for (int n = key; n < RECORDS; n += 7) {
      count++;
      sum += n;
    }
    return "{\"k\":" + key + "} {\"k\":" + key + ",\"c\":" + count + ",\"s\":" + sum + "}";
  }

  /** The committed records of {@code topic} as {@code key value} texts, in order. */
  private static List<String> records(String topic) {
    return broker.readAllCommitted(topic).stream().map(r -> new String(r.key(), StandardCharsets.UTF_8) + " "
        + (r.value() == null ? "null" : new String(r.value(), StandardCharsets.UTF_8))).toList();
  }

  /**
   * A thread writing {@link #RECORDS} upserts into {@code topic}, 100 every 100 ms: record i sets key
   * {@code k<i % 11>} to {@code i % 4} (so some repeat the key's value), every 13th is a tombstone.
   */
  private static Thread upsertWriter(String topic) {
    Thread thread = new Thread(() -> {
      try (KafkaProducer<byte[], byte[]> producer = KafkaTestBroker.producer(broker.bootstrapServers())) {
        for (int i = 0; i < RECORDS; i++) {
          String key = "k" + (i % 11);
          String value = i % 13 == 0 ? null : "{\"k\":\"" + key + "\",\"v\":" + (i % 4) + "}";
          producer.send(new ProducerRecord<>(topic, 0, ("{\"k\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8),
              value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
          if (i % 100 == 99) {
            producer.flush();
            Thread.sleep(100);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "test-upsert-writer");
    thread.setDaemon(true);
    return thread;
  }
}
