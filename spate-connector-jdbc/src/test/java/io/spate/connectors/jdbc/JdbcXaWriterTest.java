package io.spate.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.connector.sink.lib.TestWriterContext;
import io.spate.connectors.jdbc.testing.PostgresTestDatabase;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exactly-once writer and committer against a real PostgreSQL: nothing is visible before the
 * commit, a restored writer rolls back what no checkpoint covers and the committer commits what one
 * does (also twice), and a database without prepared transactions fails at once, saying so.
 */
class JdbcXaWriterTest {

  private static PostgresTestDatabase db;

  @BeforeAll
  static void start() {
    db = PostgresTestDatabase.start();
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  private static JdbcSink.JdbcExactlyOnceSink<Long> sink(String table, UUID tag, PostgresTestDatabase database) {
    return new JdbcSink.JdbcExactlyOnceSink<>("INSERT INTO " + table + " (id) VALUES (?)",
        (statement, id) -> statement.setLong(1, id), JdbcExecutionOptions.builder().withMaxRetries(0).build(),
        JdbcExactlyOnceOptions.defaults(), database.xaDataSource(), tag, Duration.ofMillis(10));
  }

  private static void write(JdbcXaWriter<Long> writer, long from, long to) throws IOException {
    for (long i = from; i < to; i++) {
      writer.write(i, TestWriterContext.NO_TIME);
    }
  }

  private static long count(String table) {
    return db.queryLong("SELECT count(*) FROM " + table);
  }

  @Test
  void preparedRowsAppearOnlyWhenCommittedAndACommitTwiceIsHarmless() throws Exception {
    db.execute("CREATE TABLE xa_commit (id BIGINT)");
    JdbcSink.JdbcExactlyOnceSink<Long> sink = sink("xa_commit", UUID.randomUUID(), db);
    try (JdbcXaWriter<Long> writer = (JdbcXaWriter<Long>) sink.createWriter(new TestWriterContext(0, 1))) {
      write(writer, 0, 10);
      writer.flush(false);
      Collection<SinkXid> prepared = writer.prepareCommit();
      writer.snapshotState(1);
      assertThat(prepared).hasSize(1);
      assertThat(count("xa_commit")).as("visible before the commit").isZero();
      assertThat(db.preparedTransactions()).hasSize(1);
      try (var committer = sink.createCommitter()) {
        committer.commit(prepared);
        committer.commit(prepared); // a restore commits what its checkpoint held again
      }
      assertThat(count("xa_commit")).isEqualTo(10);
      assertThat(writer.prepareCommit()).as("nothing written since").isEmpty();
    }
    assertThat(db.preparedTransactions()).isEmpty();
  }

  @Test
  void aRestoredWriterRollsBackWhatNoCompletedCheckpointCoversAndLeavesTheRest() throws Exception {
    db.execute("CREATE TABLE xa_restore (id BIGINT)");
    UUID tag = UUID.randomUUID();
    JdbcSink.JdbcExactlyOnceSink<Long> sink = sink("xa_restore", tag, db);
    List<XaWriterState> checkpoint5;
    Collection<SinkXid> coveredByCheckpoint5;
    try (JdbcXaWriter<Long> writer = (JdbcXaWriter<Long>) sink.createWriter(new TestWriterContext(0, 1))) {
      write(writer, 0, 5);
      coveredByCheckpoint5 = writer.prepareCommit();
      checkpoint5 = writer.snapshotState(5);
      write(writer, 5, 9);
      assertThat(writer.prepareCommit()).hasSize(1); // for checkpoint 6, which never completes
      writer.snapshotState(6);
    } // the subtask fails: both transactions stay prepared
    assertThat(db.preparedTransactions()).hasSize(2);

    // The restore from checkpoint 5: the committer commits what it held, the new writer rolls back the rest.
    try (var committer = sink.createCommitter()) {
      committer.commit(coveredByCheckpoint5);
    }
    try (JdbcXaWriter<Long> restored = (JdbcXaWriter<Long>) sink.restoreWriter(new TestWriterContext(0, 1),
        checkpoint5)) {
      restored.flush(false); // waits for the writer's start, which recovers
      assertThat(db.preparedTransactions()).as("the transaction after checkpoint 5 is rolled back").isEmpty();
      write(restored, 5, 9);
      Collection<SinkXid> again = restored.prepareCommit();
      try (var committer = sink.createCommitter()) {
        committer.commit(again);
      }
    }
    assertThat(db.query("SELECT id FROM xa_restore ORDER BY id").stream().map(r -> ((Number) r.get(0)).longValue()))
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
  }

  @Test
  void anotherJobsPreparedTransactionsAreLeftAlone() throws Exception {
    db.execute("CREATE TABLE xa_other (id BIGINT)");
    JdbcSink.JdbcExactlyOnceSink<Long> other = sink("xa_other", UUID.randomUUID(), db);
    Collection<SinkXid> othersPrepared;
    try (JdbcXaWriter<Long> writer = (JdbcXaWriter<Long>) other.createWriter(new TestWriterContext(0, 1))) {
      write(writer, 0, 3);
      othersPrepared = writer.prepareCommit();
    }
    db.execute("BEGIN; INSERT INTO xa_other VALUES (100); PREPARE TRANSACTION 'not-spate'");
    try (JdbcXaWriter<Long> mine = (JdbcXaWriter<Long>) sink("xa_other", UUID.randomUUID(), db)
        .createWriter(new TestWriterContext(0, 1))) {
      mine.flush(false);
      assertThat(db.preparedTransactions()).hasSize(2).contains("not-spate");
    }
    db.execute("ROLLBACK PREPARED 'not-spate'");
    try (var committer = other.createCommitter()) {
      committer.commit(othersPrepared);
    }
    assertThat(count("xa_other")).isEqualTo(3);
  }

  @Test
  void aDatabaseWithoutPreparedTransactionsFailsSayingHowToEnableThem() throws Exception {
    try (PostgresTestDatabase noXa = PostgresTestDatabase.start(Map.of("max_prepared_transactions", "0"))) {
      noXa.execute("CREATE TABLE xa_off (id BIGINT)");
      try (JdbcXaWriter<Long> writer = (JdbcXaWriter<Long>) sink("xa_off", UUID.randomUUID(), noXa)
          .createWriter(new TestWriterContext(0, 1))) {
        assertThatThrownBy(() -> writer.flush(false))
            .isInstanceOf(IOException.class)
            .hasMessageContaining("the database does not allow prepared (two-phase) transactions")
            .hasMessageContaining("set max_prepared_transactions");
      }
    }
  }
}
