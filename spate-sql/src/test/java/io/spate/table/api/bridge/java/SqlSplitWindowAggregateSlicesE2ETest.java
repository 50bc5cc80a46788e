package io.spate.table.api.bridge.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.types.Row;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * The partial aggregate of a split distinct window aggregate runs on slices, as the unsplit window
 * aggregate does: each row is assigned its slice once, expanded once per set of distinct arguments,
 * and overlapping {@code HOP} and {@code CUMULATE} windows merge the slices they share, instead of
 * each row being copied into every window before the partial aggregate. The windows' rows are those
 * computed from the definition, split or not.
 */
class SqlSplitWindowAggregateSlicesE2ETest {

  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);
  private static final long BASE_MILLIS = 10_000;
  private static final long WATERMARK_DELAY_MILLIS = 1_000;

  private static final String QUERY = "SELECT window_start, window_end, item, COUNT(*) AS bids,"
      + " COUNT(DISTINCT bidder) AS bidders, COUNT(DISTINCT bidder) FILTER (WHERE price < 50) AS cheap_bidders,"
      + " MAX(price) AS hi FROM TABLE(%s) GROUP BY window_start, window_end, item";

  /**
   * Bids, one per n from 0 to {@code rows - 1}: item {@code n * a % 3}, bidder {@code n * b % 11},
   * price {@code n * 37 % 100}, at {@code BASE + n * step - (n * c % disorder)} ms past 2024-01-01, so
   * out of order by less than the watermark's delay: no bid is late.
   */
  private record Bids(int rows, long a, long b, long c, long step, long disorder) {

    long item(long n) {
      return n * a % 3;
    }

    long bidder(long n) {
      return n * b % 11;
    }

    long price(long n) {
      return n * 37 % 100;
    }

    long millis(long n) {
      return BASE_MILLIS + n * step - (n * c % disorder);
    }

    String table() {
      return "CREATE TABLE bids (n BIGINT, item AS CAST(n * " + a + " % 3 AS INT), bidder AS n * " + b + " % 11,"
          + " price AS n * 37 % 100, ts AS CAST(TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '0.001' SECOND * ("
          + BASE_MILLIS + " + n * " + step + " - n * " + c + " % " + disorder + ") AS TIMESTAMP(3)),"
          + " WATERMARK FOR ts AS ts - INTERVAL '" + WATERMARK_DELAY_MILLIS / 1000 + "' SECOND)"
          + " WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0',"
          + " 'fields.n.end' = '" + (rows - 1) + "', 'rows-per-second' = '1000000')";
    }
  }

  private static StreamTableEnvironment session(StreamExecutionEnvironment env, Bids bids, boolean split,
      int buckets) {
    env.setParallelism(2);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    tEnv.getConfig().set("table.optimizer.distinct-agg.split.enabled", String.valueOf(split));
    tEnv.getConfig().set("table.optimizer.distinct-agg.split.bucket-num", String.valueOf(buckets));
    tEnv.executeSql(bids.table());
    return tEnv;
  }

  private static List<Row> rows(StreamTableEnvironment tEnv, String query) {
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> iterator = tEnv.executeSql(query).collect()) {
      iterator.forEachRemaining(rows::add);
    }
    return rows;
  }

  @Test
  void thePartialAggregateOfASplitHopWindowAggregateRunsOnSlices() {
    Bids bids = new Bids(100, 1, 1, 1, 10, 1);
    String query = String.format(QUERY, "HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '15' SECOND)");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StreamTableEnvironment tEnv = session(env, bids, true, 8);
    assertThat(tEnv.explainSql(query)).contains("partialFinalType=[PARTIAL]", "Expand");
    tEnv.toDataStream(tEnv.sqlQuery(query)).print();
    String plan = env.getExecutionPlan();

    assertThat(plan).contains("\"contents\":\"Slices HOP(size=15000 ms, slide=5000 ms)\"")
        .contains("\"contents\":\"Expand(buckets=[MOD(HASH_CODE(bidder), 8)])\"")
        .doesNotContain("\"contents\":\"HOP(size=15000 ms, slide=5000 ms)\"");
  }

  @Test
  void splitAndUnsplitHopAndCumulateWindowsGiveTheWindowsOfTheDefinition() {
    qt().withFixedSeed(20261128L).withExamples(6).withShrinkCycles(0)
        .forAll(SourceDSL.longs().all())
        .checkAssert(this::checkCase);
  }

  private void checkCase(long seed) {
    Random random = new Random(seed);
    Bids bids = new Bids(300 + random.nextInt(700), 1 + random.nextInt(5), 1 + random.nextInt(10),
        1 + random.nextInt(20), 5 + random.nextInt(20), 1 + random.nextInt(900));
    long slice = new long[] {1000, 2000, 5000}[random.nextInt(3)];
    long size = slice * (1 + random.nextInt(4));
    boolean cumulate = random.nextBoolean();
    String window = (cumulate ? "CUMULATE" : "HOP") + "(TABLE bids, DESCRIPTOR(ts), INTERVAL '" + slice / 1000
        + "' SECOND, INTERVAL '" + size / 1000 + "' SECOND)";
    String query = String.format(QUERY, window);
    int buckets = new int[] {1, 3, 8}[random.nextInt(3)];
    List<Row> expected = expected(bids, slice, size, cumulate);
    assertThat(expected).isNotEmpty();

    List<Row> split = rows(session(StreamExecutionEnvironment.getExecutionEnvironment(), bids, true, buckets), query);
    List<Row> unsplit = rows(session(StreamExecutionEnvironment.getExecutionEnvironment(), bids, false, buckets),
        query);

    assertThat(split).as("seed %s: %s over %s, split in %s buckets", seed, window, bids, buckets)
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(unsplit).as("seed %s: %s over %s, unsplit", seed, window, bids)
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  /** The rows of every window and item, from the windows' definition (MOD gives its divisor's type: INT). */
  private static List<Row> expected(Bids bids, long slice, long size, boolean cumulate) {
    Map<List<Long>, long[]> counts = new HashMap<>(); // (start, end, item) -> bids, cheap bids' max price, max
    Map<List<Long>, Set<Long>> bidders = new HashMap<>();
    Map<List<Long>, Set<Long>> cheapBidders = new HashMap<>();
    for (long n = 0; n < bids.rows(); n++) {
      long time = bids.millis(n);
      List<long[]> windows = new ArrayList<>();
      if (cumulate) {
        long start = Math.floorDiv(time, size) * size;
        for (long end = start + slice; end <= start + size; end += slice) {
          if (time < end) {
            windows.add(new long[] {start, end});
          }
        }
      } else {
        for (long start = Math.floorDiv(time, slice) * slice; start > time - size; start -= slice) {
          windows.add(new long[] {start, start + size});
        }
      }
      for (long[] w : windows) {
        List<Long> key = List.of(w[0], w[1], bids.item(n));
        long[] c = counts.computeIfAbsent(key, k -> new long[] {0, Long.MIN_VALUE});
        c[0]++;
        c[1] = Math.max(c[1], bids.price(n));
        bidders.computeIfAbsent(key, k -> new HashSet<>()).add(bids.bidder(n));
        Set<Long> cheap = cheapBidders.computeIfAbsent(key, k -> new HashSet<>());
        if (bids.price(n) < 50) {
          cheap.add(bids.bidder(n));
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    counts.forEach((key, c) -> rows.add(Row.of(EPOCH.plusNanos(key.get(0) * 1_000_000),
        EPOCH.plusNanos(key.get(1) * 1_000_000), (int) (long) key.get(2), c[0], (long) bidders.get(key).size(),
        (long) cheapBidders.get(key).size(), (int) c[1])));
    return rows;
  }
}
