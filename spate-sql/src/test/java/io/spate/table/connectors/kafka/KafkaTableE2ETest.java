package io.spate.table.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code kafka} SQL connector against a real broker: rows written by SQL and read back by SQL in
 * csv and json, keys in a format of their own, every startup mode, metadata columns read and written,
 * the exactly-once sink seen by a {@code read_committed} consumer, and the refusal of an updating query.
 */
class KafkaTableE2ETest {

  private static KafkaTestBroker broker;
  private static final AtomicInteger TOPICS = new AtomicInteger();

  private TableEnvironment tEnv;

  @BeforeAll
  static void startBroker() {
    broker = KafkaTestBroker.start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    broker.close();
  }

  @BeforeEach
  void createEnvironment() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.getConfig().set("table.dml-sync", "true");
  }

  private static String newTopic(int partitions) {
    String topic = "t" + TOPICS.incrementAndGet();
    broker.createTopic(topic, partitions);
    return topic;
  }

  private static String kafka(String topic, String more) {
    return "'connector' = 'kafka', 'topic' = '" + topic + "', 'properties.bootstrap.servers' = '"
        + broker.bootstrapServers() + "', 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'"
        + more;
  }

  private List<Row> rows(String query) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> it = tEnv.executeSql(query).collect()) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }

  private static List<String> values(String topic) {
    return broker.readAll(topic, "read_committed").stream()
        .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void csvRowsWrittenBySqlAreReadBackBySql() throws Exception {
    String topic = newTopic(2);
    tEnv.executeSql("CREATE TABLE events (id INT, name STRING, price DOUBLE) WITH (" + kafka(topic,
        ", 'format' = 'csv'") + ")");
    tEnv.executeSql("INSERT INTO events VALUES (1, 'apple', 1.5), (2, 'pear', CAST(NULL AS DOUBLE)), (3, 'fig', 3.0)");
    assertThat(values(topic)).containsExactlyInAnyOrder("1,apple,1.5", "2,pear,", "3,fig,3.0");
    assertThat(rows("SELECT id, name, price FROM events")).containsExactlyInAnyOrder(Row.of(1, "apple", 1.5),
        Row.of(2, "pear", null), Row.of(3, "fig", 3.0));
  }

  @Test
  void jsonKeysAndValuesInFormatsOfTheirOwnRoundTrip() throws Exception {
    String topic = newTopic(1);
    tEnv.executeSql("CREATE TABLE orders (k_id BIGINT, item STRING, qty INT) WITH (" + kafka(topic,
        ", 'key.format' = 'json', 'key.fields' = 'k_id', 'key.fields-prefix' = 'k_',"
            + " 'value.format' = 'json', 'value.fields-include' = 'EXCEPT_KEY'") + ")");
    tEnv.executeSql("INSERT INTO orders VALUES (7, 'book', 2), (8, 'pen', 5)");
    List<ConsumerRecord<byte[], byte[]>> records = broker.readAll(topic, "read_committed");
    assertThat(records).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .containsExactly("{\"id\":7}", "{\"id\":8}");
    assertThat(records).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
        .containsExactly("{\"item\":\"book\",\"qty\":2}", "{\"item\":\"pen\",\"qty\":5}");
    assertThat(rows("SELECT * FROM orders")).containsExactly(Row.of(7L, "book", 2), Row.of(8L, "pen", 5));
  }

  @Test
  void keyFieldsInBothKeyAndValueWithAllFieldsIncluded() throws Exception {
    String topic = newTopic(1);
    tEnv.executeSql("CREATE TABLE users (id INT, name STRING) WITH (" + kafka(topic,
        ", 'key.format' = 'csv', 'key.fields' = 'id', 'format' = 'csv'") + ")");
    tEnv.executeSql("INSERT INTO users VALUES (1, 'ann')");
    ConsumerRecord<byte[], byte[]> record = broker.readAll(topic, "read_committed").get(0);
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("1");
    assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("1,ann");
    assertThat(rows("SELECT * FROM users")).containsExactly(Row.of(1, "ann"));
  }

  @Test
  void everyStartupModeStartsWhereItSays() throws Exception {
    String topic = newTopic(1);
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      records.add(new ProducerRecord<>(topic, 0, 1000L * (i + 1), null, Integer.toString(i).getBytes(StandardCharsets.UTF_8)));
    }
    broker.produce(records);
    broker.admin().alterConsumerGroupOffsets("g1", Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(3)))
        .all().get();
    String common = "'connector' = 'kafka', 'topic' = '" + topic + "', 'properties.bootstrap.servers' = '"
        + broker.bootstrapServers() + "', 'format' = 'csv', 'scan.bounded.mode' = 'latest-offset'";
    tEnv.executeSql("CREATE TABLE earliest (n INT) WITH (" + common + ", 'scan.startup.mode' = 'earliest-offset')");
    tEnv.executeSql("CREATE TABLE latest (n INT) WITH (" + common + ", 'scan.startup.mode' = 'latest-offset')");
    tEnv.executeSql("CREATE TABLE byTime (n INT) WITH (" + common + ", 'scan.startup.mode' = 'timestamp',"
        + " 'scan.startup.timestamp-millis' = '2500')");
    tEnv.executeSql("CREATE TABLE fromOffset (n INT) WITH (" + common + ", 'scan.startup.mode' = 'specific-offsets',"
        + " 'scan.startup.specific-offsets' = 'partition:0,offset:4')");
    tEnv.executeSql("CREATE TABLE grouped (n INT) WITH (" + common + ", 'scan.startup.mode' = 'group-offsets',"
        + " 'properties.group.id' = 'g1')");
    assertThat(rows("SELECT n FROM earliest")).containsExactly(Row.of(0), Row.of(1), Row.of(2), Row.of(3), Row.of(4));
    assertThat(rows("SELECT n FROM latest")).isEmpty();
    assertThat(rows("SELECT n FROM byTime")).containsExactly(Row.of(2), Row.of(3), Row.of(4));
    assertThat(rows("SELECT n FROM fromOffset")).containsExactly(Row.of(4));
    assertThat(rows("SELECT n FROM grouped")).containsExactly(Row.of(3), Row.of(4));
  }

  @Test
  void aTopicListAndATopicPatternReadEveryTopicTheyName() throws Exception {
    int n = TOPICS.incrementAndGet();
    for (String topic : List.of("pat-a-" + n, "pat-b-" + n, "other-" + n)) {
      broker.createTopic(topic, 1);
      broker.produce(List.of(new ProducerRecord<>(topic, 0, null, null, topic.getBytes(StandardCharsets.UTF_8))));
    }
    String common = "'connector' = 'kafka', 'properties.bootstrap.servers' = '" + broker.bootstrapServers()
        + "', 'format' = 'csv', 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'";
    tEnv.executeSql("CREATE TABLE listed (v STRING, t STRING METADATA FROM 'topic' VIRTUAL) WITH (" + common
        + ", 'topic' = 'pat-a-" + n + ";other-" + n + "')");
    tEnv.executeSql("CREATE TABLE matched (v STRING) WITH (" + common + ", 'topic-pattern' = 'pat-.-" + n + "')");
    assertThat(rows("SELECT v, t FROM listed")).containsExactlyInAnyOrder(Row.of("pat-a-" + n, "pat-a-" + n),
        Row.of("other-" + n, "other-" + n));
    assertThat(rows("SELECT v FROM matched")).containsExactlyInAnyOrder(Row.of("pat-a-" + n), Row.of("pat-b-" + n));
  }

  @Test
  void metadataColumnsAreRead() throws Exception {
    String topic = newTopic(1);
    RecordHeaders headers = new RecordHeaders();
    headers.add("trace", new byte[] {1, 2});
    broker.produce(List.of(new ProducerRecord<>(topic, 0, 5000L, null, "a".getBytes(StandardCharsets.UTF_8), headers),
        new ProducerRecord<>(topic, 0, 6000L, null, "b".getBytes(StandardCharsets.UTF_8))));
    tEnv.executeSql("CREATE TABLE meta (`off` BIGINT METADATA FROM 'offset' VIRTUAL, v STRING,"
        + " ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', `topic` STRING METADATA VIRTUAL,"
        + " `partition` INT METADATA VIRTUAL, `headers` MAP<STRING, BYTES> METADATA,"
        + " tt STRING METADATA FROM 'timestamp-type' VIRTUAL, shout AS UPPER(v), WATERMARK FOR ts AS ts) WITH ("
        + kafka(topic, ", 'format' = 'csv'") + ")");
    List<Row> rows = rows("SELECT `off`, v, ts, `topic`, `partition`, tt, shout, `headers`['trace'] FROM meta");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).toString()).isEqualTo(Row.of(0L, "a", Instant.ofEpochMilli(5000), topic, 0, "CreateTime", "A",
        new byte[] {1, 2}).toString());
    assertThat((byte[]) rows.get(0).getField(7)).containsExactly(1, 2);
    assertThat(rows.get(1).getField(0)).isEqualTo(1L);
    assertThat(rows.get(1).getField(2)).isEqualTo(Instant.ofEpochMilli(6000));
    assertThat(rows.get(1).getField(7)).isNull();
  }

  @Test
  void eachPartitionMakesItsOwnWatermarkSoRowsInOrderWithinTheirPartitionAreNeverLate() throws Exception {
    String topic = newTopic(2);
    int rowsPerPartition = 3000;
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    // Partition 0 runs a minute ahead of partition 1; within each, times only grow. A watermark made after
    // the source from both partitions' rows would make partition 1's rows late once partition 0's came first.
    for (int i = 0; i < rowsPerPartition; i++) {
      records.add(new ProducerRecord<>(topic, 0, 60_000L + i / 3, null, "ahead".getBytes(StandardCharsets.UTF_8)));
      records.add(new ProducerRecord<>(topic, 1, i / 3L, null, "behind".getBytes(StandardCharsets.UTF_8)));
    }
    broker.produce(records);
    tEnv.getConfig().set("table.local-time-zone", "UTC");
    tEnv.getConfig().set("pipeline.auto-watermark-interval", "1 ms");
    tEnv.executeSql("CREATE TABLE timed (v STRING, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp',"
        + " WATERMARK FOR ts AS ts) WITH (" + kafka(topic, ", 'format' = 'csv', 'properties.max.poll.records' = '50'")
        + ")");
    String query = "SELECT v, window_start, COUNT(*) AS c FROM TABLE(TUMBLE(TABLE timed, DESCRIPTOR(ts),"
        + " INTERVAL '1' SECOND)) GROUP BY v, window_start, window_end";

    assertThat(tEnv.explainSql(query)).contains("watermark=[ts, ts]");
    assertThat(rows(query)).extracting(Row::toString).containsExactlyInAnyOrder(
        Row.of("ahead", java.time.LocalDateTime.parse("1970-01-01T00:01"), (long) rowsPerPartition).toString(),
        Row.of("behind", java.time.LocalDateTime.parse("1970-01-01T00:00"), (long) rowsPerPartition).toString());
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS) // a partition that held the watermark for ever would hang next()
  void anIdlePartitionStopsHoldingTheWatermarkAfterTheSourceIdleTimeout() throws Exception {
    String topic = newTopic(2);
    broker.produce(List.of(
        new ProducerRecord<>(topic, 0, 1_000L, null, "a".getBytes(StandardCharsets.UTF_8)),
        new ProducerRecord<>(topic, 0, 5_000L, null, "b".getBytes(StandardCharsets.UTF_8))));
    tEnv.getConfig().set("table.local-time-zone", "UTC");
    tEnv.getConfig().set("table.exec.source.idle-timeout", "200 ms");
    // Unbounded: partition 1 never gets a row, and only its idleness lets the watermark pass the first window.
    tEnv.executeSql("CREATE TABLE sparse (v STRING, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp',"
        + " WATERMARK FOR ts AS ts) WITH ('connector' = 'kafka', 'topic' = '" + topic + "',"
        + " 'properties.bootstrap.servers' = '" + broker.bootstrapServers() + "', 'scan.startup.mode' = 'earliest-offset',"
        + " 'format' = 'csv')");
    try (CloseableIterator<Row> it = tEnv.executeSql("SELECT window_start, COUNT(*) AS c FROM TABLE(TUMBLE(TABLE sparse,"
        + " DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY window_start, window_end").collect()) {
      assertThat(it.next()).isEqualTo(Row.of(java.time.LocalDateTime.parse("1970-01-01T00:00:01"), 1L));
    }
  }

  @Test
  void aNegativeSourceIdleTimeoutIsRefused() {
    String topic = newTopic(1);
    tEnv.executeSql("CREATE TABLE neg (v STRING, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', WATERMARK FOR ts AS ts)"
        + " WITH (" + kafka(topic, ", 'format' = 'csv'") + ")");
    tEnv.getConfig().set("table.exec.source.idle-timeout", "-1 s");
    assertThatThrownBy(() -> rows("SELECT * FROM neg"))
        .hasMessageContaining("Invalid value '-1 s' for option 'table.exec.source.idle-timeout'");
  }

  @Test
  void timestampAndHeadersMetadataAreWritten() throws Exception {
    String in = newTopic(1);
    String out = newTopic(1);
    RecordHeaders headers = new RecordHeaders();
    headers.add("h", new byte[] {10, 11});
    broker.produce(List.of(new ProducerRecord<>(in, 0, 123456L, null, "x".getBytes(StandardCharsets.UTF_8), headers)));
    String columns = "(v STRING, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', `headers` MAP<STRING, BYTES> METADATA)";
    tEnv.executeSql("CREATE TABLE in_t " + columns + " WITH (" + kafka(in, ", 'format' = 'csv'") + ")");
    tEnv.executeSql("CREATE TABLE out_t " + columns + " WITH (" + kafka(out, ", 'format' = 'csv'") + ")");
    tEnv.executeSql("INSERT INTO out_t SELECT UPPER(v), ts, `headers` FROM in_t");
    ConsumerRecord<byte[], byte[]> record = broker.readAll(out, "read_committed").get(0);
    assertThat(record.timestamp()).isEqualTo(123456L);
    assertThat(record.headers().lastHeader("h").value()).containsExactly(10, 11);
    assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("X");
  }

  @Test
  void anInsertWritesThePhysicalAndPersistedMetadataColumnsAndSkipsVirtualAndComputedOnes() throws Exception {
    String topic = newTopic(1);
    tEnv.executeSql("CREATE TABLE events (`partition` INT METADATA VIRTUAL, id BIGINT,"
        + " ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', `offset` BIGINT METADATA VIRTUAL,"
        + " label AS 'n' || CAST(id AS STRING), v STRING) WITH (" + kafka(topic, ", 'format' = 'csv'") + ")");
    // The query gives the persisted columns in the table's order: id, ts, v.
    tEnv.executeSql("INSERT INTO events VALUES (1, TO_TIMESTAMP_LTZ(5000, 3), 'a'), (2, TO_TIMESTAMP_LTZ(6000, 3), 'b')");
    // The rows of a VALUES may arrive in any order.
    List<ConsumerRecord<byte[], byte[]>> records = broker.readAll(topic, "read_committed");
    assertThat(records).extracting(r -> new String(r.value(), StandardCharsets.UTF_8) + "@" + r.timestamp())
        .containsExactlyInAnyOrder("1,a@5000", "2,b@6000");
    List<Row> read = rows("SELECT `partition`, id, ts, label, v, `offset` FROM events");
    assertThat(read).extracting(r -> Row.of(r.getField(0), r.getField(1), r.getField(2), r.getField(3), r.getField(4)))
        .containsExactlyInAnyOrder(Row.of(0, 1L, Instant.ofEpochMilli(5000), "n1", "a"),
            Row.of(0, 2L, Instant.ofEpochMilli(6000), "n2", "b"));
    assertThat(read).extracting(r -> r.getField(5)).containsExactlyInAnyOrder(0L, 1L);
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO events SELECT id, ts, v, label FROM events"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Column types of query result and sink for 'default_catalog.default_database.events' do not"
            + " match.\nCause: Different number of columns.\n\nQuery schema: [id: BIGINT, ts: TIMESTAMP_LTZ(3),"
            + " v: STRING, label: STRING]\nSink schema:  [id: BIGINT, ts: TIMESTAMP_LTZ(3), v: STRING]");
  }

  @Test
  void aMetadataColumnTheConnectorCannotWriteMustBeVirtual() {
    String topic = newTopic(1);
    tEnv.executeSql("CREATE TABLE o (v STRING, `offset` BIGINT METADATA) WITH (" + kafka(topic, ", 'format' = 'csv'")
        + ")");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO o VALUES ('a', 1)"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("column 'offset' has METADATA key 'offset', which connector 'kafka' does not write")
        .hasMessageContaining("VIRTUAL");
  }

  @Test
  void exactlyOnceSinkCommitsWhatReadCommittedConsumersSee() throws Exception {
    String topic = newTopic(2);
    tEnv.getConfig().set("execution.checkpointing.interval", "200 ms");
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '50',"
        + " 'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '50')");
    tEnv.executeSql("CREATE TABLE sink (n BIGINT) WITH (" + kafka(topic, ", 'format' = 'json',"
        + " 'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = 'eos-" + topic + "',"
        + " 'sink.partitioner' = 'round-robin'") + ")");
    tEnv.executeSql("INSERT INTO sink SELECT n FROM numbers");
    List<ConsumerRecord<byte[], byte[]>> committed = broker.readAllCommitted(topic);
    assertThat(committed).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
        .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, 50)
            .mapToObj(n -> "{\"n\":" + n + "}").toList());
    assertThat(committed).extracting(ConsumerRecord::partition).contains(0, 1);
    tEnv.executeSql("CREATE TABLE back (n BIGINT) WITH (" + kafka(topic, ", 'format' = 'json',"
        + " 'properties.isolation.level' = 'read_committed'") + ")");
    assertThat(rows("SELECT SUM(n) FROM back")).last().isEqualTo(Row.ofKind(io.spate.api.types.RowKind.UPDATE_AFTER,
        1275L));
  }

  @Test
  void fixedPartitionerWritesEverySubtaskIntoOnePartition() throws Exception {
    String topic = newTopic(3);
    tEnv.executeSql("CREATE TABLE fixed (n INT) WITH (" + kafka(topic, ", 'format' = 'csv', 'sink.partitioner' = 'fixed'")
        + ")");
    tEnv.executeSql("INSERT INTO fixed VALUES (1), (2), (3), (4)");
    assertThat(broker.readAll(topic, "read_committed")).extracting(ConsumerRecord::partition).containsOnly(0);
  }

  @Test
  void anUpdatingQueryIsRefusedNamingTheTable() {
    String topic = newTopic(1);
    tEnv.executeSql("CREATE TABLE counts (k STRING, c BIGINT) WITH (" + kafka(topic, ", 'format' = 'json'") + ")");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO counts SELECT k, COUNT(*) FROM (VALUES ('a'), ('b'), ('a'))"
        + " AS w(k) GROUP BY k"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("default_catalog.default_database.counts").hasMessageContaining("takes only inserts")
        .hasMessageContaining("upsert-kafka");
  }
}
