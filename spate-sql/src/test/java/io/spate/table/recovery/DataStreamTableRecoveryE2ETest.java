package io.spate.table.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiterStrategy;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.table.api.Schema;
import io.spate.table.api.Table;
import io.spate.table.api.bridge.java.StreamTableEnvironment;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A window aggregate over a program's DataStream (its record timestamps as the rowtime, its own
 * watermarks) whose result goes back into the program's job as a changelog stream survives a failure:
 * a run that fails once after a completed checkpoint commits what a failure-free run commits, on both
 * state backends.
 */
@Tag("fault-injection")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DataStreamTableRecoveryE2ETest {

  private static final long ROWS = 10_000;

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aWindowAggregateOverAConvertedStreamRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend)
      throws Exception {
    List<String> expected = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits("datastream-window-" + backend,
        (run, fail) -> run(run, fail, backend));
    // Row n has the timestamp n ms: windows of a second hold 1,000 rows, 7 groups each.
    assertThat(expected).hasSize((int) (ROWS / 1000 * 7));
  }

  private static ClusterJobClient run(String run, boolean fail, String backend) throws Exception {
    Configuration configuration = new Configuration();
    configuration.setString("parallelism.default", "1");
    configuration.setString("execution.checkpointing.interval", "100 ms");
    configuration.setString("restart-strategy.type", "fixed-delay");
    configuration.setString("restart-strategy.fixed-delay.attempts", "3");
    configuration.setString("restart-strategy.fixed-delay.delay", "50 ms");
    configuration.setString("state.backend.type", backend);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    DataStream<Row> numbers = env.fromSource(new DataGeneratorSource<>(index -> index, ROWS,
            RateLimiterStrategy.perSecond(5_000), Types.LONG), WatermarkStrategy.noWatermarks(), "numbers")
        .setParallelism(1).uid("numbers")
        .map(new RecoveryTestConnectors.FailOnce(run, fail), Types.ROW_NAMED(new String[] {"n"}, Types.LONG))
        .setParallelism(1).uid("numbers-fail")
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Row>forMonotonousTimestamps()
            .withTimestampAssigner((row, previous) -> (Long) row.getField(0)));
    tEnv.createTemporaryView("numbers", numbers, Schema.newBuilder()
        .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)")
        .watermark("rowtime", "SOURCE_WATERMARK()")
        .build());
    Table sums = tEnv.sqlQuery("SELECT CAST(n % 7 AS INT) AS k, COUNT(*) AS c, SUM(n) AS s FROM TABLE(TUMBLE("
        + "TABLE numbers, DESCRIPTOR(rowtime), INTERVAL '1' SECOND)) GROUP BY window_start, window_end,"
        + " CAST(n % 7 AS INT)");
    tEnv.toChangelogStream(sums).sinkTo(new RecoveryTestConnectors.CommittedRowsSink(run)).name("committed");
    JobClient client = env.executeAsync("datastream-window-" + run);
    client.getJobExecutionResult().get(200, TimeUnit.SECONDS);
    return (ClusterJobClient) client;
  }
}
