package io.spate.connectors.jdbc.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.connectors.jdbc.JdbcConnectionOptions;
import io.spate.connectors.jdbc.JdbcExecutionOptions;
import io.spate.connectors.jdbc.JdbcUpsertSink;
import io.spate.connectors.jdbc.docs.JdbcDocSnippets.Book;
import io.spate.connectors.jdbc.testing.PostgresTestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The upsert sink's snippet of docs/connectors/jdbc.md keeps the table books equal to its changes. */
class JdbcUpsertSinkDocTest {

  private static PostgresTestDatabase db;

  @BeforeAll
  static void start() {
    db = PostgresTestDatabase.start();
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  /** A change of the table books: the book's row, or the deletion of its id's row. */
  public record BookChange(Book book, boolean deleted) {}

  static void keepBooks(DataStream<BookChange> changes, String url, String user, String password) {
    changes.sinkTo(JdbcUpsertSink.<BookChange>builder()
        .setTableName("books")
        .setFieldNames("id", "title", "authors", "year")
        .setKeyFieldNames("id")                  // the table's primary key
        .setValueExtractor(change -> new Object[] {
            change.book().id(), change.book().title(), change.book().authors(), change.book().year()})
        .setDeleteFilter(BookChange::deleted)    // deletes the row of the book's id
        .setExecutionOptions(JdbcExecutionOptions.builder()
            .withBatchSize(1000)                 // write when 1000 changes wait ...
            .withBatchIntervalMs(200)            // ... or the oldest waited 200 ms, and at every checkpoint
            .build())
        .setConnectionOptions(new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
            .withUrl(url).withUsername(user).withPassword(password).build())
        .build());
  }

  @Test
  void theSnippetKeepsTheTableEqualToTheChanges() throws Exception {
    db.execute("CREATE TABLE books (id BIGINT PRIMARY KEY, title TEXT, authors TEXT, year INT)",
        "INSERT INTO books VALUES (3, 'Old', 'Someone', 1999)");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    keepBooks(env.fromData(
        new BookChange(new Book(1, "Streaming Systems", "Akidau", 2017), false),
        new BookChange(new Book(2, "DDIA", "Kleppmann", 2016), false),
        new BookChange(new Book(1, "Streaming Systems", "Akidau, Chernyak, Lax", 2017), false),
        new BookChange(new Book(3, null, null, 0), true)),
        db.url(), PostgresTestDatabase.SECURE_USER, PostgresTestDatabase.SECURE_PASSWORD);
    env.execute("keep-books");
    assertThat(db.query("SELECT id, title, authors, year FROM books ORDER BY id")).containsExactly(
        List.of(1L, "Streaming Systems", "Akidau, Chernyak, Lax", 2017), List.of(2L, "DDIA", "Kleppmann", 2016));
  }
}
