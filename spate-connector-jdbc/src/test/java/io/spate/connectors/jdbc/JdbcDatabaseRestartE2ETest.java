package io.spate.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.AsyncDataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.jdbc.testing.PostgresTestDatabase;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A job that looks customers up and writes enriched orders, both into one PostgreSQL, goes on by
 * itself when the server restarts mid-job (same port, same data): lookups and batches that fail
 * with the broken connections are retried on new ones, with no job restart at all.
 */
@Tag("fault-injection")
class JdbcDatabaseRestartE2ETest {

  private static PostgresTestDatabase db;

  @BeforeAll
  static void start() {
    db = PostgresTestDatabase.start();
    db.execute("CREATE TABLE customers (id BIGINT PRIMARY KEY, name TEXT NOT NULL)",
        "INSERT INTO customers SELECT i, 'customer-' || i FROM generate_series(0, "
            + (JdbcLookupE2ETest.CUSTOMERS - 1) + ") AS i",
        "CREATE SEQUENCE lookup_queries",
        "CREATE TABLE enriched (order_id BIGINT PRIMARY KEY, line TEXT NOT NULL)");
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @Test
  void theSinkAndTheLookupRecoverFromADatabaseRestartWithoutAJobRestart() throws Exception {
    long orders = 6_000;
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(200));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.setRestartStrategy(RestartStrategies.noRestart()); // the connectors must ride it out themselves
    JdbcConnectionOptions connection = JdbcLookupE2ETest.connection(db);
    AsyncDataStream.unorderedWait(JdbcLookupE2ETest.orders(env, orders, 1_000),
            // A small cache with a short life, so that lookups keep reaching the database.
            JdbcLookupE2ETest.lookup(connection, "customers", 20, Duration.ofMillis(50)), 60, TimeUnit.SECONDS, 50)
        .returns(Types.STRING)
        .sinkTo(JdbcSink.sink("INSERT INTO enriched (order_id, line) VALUES (?, ?)"
                + " ON CONFLICT (order_id) DO UPDATE SET line = EXCLUDED.line", (statement, line) -> {
                  statement.setLong(1, Long.parseLong(line.substring(0, line.indexOf(':'))));
                  statement.setString(2, line);
                }, JdbcExecutionOptions.builder().withBatchSize(100).withBatchIntervalMs(50).withMaxRetries(6).build(),
            connection));
    JobClient client = env.executeAsync("database-restart");
    Await.until(Duration.ofSeconds(60), "a thousand orders written before the restart",
        () -> db.queryLong("SELECT count(*) FROM enriched") >= 1_000);
    long queriesBefore = JdbcLookupE2ETest.queriesSoFar(db);
    db.restart();
    client.getJobExecutionResult().get(120, TimeUnit.SECONDS);
    assertThat(JdbcLookupE2ETest.queriesSoFar(db)).as("lookups reached the restarted database")
        .isGreaterThan(queriesBefore);
    assertThat(db.query("SELECT line FROM enriched ORDER BY order_id").stream().map(r -> (String) r.get(0)))
        .containsExactlyElementsOf(LongStream.range(0, orders).mapToObj(JdbcLookupE2ETest::expected).toList());
  }
}
