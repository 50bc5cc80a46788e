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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The exactly-once JDBC sink under injected failures writes the same rows as a run without
 * failures, each once: transactions a completed checkpoint covers are committed (also when the
 * failure came between the checkpoint's completion and the commit), the others rolled back, and
 * no prepared transaction is left behind.
 */
@Tag("fault-injection")
class JdbcExactlyOnceSinkE2ETest {

  private static final long RECORDS = 12_000;
  private static PostgresTestDatabase db;

  @BeforeAll
  static void start() {
    db = PostgresTestDatabase.start();
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  private static ClusterJobClient run(String table, String runId, Step... failures) throws Exception {
    db.execute("CREATE TABLE " + table + " (id BIGINT NOT NULL, written_at TIMESTAMPTZ DEFAULT now())");
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(100));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(10, Duration.ofMillis(50)));
    String url = db.url();
    String user = db.user();
    env.fromSource(new DataGeneratorSource<>(index -> index, RECORDS, RateLimiterStrategy.perSecond(4_000),
            Types.LONG), WatermarkStrategy.noWatermarks(), "numbers").uid("numbers")
        .map(new FailureScript(runId, () -> preparedTransactions(url, user), failures)).uid("failures")
        .sinkTo(JdbcSink.exactlyOnceSink("INSERT INTO " + table + " (id) VALUES (?)",
            (statement, id) -> statement.setLong(1, id),
            JdbcExecutionOptions.builder().withBatchSize(200).withMaxRetries(0).build(),
            JdbcExactlyOnceOptions.defaults(), db.xaDataSource())).uid("jdbc");
    JobClient client = env.executeAsync(runId);
    client.getJobExecutionResult().get(180, TimeUnit.SECONDS);
    return (ClusterJobClient) client;
  }

  private static long preparedTransactions(String url, String user) {
    try (var connection = java.sql.DriverManager.getConnection(url, user, "");
        var rows = connection.createStatement().executeQuery("SELECT count(*) FROM pg_prepared_xacts")) {
      rows.next();
      return rows.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Long> ids(String table) {
    return db.query("SELECT id FROM " + table + " ORDER BY id").stream()
        .map(row -> ((Number) row.get(0)).longValue()).toList();
  }

  @Test
  void everyRecordIsWrittenOnceDespiteFailuresIncludingOneBetweenCompletionAndCommit() throws Exception {
    run("eo_clean", "eo-clean");
    List<Long> clean = ids("eo_clean");
    assertThat(clean).containsExactlyElementsOf(LongStream.range(0, RECORDS).boxed().toList());

    ClusterJobClient faulty = run("eo_faulty", "eo-faulty", Step.RECORD, Step.CHECKPOINT_COMPLETE, Step.RECORD);
    assertThat(FailureScript.failures("eo-faulty")).as("failures injected").isEqualTo(3);
    assertThat(FailureScript.observed("eo-faulty", 1))
        .as("prepared transactions of the completed checkpoint, not yet committed, at the second failure")
        .isPositive();
    Long restarts = faulty.getJobExecutionResult().get().counters().get(JobResult.RESTARTS);
    assertThat(restarts).as("restarts").isEqualTo(3L);
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(restarts,
        faulty.getLatestRestore().get(10, TimeUnit.SECONDS), FailureScript.checkpointBeforeFirstFailure("eo-faulty"));
    assertThat(ids("eo_faulty")).as("the rows, as a multiset, of the run with failures").isEqualTo(clean);
    assertThat(db.preparedTransactions()).as("prepared transactions left").isEmpty();
  }
}
