package io.spate.table.api.bridge.java;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.api.Table;
import io.spate.table.api.TableResult;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two-phase {@code TUMBLE}, {@code HOP} and {@code CUMULATE} window aggregates
 * ({@code table.optimizer.agg-phase-strategy} with mini-batches): the job gets a local aggregate
 * before the shuffle and a global one after it, and every window's result is the one-phase result,
 * which is the plain reading of the input.
 */
class SqlTwoPhaseWindowAggregateE2ETest {

  private static final int BIDS = 3000;

  /** Bid n: item n % 7, price (n * 37) % 1000, at n * 100 ms past 2024-01-01 00:00, out of order by up to 1 s. */
  private static StreamTableEnvironment session(String strategy, boolean miniBatch) {
    return session(StreamExecutionEnvironment.getExecutionEnvironment(), strategy, miniBatch);
  }

  private static StreamTableEnvironment session(StreamExecutionEnvironment env, String strategy, boolean miniBatch) {
    env.setParallelism(2);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    if (miniBatch) {
      tEnv.getConfig().set("table.exec.mini-batch.enabled", "true");
      tEnv.getConfig().set("table.exec.mini-batch.allow-latency", "1 s");
      tEnv.getConfig().set("table.exec.mini-batch.size", "100");
    }
    if (strategy != null) {
      tEnv.getConfig().set("table.optimizer.agg-phase-strategy", strategy);
    }
    tEnv.executeSql("""
        CREATE TABLE bids (
          n BIGINT,
          item AS CAST(n % 7 AS INT),
          price AS CAST((n * 37) % 1000 AS BIGINT),
          ts AS CAST(TIMESTAMP '2024-01-01 00:00:00'
              + INTERVAL '0.1' SECOND * (n - 10 * (n % 3)) AS TIMESTAMP(3)),
          WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
        ) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0',
                'fields.n.end' = '""" + (BIDS - 1) + "', 'rows-per-second' = '1000000')");
    return tEnv;
  }

  private static final String TUMBLE_MAX = """
      SELECT window_start, window_end, MAX(price) AS hi, COUNT(*) AS bids, SUM(price) AS total
      FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
      GROUP BY window_start, window_end""";

  private static final String HOP_BY_ITEM = """
      SELECT item, window_start, window_end, COUNT(*) AS bids, MIN(price) AS lo, AVG(price) AS mean
      FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
      GROUP BY item, window_start, window_end""";

  private static final String CUMULATE_BY_ITEM = """
      SELECT window_start, window_end, item, SUM(price) AS total
      FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '20' SECOND))
      GROUP BY window_start, window_end, item""";

  private static List<Row> rows(TableResult result) {
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> iterator = result.collect()) {
      iterator.forEachRemaining(rows::add);
    }
    return rows;
  }

  private static List<Row> run(String query, String strategy, boolean miniBatch) {
    return rows(session(strategy, miniBatch).executeSql(query));
  }

  private static String jobPlan(String query, String strategy) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StreamTableEnvironment tEnv = session(env, strategy, true);
    Table table = tEnv.sqlQuery(query);
    tEnv.toDataStream(table).print();
    return env.getExecutionPlan();
  }

  @Test
  void aTumblingMaximumWithoutGroupKeysEqualsThePlainReading() {
    List<Row> twoPhases = run(TUMBLE_MAX, "TWO_PHASE", true);

    assertThat(twoPhases).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
    Map<Long, long[]> expected = new HashMap<>(); // window start second -> max, count, sum
    for (long n = 0; n < BIDS; n++) {
      long millis = 100 * (n - 10 * (n % 3));
      long start = Math.floorDiv(millis, 10_000) * 10;
      long price = (n * 37) % 1000;
      long[] acc = expected.computeIfAbsent(start, s -> new long[] {Long.MIN_VALUE, 0, 0});
      acc[0] = Math.max(acc[0], price);
      acc[1]++;
      acc[2] += price;
    }
    LocalDateTime epoch = LocalDateTime.of(2024, 1, 1, 0, 0);
    List<Row> plain = new ArrayList<>();
    expected.forEach((start, acc) -> plain.add(Row.of(epoch.plusSeconds(start), epoch.plusSeconds(start + 10),
        acc[0], acc[1], acc[2])));
    assertThat(twoPhases).containsExactlyInAnyOrderElementsOf(plain);
  }

  @Test
  void twoPhasesLeaveTheOnePhaseResultOfHopAndCumulateWindowsWithKeys() {
    for (String query : List.of(HOP_BY_ITEM, CUMULATE_BY_ITEM, TUMBLE_MAX)) {
      List<Row> onePhase = run(query, "ONE_PHASE", true);
      assertThat(onePhase).isNotEmpty();
      assertThat(run(query, "TWO_PHASE", true)).as(query).containsExactlyInAnyOrderElementsOf(onePhase);
      assertThat(run(query, null, true)).as(query).containsExactlyInAnyOrderElementsOf(onePhase);
      assertThat(run(query, null, false)).as(query).containsExactlyInAnyOrderElementsOf(onePhase);
    }
  }

  @Test
  void theJobHasALocalAndAGlobalWindowAggregateUnderAutoWithMiniBatches() {
    assertThat(jobPlan(TUMBLE_MAX, null)).contains("LocalWindowAggregate", "GlobalWindowAggregate");
    assertThat(jobPlan(HOP_BY_ITEM, "TWO_PHASE")).contains("LocalWindowAggregate", "GlobalWindowAggregate");
  }

  @Test
  void oneWindowAggregateWithOnePhaseWithoutMiniBatchesOrWithDistinctUnderAuto() {
    assertThat(jobPlan(TUMBLE_MAX, "ONE_PHASE")).contains("WindowAggregate").doesNotContain("LocalWindowAggregate");
    String distinct = """
        SELECT window_start, window_end, COUNT(DISTINCT item) AS items
        FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
        GROUP BY window_start, window_end""";
    assertThat(jobPlan(distinct, "AUTO")).doesNotContain("LocalWindowAggregate");
    assertThat(jobPlan(distinct, "TWO_PHASE")).contains("LocalWindowAggregate");
    assertThat(run(distinct, "TWO_PHASE", true)).containsExactlyInAnyOrderElementsOf(run(distinct, "AUTO", true));

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StreamTableEnvironment noMiniBatch = session(env, null, false);
    noMiniBatch.toDataStream(noMiniBatch.sqlQuery(TUMBLE_MAX)).print();
    assertThat(env.getExecutionPlan())
        .contains("WindowAggregate").doesNotContain("LocalWindowAggregate");
  }
}
