package io.spate.table.api.bridge.java;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.types.Row;
import io.spate.table.api.TableResult;
import io.spate.table.functions.ScalarFunction;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nexmark q5's shape, the rows of a window aggregate joined with the maximum of its own column per
 * window: the window aggregate written twice runs once ({@code table.optimizer.reuse-sub-plan-enabled},
 * on by default), and the result is the same with the option off, where it runs twice.
 */
class SqlReusedWindowAggregateE2ETest {

  private static final int BIDS = 3000;
  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);

  /** Bid n: auction (n * 31) % 17, at n * 10 ms, out of order by up to 300 ms. */
  private static StreamTableEnvironment session(StreamExecutionEnvironment env, boolean reuse) {
    env.setParallelism(2);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    tEnv.getConfig().set("table.optimizer.reuse-sub-plan-enabled", String.valueOf(reuse));
    tEnv.executeSql("""
        CREATE TABLE bids (
          n BIGINT,
          auction AS CAST((n * 31) % 17 AS BIGINT),
          ts AS CAST(TIMESTAMP '2024-01-01 00:00:00'
              + INTERVAL '0.01' SECOND * (n - 10 * (n % 4)) AS TIMESTAMP(3)),
          WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
        ) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0',
                'fields.n.end' = '""" + (BIDS - 1) + "', 'rows-per-second' = '1000000')");
    return tEnv;
  }

  private static final String COUNTS = """
      SELECT auction, COUNT(*) AS num, window_start AS starttime, window_end AS endtime
      FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '6' SECOND))
      GROUP BY auction, window_start, window_end""";

  private static final String QUERY = """
      SELECT A.auction, A.num, A.starttime, A.endtime
      FROM (%s) AS A
      JOIN (
        SELECT MAX(C.num) AS maxn, C.starttime, C.endtime
        FROM (%s) AS C
        GROUP BY C.starttime, C.endtime
      ) AS M
      ON A.starttime = M.starttime AND A.endtime = M.endtime AND A.num >= M.maxn""".formatted(COUNTS, COUNTS);

  /** A function that says it is not deterministic, as a random one would. */
  public static class Noisy extends ScalarFunction {
    /** {@code value} itself, here. */
    public Long eval(Long value) {
      return value;
    }

    @Override
    public boolean isDeterministic() {
      return false;
    }
  }

  private static List<Row> rows(TableResult result) {
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> iterator = result.collect()) {
      iterator.forEachRemaining(rows::add);
    }
    return rows;
  }

  private static long millis(long n) {
    return 10 * (n - 10 * (n % 4));
  }

  /** The auctions with the most bids of each window of 6 s every 2 s, from the definition. */
  private static List<Row> expected() {
    Map<Long, Map<Long, Long>> counts = new HashMap<>();
    for (long n = 0; n < BIDS; n++) {
      for (long start = Math.floorDiv(millis(n), 2000) * 2000; start > millis(n) - 6000; start -= 2000) {
        counts.computeIfAbsent(start, s -> new HashMap<>()).merge((n * 31) % 17, 1L, Long::sum);
      }
    }
    List<Row> rows = new ArrayList<>();
    counts.forEach((start, byAuction) -> {
      long max = byAuction.values().stream().mapToLong(Long::longValue).max().orElseThrow();
      byAuction.forEach((auction, count) -> {
        if (count == max) {
          rows.add(Row.of(auction, count, EPOCH.plusNanos(start * 1_000_000),
              EPOCH.plusNanos((start + 6000) * 1_000_000)));
        }
      });
    });
    return rows;
  }

  private static String jobPlan(boolean reuse) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StreamTableEnvironment tEnv = session(env, reuse);
    tEnv.toDataStream(tEnv.sqlQuery(QUERY)).print();
    return env.getExecutionPlan();
  }

  /** How many window aggregates grouped by auction the job of {@code plan} (its execution plan) has. */
  private static int auctionCounts(String plan) {
    return occurrences(plan, "\"contents\":\"WindowAggregate(window=[HOP(size=6000 ms, slide=2000 ms)], groupBy=[auction]");
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  @Test
  void theSameWindowAggregateRunsOnceWithReuseAndTwiceWithout() {
    assertThat(auctionCounts(jobPlan(true))).isEqualTo(1);
    assertThat(auctionCounts(jobPlan(false))).isEqualTo(2);
  }

  @Test
  void theAuctionsWithTheMostBidsPerWindowComeTiesIncluded() {
    List<Row> expected = expected();
    assertThat(expected.size()).isGreaterThan(10);

    List<Row> rows = rows(session(StreamExecutionEnvironment.getExecutionEnvironment(), true).executeSql(QUERY));

    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void withoutReuseTheSameRowsCome() {
    List<Row> rows = rows(session(StreamExecutionEnvironment.getExecutionEnvironment(), false).executeSql(QUERY));

    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected());
  }

  @Test
  void anAggregateOverANonDeterministicInputIsNotShared() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StreamTableEnvironment tEnv = session(env, true);
    tEnv.createTemporarySystemFunction("noisy", Noisy.class);
    tEnv.executeSql("CREATE TEMPORARY VIEW random_bids AS SELECT n, noisy(auction) AS auction, ts FROM bids");
    tEnv.toDataStream(tEnv.sqlQuery(QUERY.replace("TABLE bids", "TABLE random_bids"))).print();

    assertThat(auctionCounts(env.getExecutionPlan())).isEqualTo(2);
  }
}
