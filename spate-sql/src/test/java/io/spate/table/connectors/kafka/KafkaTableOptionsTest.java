package io.spate.table.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.ValidationException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wrong options of the {@code kafka} and {@code upsert-kafka} connectors fail when the query is
 * planned, before any broker is asked, naming the table, the option and what was expected.
 */
class KafkaTableOptionsTest {

  private static final String BASE = "'connector' = 'kafka', 'topic' = 'x', 'properties.bootstrap.servers' = 'localhost:1'";

  private TableEnvironment tEnv;
  private int tables;

  @BeforeEach
  void createEnvironment() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
  }

  private AbstractThrowableAssert<?, ? extends Throwable> reading(String columns, String options) {
    String table = "t" + (++tables);
    tEnv.executeSql("CREATE TABLE " + table + " (" + columns + ") WITH (" + options + ")");
    return assertThatThrownBy(() -> tEnv.explainSql("SELECT * FROM " + table + " WHERE TRUE",
        io.spate.table.api.ExplainDetail.CHANGELOG_MODE))
        .isInstanceOf(ValidationException.class).hasMessageContaining("default_catalog.default_database." + table);
  }

  private AbstractThrowableAssert<?, ? extends Throwable> running(String columns, String options) {
    String table = "t" + (++tables);
    tEnv.executeSql("CREATE TABLE " + table + " (" + columns + ") WITH (" + options + ")");
    return assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM " + table))
        .isInstanceOf(ValidationException.class).hasMessageContaining("default_catalog.default_database." + table);
  }

  private AbstractThrowableAssert<?, ? extends Throwable> reading(String options) {
    return reading("a INT, b STRING", options);
  }

  private AbstractThrowableAssert<?, ? extends Throwable> writing(String options) {
    String table = "t" + (++tables);
    tEnv.executeSql("CREATE TABLE " + table + " (a INT, b STRING) WITH (" + options + ")");
    return assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO " + table + " VALUES (1, 'x')"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("default_catalog.default_database." + table);
  }

  @Test
  void anUnknownOptionNamesTheNearestKnownOne() {
    reading(BASE + ", 'format' = 'csv', 'scan.startup.mod' = 'earliest-offset'")
        .hasMessageContaining("'scan.startup.mod' (did you mean 'scan.startup.mode'?)");
    reading(BASE + ", 'format' = 'json', 'json.fail-on-missing' = 'true', 'scan.startup.mode' = 'earliest-offset'")
        .hasMessageContaining("'json.fail-on-missing' (did you mean 'json.fail-on-missing-field'?)");
  }

  @Test
  void startupAndBoundedModesAreChecked() {
    reading(BASE + ", 'format' = 'csv', 'scan.startup.mode' = 'earliest'")
        .hasMessageContaining("'scan.startup.mode' = 'earliest' is not one of")
        .hasMessageContaining("did you mean 'earliest-offset'?");
    reading(BASE + ", 'format' = 'csv', 'scan.startup.mode' = 'timestamp'")
        .hasMessageContaining("needs 'scan.startup.timestamp-millis'");
    reading(BASE + ", 'format' = 'csv', 'scan.startup.mode' = 'specific-offsets',"
        + " 'scan.startup.specific-offsets' = 'partition:0;offset:4'")
        .hasMessageContaining("'partition:0' where 'partition:<number>,offset:<number>' was expected");
    reading(BASE + ", 'format' = 'csv'")
        .hasMessageContaining("'scan.startup.mode' = 'group-offsets', the default")
        .hasMessageContaining("'properties.group.id'");
    reading(BASE + ", 'format' = 'csv', 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'never'")
        .hasMessageContaining("'scan.bounded.mode' = 'never' is not one of [unbounded, earliest-offset");
  }

  @Test
  void topicsAndFormatsAreChecked() {
    String servers = "'connector' = 'kafka', 'properties.bootstrap.servers' = 'localhost:1', 'format' = 'csv',"
        + " 'scan.startup.mode' = 'earliest-offset'";
    reading(servers).hasMessageContaining("sets neither 'topic' nor 'topic-pattern'");
    reading(servers + ", 'topic' = 'a', 'topic-pattern' = 'a.*'").hasMessageContaining("sets both 'topic' and"
        + " 'topic-pattern'");
    reading(servers + ", 'topic-pattern' = 'a(('").hasMessageContaining("'topic-pattern' = 'a((' is not a regular"
        + " expression");
    reading("'connector' = 'kafka', 'topic' = 'x', 'properties.bootstrap.servers' = 'localhost:1',"
        + " 'scan.startup.mode' = 'earliest-offset'").hasMessageContaining("misses the required option 'value.format'");
    reading(BASE + ", 'format' = 'xml', 'scan.startup.mode' = 'earliest-offset'")
        .hasMessageContaining("no format 'xml'");
  }

  @Test
  void keyOptionsAreChecked() {
    String value = BASE + ", 'value.format' = 'json', 'scan.startup.mode' = 'earliest-offset'";
    reading(value + ", 'key.fields' = 'a'").hasMessageContaining("has 'key.fields' but no 'key.format'");
    reading(value + ", 'key.format' = 'json'").hasMessageContaining("has a 'key.format' but no 'key.fields'");
    reading(value + ", 'key.format' = 'json', 'key.fields' = 'nope'")
        .hasMessageContaining("'key.fields' names 'nope', which is not one of its physical columns [a, b]");
    reading(value + ", 'key.format' = 'json', 'key.fields' = 'a', 'key.fields-prefix' = 'k_'")
        .hasMessageContaining("needs 'value.fields-include' = 'EXCEPT_KEY'");
    reading(value + ", 'key.format' = 'json', 'key.fields' = 'a', 'key.fields-prefix' = 'k_',"
        + " 'value.fields-include' = 'EXCEPT_KEY'").hasMessageContaining("'a' does not start with the 'key.fields-prefix'");
    reading(value + ", 'value.fields-include' = 'SOME'").hasMessageContaining("'value.fields-include' = 'SOME' is not one"
        + " of 'ALL', 'EXCEPT_KEY'");
  }

  @Test
  void metadataColumnsAreChecked() {
    String options = BASE + ", 'format' = 'csv', 'scan.startup.mode' = 'earliest-offset'";
    running("a INT, o BIGINT METADATA FROM 'offsets'", options)
        .hasMessageContaining("column 'o' has METADATA key 'offsets', which connector 'kafka' does not read")
        .hasMessageContaining("offset, timestamp, timestamp-type");
    running("a INT, o INT METADATA FROM 'offset'", options)
        .hasMessageContaining("METADATA column 'o' (key 'offset') is INT, but the connector's 'offset' is BIGINT");
  }

  @Test
  void sinkOptionsAreChecked() {
    writing(BASE + ", 'format' = 'csv', 'sink.delivery-guarantee' = 'exactly-once'")
        .hasMessageContaining("needs 'sink.transactional-id-prefix'");
    writing(BASE + ", 'format' = 'csv', 'sink.delivery-guarantee' = 'once'")
        .hasMessageContaining("'sink.delivery-guarantee' = 'once' is not one of");
    writing(BASE + ", 'format' = 'csv', 'sink.partitioner' = 'hash'")
        .hasMessageContaining("'sink.partitioner' = 'hash' is not one of 'default', 'fixed', 'round-robin'");
    writing("'connector' = 'kafka', 'topic' = 'a;b', 'properties.bootstrap.servers' = 'localhost:1', 'format' = 'csv'")
        .hasMessageContaining("a sink writes into one topic, but 'topic' names 2");
    writing("'connector' = 'kafka', 'topic-pattern' = 'a.*', 'properties.bootstrap.servers' = 'localhost:1',"
        + " 'format' = 'csv'").hasMessageContaining("has a 'topic-pattern', which a sink cannot write into");
  }
}
