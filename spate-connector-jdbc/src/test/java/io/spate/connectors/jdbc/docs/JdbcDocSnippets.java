package io.spate.connectors.jdbc.docs;

import io.spate.api.datastream.AsyncDataStream;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.connectors.jdbc.JdbcAsyncLookupFunction;
import io.spate.connectors.jdbc.JdbcConnectionOptions;
import io.spate.connectors.jdbc.JdbcExactlyOnceOptions;
import io.spate.connectors.jdbc.JdbcExecutionOptions;
import io.spate.connectors.jdbc.JdbcSink;
import io.spate.connectors.jdbc.JdbcSource;
import io.spate.connectors.jdbc.split.JdbcNumericBetweenParametersProvider;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.postgresql.xa.PGXADataSource;

/** The snippets of docs/connectors/jdbc.md, compiled here; {@link JdbcDocTest} runs them. */
final class JdbcDocSnippets {

  private JdbcDocSnippets() {}

  /** A book, as a row of the table books. */
  public record Book(long id, String title, String authors, int year) {}

  static void upsertBooks(DataStream<Book> books, String url, String user, String password) {
    books.sinkTo(JdbcSink.sink(
        "INSERT INTO books (id, title, authors, year) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, authors = EXCLUDED.authors,"
            + " year = EXCLUDED.year",
        (statement, book) -> {
          statement.setLong(1, book.id());
          statement.setString(2, book.title());
          statement.setString(3, book.authors());
          statement.setInt(4, book.year());
        },
        JdbcExecutionOptions.builder()
            .withBatchSize(1000)        // execute when 1000 rows wait ...
            .withBatchIntervalMs(200)   // ... or when the oldest waited 200 ms, and before every checkpoint
            .withMaxRetries(5)          // transient errors: on a new connection if the old one broke
            .build(),
        new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
            .withUrl(url)               // jdbc:postgresql://host:5432/database
            .withDriverName("org.postgresql.Driver")
            .withUsername(user)
            .withPassword(password)
            .build()));
  }

  static void exactlyOnceBooks(DataStream<Book> books, String url, String user, String password) {
    books.sinkTo(JdbcSink.exactlyOnceSink(
        "INSERT INTO books (id, title, authors, year) VALUES (?, ?, ?, ?)",
        (statement, book) -> {
          statement.setLong(1, book.id());
          statement.setString(2, book.title());
          statement.setString(3, book.authors());
          statement.setInt(4, book.year());
        },
        JdbcExecutionOptions.builder().withMaxRetries(0).build(),
        JdbcExactlyOnceOptions.defaults(),
        () -> {                         // runs on the task managers: capture only serializable values
          PGXADataSource dataSource = new PGXADataSource();
          dataSource.setUrl(url);
          dataSource.setUser(user);
          dataSource.setPassword(password);
          return dataSource;
        }));
  }

  static DataStream<Book> readBooks(StreamExecutionEnvironment env, String url, String user, String password) {
    JdbcSource<Book> source = JdbcSource.<Book>builder()
        .setSql("SELECT id, title, authors, year FROM books WHERE id BETWEEN ? AND ? ORDER BY id")
        .setDBUrl(url)
        .setUsername(user)
        .setPassword(password)
        .setDriverName("org.postgresql.Driver")
        .setResultExtractor(rs -> new Book(rs.getLong("id"), rs.getString("title"), rs.getString("authors"),
            rs.getInt("year")))
        .setTypeInformation(TypeInformation.of(Book.class))
        // ids 1 to 1 000 000 in splits of 10 000: [1, 10000], [10001, 20000], ...
        .setJdbcParameterValuesProvider(new JdbcNumericBetweenParametersProvider(1, 1_000_000).ofBatchSize(10_000))
        .build();
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), "books");
  }

  /** An order of a book. */
  public record Order(long id, long bookId) {}

  /** An order with its book's title (null if the book is unknown). */
  public record TitledOrder(long id, String title) {}

  static DataStream<TitledOrder> addTitles(DataStream<Order> orders, JdbcConnectionOptions connection) {
    JdbcAsyncLookupFunction<Order, Long, String, TitledOrder> titles =
        JdbcAsyncLookupFunction.<Order, Long, String, TitledOrder>builder()
            .setConnectionOptions(connection)
            .setQuery("SELECT title FROM books WHERE id = ?")
            .setKeySelector(Order::bookId)
            .setKeySetter((statement, bookId) -> statement.setLong(1, bookId))
            .setResultExtractor(rs -> rs.getString("title"))
            .setJoiner((order, found) -> new TitledOrder(order.id(), found.isEmpty() ? null : found.get(0)))
            .setMaxPoolSize(8)                            // connections and query threads per subtask
            .setCache(100_000, Duration.ofMinutes(10))    // keys cached, and for how long
            .setQueryTimeout(Duration.ofSeconds(5))
            .build();
    return AsyncDataStream.unorderedWait(orders, titles, 30, TimeUnit.SECONDS, 100)
        .returns(TypeInformation.of(TitledOrder.class));
  }
}
