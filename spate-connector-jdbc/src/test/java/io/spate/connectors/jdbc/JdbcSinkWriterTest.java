package io.spate.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.lib.TestWriterContext;
import io.spate.connectors.jdbc.testing.PostgresTestDatabase;
import io.spate.testing.Await;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The at-least-once JDBC sink's writer against a real PostgreSQL: when batches run, what a flush
 * guarantees, retries over a killed connection, and the errors users see.
 */
class JdbcSinkWriterTest {

  private static PostgresTestDatabase db;

  @BeforeAll
  static void start() {
    db = PostgresTestDatabase.start();
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  record Item(long id, String name) {}

  private static final JdbcStatementBuilder<Item> ITEM = (statement, item) -> {
    statement.setLong(1, item.id());
    statement.setString(2, item.name());
  };

  private static JdbcConnectionOptions connection() {
    return new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
        .withUrl(db.url()).withDriverName("org.postgresql.Driver").withUsername(db.user()).build();
  }

  private static SinkWriter<Item> writer(String table, JdbcExecutionOptions options, JdbcConnectionOptions conn)
      throws IOException {
    db.execute("CREATE TABLE IF NOT EXISTS " + table + " (id BIGINT PRIMARY KEY, name TEXT)");
    return JdbcSink.sink("INSERT INTO " + table + " (id, name) VALUES (?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name", ITEM, options, conn)
        .createWriter(new TestWriterContext(0, 1));
  }

  private static void write(SinkWriter<Item> writer, long from, long to) throws Exception {
    for (long i = from; i < to; i++) {
      writer.write(new Item(i, "item-" + i), TestWriterContext.NO_TIME);
    }
  }

  private static long count(String table) {
    return db.queryLong("SELECT count(*) FROM " + table);
  }

  @Test
  void aBatchRunsWhenFullAndTheRestOnlyWhenFlushed() throws Exception {
    try (SinkWriter<Item> writer = writer("full_batches",
        JdbcExecutionOptions.builder().withBatchSize(100).build(), connection())) {
      write(writer, 0, 250);
      Await.until(Duration.ofSeconds(30), "two full batches written", () -> count("full_batches") == 200);
      assertThat(count("full_batches")).as("the half batch waits for a flush").isEqualTo(200);
      writer.flush(false);
      assertThat(count("full_batches")).isEqualTo(250);
    }
  }

  @Test
  void aFlushWritesEverythingBeforeItReturns() throws Exception {
    try (SinkWriter<Item> writer = writer("flushed", JdbcExecutionOptions.defaults(), connection())) {
      write(writer, 0, 7);
      assertThat(count("flushed")).as("nothing runs before the batch is full or flushed").isZero();
      writer.flush(false);
      assertThat(count("flushed")).isEqualTo(7);
      assertThat(db.query("SELECT name FROM flushed WHERE id = 6")).containsExactly(List.of("item-6"));
    }
  }

  @Test
  void aBatchIntervalWritesAPartialBatchWithoutAFlush() throws Exception {
    try (SinkWriter<Item> writer = writer("by_interval",
        JdbcExecutionOptions.builder().withBatchSize(1000).withBatchIntervalMs(100).build(), connection())) {
      write(writer, 0, 5);
      Await.until(Duration.ofSeconds(30), "the interval's batch written", () -> count("by_interval") == 5);
    }
  }

  @Test
  void aKilledConnectionIsReplacedAndTheBatchRetried() throws Exception {
    try (SinkWriter<Item> writer = writer("retried",
        JdbcExecutionOptions.builder().withBatchSize(10).withMaxRetries(3).build(), connection())) {
      write(writer, 0, 10);
      writer.flush(false);
      assertThat(db.terminateConnections()).as("connections terminated").isPositive();
      write(writer, 10, 30);
      writer.flush(false);
      assertThat(db.terminateConnections()).isPositive();
      write(writer, 30, 35);
      writer.flush(false);
      assertThat(db.query("SELECT id FROM retried ORDER BY id").stream().map(r -> ((Number) r.get(0)).longValue()))
          .containsExactlyElementsOf(LongStream.range(0, 35).boxed().toList());
    }
  }

  @Test
  void anUpsertWrittenTwiceLeavesOneRow() throws Exception {
    try (SinkWriter<Item> writer = writer("upserted", JdbcExecutionOptions.defaults(), connection())) {
      write(writer, 0, 20);
      writer.flush(false);
      write(writer, 10, 20); // a replay after a failure writes these again
      writer.flush(false);
      assertThat(count("upserted")).isEqualTo(20);
    }
  }

  @Test
  void aMissingTableFailsNamingTheTable() throws Exception {
    try (SinkWriter<Item> writer = JdbcSink.sink("INSERT INTO no_such_table (id, name) VALUES (?, ?)", ITEM,
        JdbcExecutionOptions.defaults(), connection()).createWriter(new TestWriterContext(0, 1))) {
      writer.write(new Item(1, "x"), TestWriterContext.NO_TIME);
      assertThatThrownBy(() -> writer.flush(false))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("JdbcSink")
          .hasMessageContaining("relation \"no_such_table\" does not exist");
    }
  }

  @Test
  void aMissingColumnFailsNamingTheColumn() throws Exception {
    db.execute("CREATE TABLE narrow (id BIGINT PRIMARY KEY)");
    try (SinkWriter<Item> writer = JdbcSink.sink("INSERT INTO narrow (id, name) VALUES (?, ?)", ITEM,
        JdbcExecutionOptions.defaults(), connection()).createWriter(new TestWriterContext(0, 1))) {
      writer.write(new Item(1, "x"), TestWriterContext.NO_TIME);
      assertThatThrownBy(() -> writer.flush(false))
          .hasMessageContaining("column \"name\" of relation \"narrow\" does not exist");
    }
  }

  @Test
  void aWrongPasswordFailsNamingTheUser() throws Exception {
    JdbcConnectionOptions wrong = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
        .withUrl(db.url()).withUsername(PostgresTestDatabase.SECURE_USER).withPassword("not-the-password").build();
    try (SinkWriter<Item> writer = writer("unreachable", JdbcExecutionOptions.defaults(), wrong)) {
      assertThatThrownBy(() -> writer.flush(false))
          .hasMessageContaining("cannot connect to " + db.url() + " as user '" + PostgresTestDatabase.SECURE_USER + "'")
          .hasMessageContaining("password authentication failed");
    }
  }

  @Test
  void aUrlNoDriverAcceptsFailsNamingTheUrl() throws Exception {
    JdbcConnectionOptions bad = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
        .withUrl("jdbc:postgres://127.0.0.1:" + db.port() + "/postgres").build();
    try (SinkWriter<Item> writer = JdbcSink.sink("INSERT INTO t VALUES (?, ?)", ITEM,
        JdbcExecutionOptions.defaults(), bad).createWriter(new TestWriterContext(0, 1))) {
      assertThatThrownBy(() -> writer.flush(false))
          .hasMessageContaining("no JDBC driver accepts the URL 'jdbc:postgres://127.0.0.1:" + db.port());
    }
  }

  @Test
  void aDriverClassNotOnTheClassPathIsNamed() throws Exception {
    JdbcConnectionOptions bad = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
        .withUrl(db.url()).withDriverName("com.example.NoSuchDriver").build();
    try (SinkWriter<Item> writer = JdbcSink.sink("INSERT INTO t VALUES (?, ?)", ITEM,
        JdbcExecutionOptions.defaults(), bad).createWriter(new TestWriterContext(0, 1))) {
      assertThatThrownBy(() -> writer.flush(false))
          .hasMessageContaining("the JDBC driver class 'com.example.NoSuchDriver' is not on the class path");
    }
  }

  @Test
  void aFailingStatementBuilderNamesTheRecord() throws Exception {
    db.execute("CREATE TABLE built (id BIGINT PRIMARY KEY, name TEXT)");
    JdbcStatementBuilder<Item> failing = (statement, item) -> {
      if (item.name() == null) {
        throw new IllegalArgumentException("the name is null");
      }
      ITEM.accept(statement, item);
    };
    try (SinkWriter<Item> writer = JdbcSink.sink("INSERT INTO built (id, name) VALUES (?, ?)", failing,
        JdbcExecutionOptions.defaults(), connection()).createWriter(new TestWriterContext(0, 1))) {
      writer.write(new Item(1, "a"), TestWriterContext.NO_TIME);
      writer.write(new Item(2, null), TestWriterContext.NO_TIME);
      assertThatThrownBy(() -> writer.flush(false))
          .hasMessageContaining("the statement builder failed on record Item[id=2, name=null] (#1 of a batch of 2)")
          .hasMessageContaining("the name is null");
      assertThatThrownBy(() -> writer.write(new Item(3, "c"), TestWriterContext.NO_TIME))
          .as("the writer stays failed").hasMessageContaining("statement builder failed");
    }
    assertThat(count("built")).as("the failed batch left nothing behind").isZero();
  }

  @Test
  void optionsOutOfRangeAreRejectedByName() {
    assertThatThrownBy(() -> JdbcExecutionOptions.builder().withBatchSize(0).build())
        .hasMessageContaining("batch size must be at least 1, not 0");
    assertThatThrownBy(() -> new JdbcConnectionOptions.JdbcConnectionOptionsBuilder().build())
        .hasMessageContaining("the JDBC URL is missing");
    assertThatThrownBy(() -> new JdbcConnectionOptions.JdbcConnectionOptionsBuilder().withUrl("postgres://x").build())
        .hasMessageContaining("'postgres://x' is not a JDBC URL");
    assertThatThrownBy(() -> JdbcSink.exactlyOnceSink("INSERT INTO t VALUES (?)", (s, x) -> { },
        JdbcExecutionOptions.defaults(), JdbcExactlyOnceOptions.defaults(), db.xaDataSource()))
        .hasMessageContaining("needs JdbcExecutionOptions with maxRetries 0, not 3");
  }
}
