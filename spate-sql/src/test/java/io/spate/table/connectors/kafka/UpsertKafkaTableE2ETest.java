package io.spate.table.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.ExplainDetail;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code upsert-kafka} SQL connector against a real broker: a GROUP BY writes its updates as
 * values under their key (update-befores dropped), a query reads the topic back as a changelog
 * through ChangelogNormalize whose fold is the GROUP BY's result, tombstones delete, and a query
 * that needs update-before rows (a GROUP BY over the table) gets them.
 */
class UpsertKafkaTableE2ETest {

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

  private String countsTable() {
    String topic = "u" + TOPICS.incrementAndGet();
    broker.createTopic(topic, 2);
    tEnv.executeSql("CREATE TABLE counts (k STRING, c BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ("
        + "'connector' = 'upsert-kafka', 'topic' = '" + topic + "', 'properties.bootstrap.servers' = '"
        + broker.bootstrapServers() + "', 'key.format' = 'json', 'value.format' = 'json',"
        + " 'scan.bounded.mode' = 'latest-offset')");
    return topic;
  }

  private static final String WORDS = "(VALUES ('a'), ('b'), ('a'), ('c'), ('a')) AS w(k)";

  private List<Row> changelog(String query) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> it = tEnv.executeSql(query).collect()) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }

  /** The rows that remain of {@code changes}, with their multiplicities. */
  private static Map<Row, Integer> fold(List<Row> changes) {
    Map<Row, Integer> folded = new HashMap<>();
    for (Row change : changes) {
      Row row = Row.copy(change);
      row.setKind(RowKind.INSERT);
      boolean adds = change.getKind() == RowKind.INSERT || change.getKind() == RowKind.UPDATE_AFTER;
      folded.merge(row, adds ? 1 : -1, Integer::sum);
      folded.remove(row, 0);
    }
    return folded;
  }

  @Test
  void aGroupByWrittenAsUpsertsReadsBackAsItsResult() throws Exception {
    String topic = countsTable();
    tEnv.executeSql("INSERT INTO counts SELECT k, COUNT(*) FROM " + WORDS + " GROUP BY k");
    List<ConsumerRecord<byte[], byte[]>> records = broker.readAll(topic, "read_committed");
    assertThat(records).as("inserts and update-afters only").hasSize(5);
    assertThat(records).allSatisfy(r -> assertThat(new String(r.key(), StandardCharsets.UTF_8)).startsWith("{\"k\":"));
    List<Row> changes = changelog("SELECT * FROM counts");
    assertThat(fold(changes)).isEqualTo(Map.of(Row.of("a", 3L), 1, Row.of("b", 1L), 1, Row.of("c", 1L), 1));
    assertThat(changes).contains(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1L), Row.ofKind(RowKind.UPDATE_AFTER, "a", 2L));
  }

  @Test
  void aTombstoneDeletesItsKeyAndAnUnknownKeysTombstoneNothing() throws Exception {
    String topic = countsTable();
    tEnv.executeSql("INSERT INTO counts SELECT k, COUNT(*) FROM " + WORDS + " GROUP BY k");
    broker.produce(List.of(new ProducerRecord<>(topic, key("b"), null), new ProducerRecord<>(topic, key("zz"), null)));
    List<Row> changes = changelog("SELECT * FROM counts");
    assertThat(fold(changes)).isEqualTo(Map.of(Row.of("a", 3L), 1, Row.of("c", 1L), 1));
    assertThat(changes).contains(Row.ofKind(RowKind.DELETE, "b", 1L));
    assertThat(changes).noneMatch(r -> "zz".equals(r.getField(0)));
  }

  @Test
  void aGroupByOverTheTableRetractsThroughUpdateBeforeRows() throws Exception {
    String topic = countsTable();
    tEnv.executeSql("INSERT INTO counts SELECT k, COUNT(*) FROM " + WORDS + " GROUP BY k");
    broker.produce(List.of(new ProducerRecord<>(topic, key("c"), null)));
    // a: 1, 2, 3; b: 1; c: 1 then deleted: one key with count 3 and one with count 1
    assertThat(fold(changelog("SELECT c, COUNT(*) FROM counts GROUP BY c")))
        .isEqualTo(Map.of(Row.of(3L, 1L), 1, Row.of(1L, 1L), 1));
  }

  @Test
  void aSinkOfItsOwnParallelismKeepsEachKeysChangesInOrder() throws Exception {
    String topic = "u" + TOPICS.incrementAndGet();
    broker.createTopic(topic, 3);
    tEnv.executeSql("CREATE TABLE wide (k STRING, c BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ("
        + "'connector' = 'upsert-kafka', 'topic' = '" + topic + "', 'properties.bootstrap.servers' = '"
        + broker.bootstrapServers() + "', 'key.format' = 'csv', 'value.format' = 'csv', 'sink.parallelism' = '2',"
        + " 'scan.bounded.mode' = 'latest-offset')");
    tEnv.executeSql("INSERT INTO wide SELECT k, COUNT(*) FROM " + WORDS + " GROUP BY k");
    assertThat(fold(changelog("SELECT * FROM wide")))
        .isEqualTo(Map.of(Row.of("a", 3L), 1, Row.of("b", 1L), 1, Row.of("c", 1L), 1));
  }

  @Test
  void aBufferedSinkWritesOnlyEachKeysLastChangeOfTheBuffer() throws Exception {
    String topic = "u" + TOPICS.incrementAndGet();
    broker.createTopic(topic, 2);
    tEnv.executeSql("CREATE TABLE buffered (k STRING, c BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ("
        + "'connector' = 'upsert-kafka', 'topic' = '" + topic + "', 'properties.bootstrap.servers' = '"
        + broker.bootstrapServers() + "', 'key.format' = 'json', 'value.format' = 'json',"
        + " 'sink.buffer-flush.max-rows' = '100', 'sink.buffer-flush.interval' = '1 h',"
        + " 'scan.bounded.mode' = 'latest-offset')");
    tEnv.executeSql("INSERT INTO buffered SELECT k, COUNT(*) FROM " + WORDS + " GROUP BY k");
    // Unbuffered, the five words make five records (a: 1, 2, 3); the buffer keeps a key's last only.
    List<ConsumerRecord<byte[], byte[]>> records = broker.readAll(topic, "read_committed");
    assertThat(records).hasSize(3);
    assertThat(fold(changelog("SELECT * FROM buffered")))
        .isEqualTo(Map.of(Row.of("a", 3L), 1, Row.of("b", 1L), 1, Row.of("c", 1L), 1));
  }

  @Test
  void aBufferNeedsBothItsRowsAndItsInterval() {
    tEnv.executeSql("CREATE TABLE half (k STRING, c BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ("
        + "'connector' = 'upsert-kafka', 'topic' = 'half', 'properties.bootstrap.servers' = '"
        + broker.bootstrapServers() + "', 'key.format' = 'json', 'value.format' = 'json',"
        + " 'sink.buffer-flush.max-rows' = '100')");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO half SELECT k, COUNT(*) FROM " + WORDS + " GROUP BY k"))
        .hasMessageContaining("'sink.buffer-flush.max-rows' and 'sink.buffer-flush.interval' must both be greater"
            + " than zero");
  }

  @Test
  void explainShowsTheUpsertSourceAndItsNormalization() {
    countsTable();
    String plan = tEnv.explainSql("SELECT k, c FROM counts WHERE c > 1", ExplainDetail.CHANGELOG_MODE);
    assertThat(Arrays.stream(plan.split("\n")).filter(l -> l.contains("ChangelogNormalize")).toList())
        .singleElement().asString().contains("ChangelogNormalize(key=[k]").endsWith("changelogMode=[I,UB,UA,D])");
    List<String> scans = Arrays.stream(plan.split("\n")).filter(l -> l.contains("LogicalTableScan")).toList();
    assertThat(scans.get(scans.size() - 1)).endsWith("changelogMode=[I,UA,D])");
  }

  @Test
  void aTableWithoutPrimaryKeyOrKeyFormatIsRefused() {
    String options = "'connector' = 'upsert-kafka', 'topic' = 'x', 'properties.bootstrap.servers' = '"
        + broker.bootstrapServers() + "'";
    tEnv.executeSql("CREATE TABLE nokey (k STRING, c BIGINT) WITH (" + options
        + ", 'key.format' = 'json', 'value.format' = 'json')");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM nokey"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("connector 'upsert-kafka' needs a PRIMARY KEY");
    tEnv.executeSql("CREATE TABLE noformat (k STRING, c BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH (" + options
        + ", 'value.format' = 'json')");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM noformat"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("misses the required option(s) key.format");
  }

  private static byte[] key(String k) {
    return ("{\"k\":\"" + k + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anUpsertKafkaTableIsAVersionedTableOfATemporalJoin() throws Exception {
    String topic = "u" + TOPICS.incrementAndGet();
    broker.createTopic(topic, 2);
    tEnv.executeSql("CREATE TABLE rates (currency STRING, rate BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts,"
        + " PRIMARY KEY (currency) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = '" + topic + "',"
        + " 'properties.bootstrap.servers' = '" + broker.bootstrapServers() + "', 'key.format' = 'json',"
        + " 'value.format' = 'json', 'scan.bounded.mode' = 'latest-offset')");
    tEnv.executeSql("INSERT INTO rates SELECT * FROM (VALUES ('EUR', CAST(10 AS BIGINT), TIMESTAMP '2024-01-01 10:00:00'),"
        + " ('EUR', CAST(12 AS BIGINT), TIMESTAMP '2024-01-01 10:05:00')) AS v(currency, rate, ts)");
    // Orders at 10:00, 10:03, 10:06 and 10:09 in euros.
    tEnv.executeSql("CREATE TABLE orders (n INT, currency AS 'EUR', ts AS CAST(TIMESTAMP '2024-01-01 10:00:00' + INTERVAL '3' MINUTE * n"
        + " AS TIMESTAMP(3)), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence',"
        + " 'fields.n.start' = '0', 'fields.n.end' = '3')");
    List<Row> joined = changelog("SELECT o.n, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r"
        + " ON o.currency = r.currency");
    assertThat(joined).containsExactlyInAnyOrder(Row.of(0, 10L), Row.of(1, 10L), Row.of(2, 12L), Row.of(3, 12L));
  }
}
