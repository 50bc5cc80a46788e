package io.spate.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiterStrategy;
import io.spate.connectors.jdbc.FailureScript.Step;
import io.spate.connectors.jdbc.testing.PostgresTestDatabase;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.runtime.testing.RecoveryAssertions;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jobs with the at-least-once JDBC sink: checkpoints flush it, and an upsert makes a replay harmless. */
class JdbcSinkE2ETest {

  private static PostgresTestDatabase db;

  @BeforeAll
  static void start() {
    db = PostgresTestDatabase.start();
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  private static JdbcConnectionOptions connection() {
    return new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
        .withUrl(db.url()).withDriverName("org.postgresql.Driver").withUsername(db.user()).build();
  }

  private static StreamExecutionEnvironment environment(Duration checkpointInterval) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofMillis(50)));
    return env;
  }

  @Test
  void rowsBecomeVisibleAtCheckpointsThoughNoBatchFills() throws Exception {
    db.execute("CREATE TABLE at_checkpoints (id BIGINT PRIMARY KEY)");
    StreamExecutionEnvironment env = environment(Duration.ofMillis(200));
    env.fromSource(new DataGeneratorSource<>(index -> index, 10_000_000, RateLimiterStrategy.perSecond(2_000),
            Types.LONG), WatermarkStrategy.noWatermarks(), "numbers")
        .sinkTo(JdbcSink.sink("INSERT INTO at_checkpoints (id) VALUES (?)", (statement, id) -> statement.setLong(1, id),
            JdbcExecutionOptions.builder().withBatchSize(1_000_000).build(), connection()));
    JobClient client = env.executeAsync("jdbc-at-checkpoints");
    try {
      // A batch of a million never fills in this test's time, and there is no batch interval:
      // only the flush before each checkpoint barrier can make rows visible.
      Await.until(Duration.ofSeconds(60), "rows written by checkpoints",
          () -> db.queryLong("SELECT count(*) FROM at_checkpoints") >= 2);
    } finally {
      client.cancel().get(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void anUpsertSinkWritesEachRowOnceAfterAnInjectedFailure() throws Exception {
    long records = 8_000;
    db.execute("CREATE TABLE upserts (id BIGINT PRIMARY KEY, square BIGINT, writes INT NOT NULL DEFAULT 1)");
    StreamExecutionEnvironment env = environment(Duration.ofMillis(100));
    env.fromSource(new DataGeneratorSource<>(index -> index, records, RateLimiterStrategy.perSecond(4_000),
            Types.LONG), WatermarkStrategy.noWatermarks(), "numbers").uid("numbers")
        .map(new FailureScript("upserts", () -> 0, Step.RECORD)).uid("failures")
        .sinkTo(JdbcSink.sink(
            "INSERT INTO upserts (id, square) VALUES (?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET square = EXCLUDED.square, writes = upserts.writes + 1",
            (statement, id) -> {
              statement.setLong(1, id);
              statement.setLong(2, id * id);
            },
            JdbcExecutionOptions.builder().withBatchSize(100).withBatchIntervalMs(20).build(), connection()))
        .uid("jdbc");
    ClusterJobClient client = (ClusterJobClient) env.executeAsync("upserts");
    Long restarts = client.getJobExecutionResult().get(120, TimeUnit.SECONDS).counters().get(JobResult.RESTARTS);
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(restarts, client.getLatestRestore().get(10,
        TimeUnit.SECONDS), FailureScript.checkpointBeforeFirstFailure("upserts"));
    List<List<Object>> rows = db.query("SELECT id, square FROM upserts ORDER BY id");
    assertThat(rows).containsExactlyElementsOf(LongStream.range(0, records)
        .mapToObj(i -> List.<Object>of(i, i * i)).toList());
  }
}
