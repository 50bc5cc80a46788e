package io.spate.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.jdbc.FailureScript.Step;
import io.spate.connectors.jdbc.split.JdbcNumericBetweenParametersProvider;
import io.spate.connectors.jdbc.testing.PostgresTestDatabase;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.runtime.testing.RecoveryAssertions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jobs reading a table with {@link JdbcSource} in parallel numeric ranges: every row once, also
 * when the job fails mid-way and recovers from a checkpoint; bad queries fail naming the split.
 */
class JdbcSourceE2ETest {

  private static final long ROWS = 12_000;
  private static PostgresTestDatabase db;

  @BeforeAll
  static void start() {
    db = PostgresTestDatabase.start();
    db.execute("CREATE TABLE numbers (id BIGINT PRIMARY KEY, square BIGINT)",
        "INSERT INTO numbers SELECT i, i * i FROM generate_series(1, " + ROWS + ") AS i");
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  private static JdbcSource<Long> source(String sql, long batchSize) {
    return JdbcSource.<Long>builder()
        .setSql(sql)
        .setDBUrl(db.url())
        .setUsername(db.user())
        .setDriverName("org.postgresql.Driver")
        .setResultExtractor(rs -> rs.getLong("id") * 1_000_000_000L + rs.getLong("square") % 1_000_000_000L)
        .setTypeInformation(Types.LONG)
        .setJdbcParameterValuesProvider(new JdbcNumericBetweenParametersProvider(1, ROWS).ofBatchSize(batchSize))
        .setSplitReaderFetchBatchSize(100)
        .build();
  }

  private static StreamExecutionEnvironment environment() {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(100));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofMillis(50)));
    return env;
  }

  /** Runs the source into table {@code copy} with the exactly-once sink, so that the table shows every emission. */
  private static ClusterJobClient copy(String copy, String runId, long batchSize, FailureScript failures)
      throws Exception {
    db.execute("CREATE TABLE " + copy + " (v BIGINT NOT NULL)");
    StreamExecutionEnvironment env = environment();
    env.fromSource(source("SELECT id, square FROM numbers WHERE id BETWEEN ? AND ? ORDER BY id", batchSize),
            WatermarkStrategy.noWatermarks(), "numbers").uid("numbers")
        .map(v -> {
          LockSupport.parkNanos(100_000); // slow enough for checkpoints while the splits are read
          return v;
        }).returns(Types.LONG).uid("slow")
        .map(failures).uid("failures")
        .sinkTo(JdbcSink.exactlyOnceSink("INSERT INTO " + copy + " (v) VALUES (?)", (s, v) -> s.setLong(1, v),
            JdbcExecutionOptions.builder().withMaxRetries(0).build(), JdbcExactlyOnceOptions.defaults(),
            db.xaDataSource())).uid("copy");
    JobClient client = env.executeAsync(runId);
    client.getJobExecutionResult().get(120, TimeUnit.SECONDS);
    return (ClusterJobClient) client;
  }

  private static List<Long> expected() {
    return LongStream.rangeClosed(1, ROWS).map(i -> i * 1_000_000_000L + (i * i) % 1_000_000_000L).boxed().toList();
  }

  private static List<Long> copied(String table) {
    return db.query("SELECT v FROM " + table + " ORDER BY v").stream().map(r -> ((Number) r.get(0)).longValue())
        .toList();
  }

  @Test
  void aJobReadsEveryRowOfTheRangesOnce() throws Exception {
    copy("copy_clean", "source-clean", 700, new FailureScript("source-clean", () -> 0));
    assertThat(copied("copy_clean")).containsExactlyElementsOf(expected());
  }

  @Test
  void aJobRestoredMidWayReadsEveryRowOnce() throws Exception {
    ClusterJobClient client = copy("copy_restored", "source-restored", 1_000,
        new FailureScript("source-restored", () -> 0, Step.RECORD, Step.RECORD));
    Long restarts = client.getJobExecutionResult().get().counters().get(JobResult.RESTARTS);
    assertThat(restarts).isEqualTo(2L);
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(restarts, client.getLatestRestore().get(10,
        TimeUnit.SECONDS), FailureScript.checkpointBeforeFirstFailure("source-restored"));
    assertThat(copied("copy_restored")).containsExactlyElementsOf(expected());
  }

  @Test
  void aMissingTableFailsTheJobNamingTheSplitAndTheTable() {
    StreamExecutionEnvironment env = environment();
    env.setRestartStrategy(RestartStrategies.noRestart());
    env.fromSource(source("SELECT id, square FROM no_such_numbers WHERE id BETWEEN ? AND ?", 5_000),
        WatermarkStrategy.noWatermarks(), "missing").sinkTo(new io.spate.api.connector.sink.lib.DiscardingSink<>());
    assertThatThrownBy(() -> env.execute("source-missing-table"))
        .hasStackTraceContaining("JdbcSource: cannot run split jdbc-split-")
        .hasStackTraceContaining("relation \"no_such_numbers\" does not exist");
  }

  @Test
  void aQueryWhosePlaceholdersDoNotMatchTheParametersIsRejectedWhenBuilt() {
    assertThatThrownBy(() -> source("SELECT id, square FROM numbers WHERE id >= ?", 100))
        .hasMessageContaining("has 1 placeholders, but split 0 has 2 parameters [1, 100]");
  }
}
