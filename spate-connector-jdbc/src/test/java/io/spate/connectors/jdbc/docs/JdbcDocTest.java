package io.spate.connectors.jdbc.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.connectors.jdbc.JdbcConnectionOptions;
import io.spate.connectors.jdbc.docs.JdbcDocSnippets.Book;
import io.spate.connectors.jdbc.docs.JdbcDocSnippets.Order;
import io.spate.connectors.jdbc.testing.PostgresTestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The page's snippets do what the page says, against a real PostgreSQL. */
class JdbcDocTest {

  private static PostgresTestDatabase db;

  @BeforeAll
  static void start() {
    db = PostgresTestDatabase.start();
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @Test
  void theSnippetsReadUpsertLookUpAndWriteExactlyOnce() throws Exception {
    String user = PostgresTestDatabase.SECURE_USER;
    String password = PostgresTestDatabase.SECURE_PASSWORD;
    db.execute("CREATE TABLE books (id BIGINT PRIMARY KEY, title TEXT, authors TEXT, year INT)",
        "INSERT INTO books VALUES (1, 'Streaming Systems', 'Akidau, Chernyak, Lax', 2017),"
            + " (2, 'Designing Data-Intensive Applications', 'Kleppmann', 2016)");

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    JdbcDocSnippets.upsertBooks(JdbcDocSnippets.readBooks(env, db.url(), user, password)
            .map(b -> new Book(b.id(), b.title(), b.authors(), b.year() + 1))
            .returns(TypeInformation.of(Book.class)),
        db.url(), user, password);
    env.execute("doc-upsert");
    assertThat(db.query("SELECT year FROM books ORDER BY id")).containsExactly(List.of(2018), List.of(2017));

    env = StreamExecutionEnvironment.getExecutionEnvironment();
    JdbcConnectionOptions connection = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
        .withUrl(db.url()).withUsername(user).withPassword(password).build();
    JdbcDocSnippets.exactlyOnceBooks(
        JdbcDocSnippets.addTitles(env.fromElements(new Order(10, 1), new Order(11, 3)), connection)
            .map(o -> new Book(o.id(), String.valueOf(o.title()), "", 0))
            .returns(TypeInformation.of(Book.class)),
        db.url(), user, password);
    env.execute("doc-lookup-exactly-once");
    assertThat(db.query("SELECT id, title FROM books WHERE id >= 10 ORDER BY id"))
        .containsExactly(List.of(10L, "Streaming Systems"), List.of(11L, "null"));
    assertThat(db.preparedTransactions()).isEmpty();
  }
}
