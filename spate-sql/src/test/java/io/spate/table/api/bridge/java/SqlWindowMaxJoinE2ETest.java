package io.spate.table.api.bridge.java;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.types.Row;
import io.spate.table.api.TableResult;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nexmark q7's shape, a table joined with the MAX of a column over its own windows: the rows below
 * their slice's maximum are dropped before the join ({@code WindowMaxPruning} in the job), and the
 * result is every row that has its window's highest value, ties included, as without pruning.
 */
class SqlWindowMaxJoinE2ETest {

  private static final int BIDS = 4000;
  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);

  /** Bid n: price (n * 7919) % 500 (so ties), at n * 10 ms, out of order by up to 300 ms. */
  private static StreamTableEnvironment session(StreamExecutionEnvironment env) {
    env.setParallelism(2);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    tEnv.executeSql("""
        CREATE TABLE bids (
          n BIGINT,
          price AS CAST((n * 7919) % 500 AS BIGINT),
          -- read by no query here: the window's input leaves it out (WindowInputPruning), and the join
          -- must still see that narrowed input as its own relation to prune it
          tag AS CAST(n AS STRING),
          ts AS CAST(TIMESTAMP '2024-01-01 00:00:00'
              + INTERVAL '0.01' SECOND * (n - 10 * (n % 4)) AS TIMESTAMP(3)),
          WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
        ) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0',
                'fields.n.end' = '""" + (BIDS - 1) + "', 'rows-per-second' = '1000000')");
    return tEnv;
  }

  private static String query(String window, String upperBound) {
    return """
        SELECT B.n, B.price, B.ts
        FROM bids B
        JOIN (
          SELECT MAX(price) AS maxprice, window_start, window_end
          FROM TABLE(%s)
          GROUP BY window_start, window_end
        ) B1
        ON B.price = B1.maxprice
        WHERE B.ts >= B1.window_start AND B.ts %s B1.window_end""".formatted(window, upperBound);
  }

  private static final String TUMBLE = "TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND)";
  private static final String HOP = "HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '6' SECOND)";

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

  private static long price(long n) {
    return (n * 7919) % 500;
  }

  /** The rows with the highest price of a window of {@code size} every {@code slide} ms that holds them. */
  private static List<Row> expected(long size, long slide) {
    Map<Long, Long> highest = new HashMap<>();
    for (long n = 0; n < BIDS; n++) {
      for (long start = Math.floorDiv(millis(n), slide) * slide; start > millis(n) - size; start -= slide) {
        highest.merge(start, price(n), Math::max);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (long n = 0; n < BIDS; n++) {
      for (long start = Math.floorDiv(millis(n), slide) * slide; start > millis(n) - size; start -= slide) {
        if (highest.get(start) == price(n)) {
          rows.add(Row.of(n, price(n), EPOCH.plusNanos(millis(n) * 1_000_000)));
        }
      }
    }
    return rows;
  }

  private static String jobPlan(String query) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StreamTableEnvironment tEnv = session(env);
    tEnv.toDataStream(tEnv.sqlQuery(query)).print();
    return env.getExecutionPlan();
  }

  @Test
  void theRowsWithTheirTumblingWindowsHighestPriceAllComeTiesIncluded() {
    List<Row> rows = rows(session(StreamExecutionEnvironment.getExecutionEnvironment()).executeSql(query(TUMBLE, "<")));

    List<Row> expected = expected(5000, 5000);
    assertThat(expected.size()).isGreaterThan(8); // nine windows, each with at least one row
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theRowsWithAHoppingWindowsHighestPriceComeOncePerSuchWindow() {
    List<Row> rows = rows(session(StreamExecutionEnvironment.getExecutionEnvironment()).executeSql(query(HOP, "<")));

    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected(6000, 2000));
  }

  @Test
  void theJobPrunesOnlyTheJoinOfThatShape() {
    assertThat(jobPlan(query(TUMBLE, "<"))).contains("WindowMaxPruning");
    assertThat(jobPlan(query(HOP, "<"))).contains("WindowMaxPruning");
    // window_end included: a row at window_end is in the next window, so its maximum bounds nothing
    assertThat(jobPlan(query(TUMBLE, "<="))).doesNotContain("WindowMaxPruning");
    assertThat(jobPlan(query(TUMBLE, "<").replace("MAX(price)", "MIN(price)"))).doesNotContain("WindowMaxPruning");
    assertThat(jobPlan(query(TUMBLE, "<").replace("FROM bids B", "FROM (SELECT * FROM bids WHERE n > 5) B")))
        .doesNotContain("WindowMaxPruning");
  }

  @Test
  void withoutPruningTheSameRowsCome() {
    // an upper bound computed from window_end is not recognised, so this join keeps every row
    String unpruned = query(TUMBLE, "<").replace("B.ts < B1.window_end", "B.ts <= B1.window_end - INTERVAL '0.001' SECOND");
    assertThat(jobPlan(unpruned)).doesNotContain("WindowMaxPruning");
    List<Row> rows = rows(session(StreamExecutionEnvironment.getExecutionEnvironment()).executeSql(unpruned));

    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected(5000, 5000));
  }
}
