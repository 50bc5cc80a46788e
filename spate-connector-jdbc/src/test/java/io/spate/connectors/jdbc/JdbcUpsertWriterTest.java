package io.spate.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.lib.TestWriterContext;
import io.spate.connectors.jdbc.dialect.JdbcDialect;
import io.spate.connectors.jdbc.dialect.JdbcDialects;
import io.spate.connectors.jdbc.dialect.PostgresDialect;
import io.spate.connectors.jdbc.testing.PostgresTestDatabase;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * The keyed upsert writer against a real PostgreSQL: the table equals the fold of the changes, a flush
 * writes each key once, flushes by size, time and checkpoint, retries, the fallback without an upsert
 * statement, and the dialect of a URL.
 */
class JdbcUpsertWriterTest {

  private static PostgresTestDatabase db;

  @BeforeAll
  static void start() {
    db = PostgresTestDatabase.start();
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  /** A change of one key: a new value, or a delete (value ignored). */
  record Change(int key, int value, boolean delete) {}

  private static JdbcConnectionOptions connection() {
    return new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
        .withUrl(db.url()).withUsername(db.user()).build();
  }

  private static JdbcUpsertSink.Builder<Change> sink(String table, JdbcExecutionOptions options) {
    return JdbcUpsertSink.<Change>builder()
        .setTableName(table)
        .setFieldNames("id", "v")
        .setKeyFieldNames("id")
        .setValueExtractor(c -> new Object[] {c.key(), c.value()})
        .setDeleteFilter(Change::delete)
        .setExecutionOptions(options)
        .setConnectionOptions(connection())
        .setRetryBackoff(Duration.ofMillis(20));
  }

  private static SinkWriter<Change> writer(JdbcUpsertSink.Builder<Change> builder) {
    return builder.build().createWriter(new TestWriterContext(0, 1));
  }

  private static Map<Integer, Integer> table(String table) {
    Map<Integer, Integer> rows = new TreeMap<>();
    for (List<Object> row : db.query("SELECT id, v FROM " + table)) {
      rows.put((Integer) row.get(0), (Integer) row.get(1));
    }
    return rows;
  }

  private static Map<Integer, Integer> fold(List<Change> changes) {
    Map<Integer, Integer> rows = new TreeMap<>();
    for (Change change : changes) {
      if (change.delete()) {
        rows.remove(change.key());
      } else {
        rows.put(change.key(), change.value());
      }
    }
    return rows;
  }

  private static Gen<List<Change>> changes() {
    Gen<Change> change = SourceDSL.integers().between(0, 6).zip(SourceDSL.integers().between(-1000, 1000),
        SourceDSL.integers().between(0, 3), (k, v, d) -> new Change(k, v, d == 0));
    return SourceDSL.lists().of(change).ofSizeBetween(0, 40);
  }

  @Test
  void theTableEqualsTheFoldOfAnyChangesFlushedInAnyBatchSizes() {
    db.execute("CREATE TABLE folded (id INT PRIMARY KEY, v INT)");
    qt().withExamples(40).withShrinkCycles(20)
        .forAll(changes(), SourceDSL.integers().between(1, 9), SourceDSL.integers().between(0, 40))
        .checkAssert((changes, batchSize, flushAt) -> {
          db.execute("TRUNCATE folded");
          try (SinkWriter<Change> writer = writer(sink("folded",
              JdbcExecutionOptions.builder().withBatchSize(batchSize).build()))) {
            for (int i = 0; i < changes.size(); i++) {
              if (i == flushAt) {
                writer.flush(false);
              }
              writer.write(changes.get(i), TestWriterContext.NO_TIME);
            }
            writer.flush(false);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
          assertThat(table("folded")).as("%s in batches of %s", changes, batchSize).isEqualTo(fold(changes));
        });
  }

  @Test
  void theLastChangeOfAKeyWinsWithinABatch() {
    List<JdbcUpsertWriter.Change> batch = List.of(
        new JdbcUpsertWriter.Change(false, new Object[] {1, "a"}),
        new JdbcUpsertWriter.Change(false, new Object[] {2, "b"}),
        new JdbcUpsertWriter.Change(true, new Object[] {1, "a"}),
        new JdbcUpsertWriter.Change(false, new Object[] {2, "c"}));
    List<JdbcUpsertWriter.Change> reduced = new ArrayList<>(JdbcUpsertWriter.lastChangePerKey(batch, new int[] {0}));
    assertThat(reduced).hasSize(2);
    assertThat(reduced.get(0).delete()).isTrue();
    assertThat(reduced.get(1).values()).containsExactly(2, "c");
  }

  @Test
  void aFlushWritesEachKeyOnce() throws Exception {
    db.execute("CREATE TABLE once (id INT PRIMARY KEY, v INT)",
        "CREATE TABLE once_writes (id INT)",
        "CREATE FUNCTION log_once() RETURNS trigger AS $$ BEGIN INSERT INTO once_writes VALUES (NEW.id);"
            + " RETURN NEW; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER once_log AFTER INSERT OR UPDATE ON once FOR EACH ROW EXECUTE FUNCTION log_once()");
    try (SinkWriter<Change> writer = writer(sink("once", JdbcExecutionOptions.builder().withBatchSize(1000).build()))) {
      for (int i = 0; i < 50; i++) {
        writer.write(new Change(i % 2, i, false), TestWriterContext.NO_TIME);
      }
      writer.flush(false);
    }
    assertThat(table("once")).isEqualTo(Map.of(0, 48, 1, 49));
    assertThat(db.queryLong("SELECT count(*) FROM once_writes")).isEqualTo(2);
  }

  @Test
  void aFullBufferAndTheIntervalFlushWithoutACheckpoint() throws Exception {
    db.execute("CREATE TABLE by_size (id INT PRIMARY KEY, v INT)", "CREATE TABLE by_time (id INT PRIMARY KEY, v INT)");
    try (SinkWriter<Change> writer = writer(sink("by_size", JdbcExecutionOptions.builder().withBatchSize(10).build()))) {
      for (int i = 0; i < 15; i++) {
        writer.write(new Change(i, i, false), TestWriterContext.NO_TIME);
      }
      Await.until(Duration.ofSeconds(30), "a full buffer flushed", () -> table("by_size").size() == 10);
      assertThat(table("by_size")).as("the rest waits for a flush").hasSize(10);
      writer.flush(false);
      assertThat(table("by_size")).hasSize(15);
    }
    try (SinkWriter<Change> writer = writer(sink("by_time",
        JdbcExecutionOptions.builder().withBatchSize(1000).withBatchIntervalMs(50).build()))) {
      writer.write(new Change(7, 70, false), TestWriterContext.NO_TIME);
      Await.until(Duration.ofSeconds(30), "the interval flushed", () -> table("by_time").equals(Map.of(7, 70)));
    }
  }

  @Test
  void aBrokenConnectionIsRetriedOnANewOne() throws Exception {
    db.execute("CREATE TABLE retried (id INT PRIMARY KEY, v INT)");
    try (SinkWriter<Change> writer = writer(sink("retried", JdbcExecutionOptions.builder().withBatchSize(1000).build()))) {
      writer.write(new Change(1, 1, false), TestWriterContext.NO_TIME);
      writer.flush(false);
      assertThat(db.terminateConnections()).isPositive();
      writer.write(new Change(1, 2, false), TestWriterContext.NO_TIME);
      writer.write(new Change(2, 2, false), TestWriterContext.NO_TIME);
      writer.flush(false);
    }
    assertThat(table("retried")).isEqualTo(Map.of(1, 2, 2, 2));
  }

  @Test
  void aDialectWithoutAnUpsertStatementUpdatesThenInserts() throws Exception {
    db.execute("CREATE TABLE fallback (id INT PRIMARY KEY, v INT)");
    JdbcDialect noUpsert = new JdbcDialect() {
      @Override
      public String dialectName() {
        return "no upsert";
      }

      @Override
      public String defaultDriverName() {
        return "org.postgresql.Driver";
      }

      @Override
      public Optional<String> getUpsertStatement(String tableName, String[] fieldNames, String[] uniqueKeyFields) {
        return Optional.empty();
      }
    };
    List<Change> changes = List.of(new Change(1, 1, false), new Change(2, 2, false), new Change(3, 3, false));
    try (SinkWriter<Change> writer = writer(sink("fallback", JdbcExecutionOptions.builder().withBatchSize(2).build())
        .setDialect(noUpsert))) {
      for (Change change : changes) {
        writer.write(change, TestWriterContext.NO_TIME);
      }
      writer.flush(false);
      writer.write(new Change(1, 10, false), TestWriterContext.NO_TIME);
      writer.write(new Change(2, 0, true), TestWriterContext.NO_TIME);
      writer.flush(false);
    }
    assertThat(table("fallback")).isEqualTo(Map.of(1, 10, 3, 3));
  }

  @Test
  void aBadStatementFailsNamingTheTable() throws Exception {
    SinkWriter<Change> writer = writer(sink("no_such_table", JdbcExecutionOptions.builder().withBatchSize(10).build()));
    try {
      writer.write(new Change(1, 1, false), TestWriterContext.NO_TIME);
      assertThatThrownBy(() -> writer.flush(false)).hasMessageContaining("no_such_table");
    } finally {
      writer.close();
    }
  }

  @Test
  void postgresUpsertsWithOnConflictAndUnknownUrlsNameTheKnownPrefixes() {
    JdbcDialect dialect = JdbcDialects.forUrl("jdbc:postgresql://127.0.0.1:5432/shop");
    assertThat(dialect).isInstanceOf(PostgresDialect.class);
    assertThat(dialect.getUpsertStatement("totals", new String[] {"id", "name", "total"}, new String[] {"id"}))
        .contains("INSERT INTO totals (id, name, total) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            + " name = EXCLUDED.name, total = EXCLUDED.total");
    assertThat(dialect.getUpsertStatement("keys", new String[] {"a", "b"}, new String[] {"a", "b"}))
        .contains("INSERT INTO keys (a, b) VALUES (?, ?) ON CONFLICT (a, b) DO NOTHING");
    assertThat(dialect.getDeleteStatement("totals", new String[] {"id", "day"}))
        .isEqualTo("DELETE FROM totals WHERE id = ? AND day = ?");
    assertThatThrownBy(() -> JdbcDialects.forUrl("jdbc:mysql://host/db"))
        .hasMessageContaining("jdbc:mysql://host/db").hasMessageContaining("jdbc:postgresql:");
    assertThatThrownBy(() -> sink("t", JdbcExecutionOptions.defaults()).setKeyFieldNames("nope").build())
        .hasMessageContaining("'nope'").hasMessageContaining("[id, v]");
  }
}
