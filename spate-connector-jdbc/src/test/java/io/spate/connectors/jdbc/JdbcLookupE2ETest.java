package io.spate.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.RestartStrategies;
import io.spate.api.datastream.AsyncDataStream;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.jdbc.testing.PostgresTestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jobs enriching records with {@link JdbcAsyncLookupFunction}: thousands of lookups with correct
 * results and one query per distinct key (the rest served by the cache or a shared query), and
 * precise errors for a wrong password and a missing table.
 */
class JdbcLookupE2ETest {

  static final long CUSTOMERS = 200;
  private static PostgresTestDatabase db;

  @BeforeAll
  static void start() {
    db = PostgresTestDatabase.start();
    db.execute("CREATE TABLE customers (id BIGINT PRIMARY KEY, name TEXT NOT NULL)",
        "INSERT INTO customers SELECT i, 'customer-' || i FROM generate_series(0, " + (CUSTOMERS - 1) + ") AS i",
        "CREATE SEQUENCE lookup_queries");
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  /** An order of {@code customer}. */
  public record Order(long id, long customer) {}

  static JdbcConnectionOptions connection(PostgresTestDatabase database) {
    return new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
        .withUrl(database.url()).withDriverName("org.postgresql.Driver").withUsername(database.user()).build();
  }

  /** Looks up the customer's name; the query counts itself in the sequence lookup_queries. */
  static JdbcAsyncLookupFunction<Order, Long, String, String> lookup(JdbcConnectionOptions connection, String table,
      long cacheRows, Duration ttl) {
    return JdbcAsyncLookupFunction.<Order, Long, String, String>builder()
        .setConnectionOptions(connection)
        .setQuery("SELECT name FROM " + table + " WHERE id = ? AND nextval('lookup_queries') > 0")
        .setKeySelector(Order::customer)
        .setKeySetter((statement, customer) -> statement.setLong(1, customer))
        .setResultExtractor(rs -> rs.getString("name"))
        .setJoiner((order, names) -> order.id() + ":" + (names.isEmpty() ? "unknown" : names.get(0)))
        .setMaxPoolSize(4)
        .setCache(cacheRows, ttl)
        .setQueryTimeout(Duration.ofSeconds(5))
        .build();
  }

  static DataStream<Order> orders(StreamExecutionEnvironment env, long count, double perSecond) {
    return env.fromSource(new DataGeneratorSource<>(i -> new Order(i, i % CUSTOMERS), count,
            perSecond > 0 ? io.spate.connectors.datagen.RateLimiterStrategy.perSecond(perSecond)
                : io.spate.connectors.datagen.RateLimiterStrategy.noOp(),
            TypeInformation.of(Order.class)), WatermarkStrategy.noWatermarks(), "orders");
  }

  /** The lookup queries run so far on {@code database}. */
  static long queriesSoFar(PostgresTestDatabase database) {
    return database.queryLong("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM lookup_queries");
  }

  static String expected(long order) {
    return order + ":customer-" + (order % CUSTOMERS);
  }

  @Test
  void thousandsOfLookupsAreCorrectAndQueryEachKeyOnce() throws Exception {
    long orders = 5_000;
    db.execute("CREATE TABLE enriched (order_id BIGINT PRIMARY KEY, line TEXT NOT NULL)");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1); // one cache, so that the count of queries is exact
    long before = queriesSoFar(db);
    AsyncDataStream.unorderedWait(orders(env, orders, 0),
            lookup(connection(db), "customers", 1_000, Duration.ofMinutes(10)), 30, TimeUnit.SECONDS, 100)
        .returns(Types.STRING)
        .sinkTo(JdbcSink.sink("INSERT INTO enriched (order_id, line) VALUES (?, ?)", (statement, line) -> {
          statement.setLong(1, Long.parseLong(line.substring(0, line.indexOf(':'))));
          statement.setString(2, line);
        }, JdbcExecutionOptions.builder().withBatchSize(500).build(), connection(db)));
    env.execute("lookups");
    assertThat(db.query("SELECT line FROM enriched ORDER BY order_id").stream().map(r -> (String) r.get(0)))
        .containsExactlyElementsOf(LongStream.range(0, orders).mapToObj(JdbcLookupE2ETest::expected).toList());
    long queries = queriesSoFar(db) - before;
    assertThat(queries).as("queries for %d lookups of %d keys: the rest were cache hits", orders, CUSTOMERS)
        .isEqualTo(CUSTOMERS);
  }

  @Test
  void aWrongPasswordFailsTheJobNamingTheUser() {
    JdbcConnectionOptions wrong = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
        .withUrl(db.url()).withUsername(PostgresTestDatabase.SECURE_USER).withPassword("nope").build();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setRestartStrategy(RestartStrategies.noRestart());
    AsyncDataStream.unorderedWait(orders(env, 10, 0), lookup(wrong, "customers", 10, Duration.ofMinutes(1)), 30,
            TimeUnit.SECONDS, 10)
        .returns(Types.STRING).sinkTo(new io.spate.api.connector.sink.lib.DiscardingSink<>());
    assertThatThrownBy(() -> env.execute("lookup-wrong-password"))
        .hasStackTraceContaining("JdbcAsyncLookupFunction: cannot connect to " + db.url() + " as user '"
            + PostgresTestDatabase.SECURE_USER + "'")
        .hasStackTraceContaining("password authentication failed");
  }

  @Test
  void aMissingTableFailsTheJobNamingTheKeyAndTheTable() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setRestartStrategy(RestartStrategies.noRestart());
    AsyncDataStream.unorderedWait(orders(env, 10, 0), lookup(connection(db), "no_customers", 10,
            Duration.ofMinutes(1)), 30, TimeUnit.SECONDS, 10)
        .returns(Types.STRING).sinkTo(new io.spate.api.connector.sink.lib.DiscardingSink<>());
    assertThatThrownBy(() -> env.execute("lookup-missing-table"))
        .hasStackTraceContaining("JdbcAsyncLookupFunction: looking up key ")
        .hasStackTraceContaining("relation \"no_customers\" does not exist");
  }
}
