package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OVER aggregates ordered by an event-time attribute: ROWS and RANGE frames, bounded and unbounded,
 * also in processing time,
 * several aggregates over one window, rows sorted by time once the watermark passes them, late rows
 * dropped, and the queries Flink rejects rejected. Expected rows come from a plain reading of each
 * frame's definition.
 */
class SqlOverAggregateE2ETest {

  private static final int BIDS = 60;
  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);

  private TableEnvironment tEnv;

  @BeforeEach
  void createTables() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    // Bid n is for item n % 3, at n seconds past 2024-01-01 00:00, except every fourth from n = 1, which
    // comes 2 seconds early: out of order, but inside the watermark's 5 seconds.
    tEnv.executeSql("""
        CREATE TABLE bids (
          n BIGINT,
          item AS CAST(n % 3 AS INT),
          price AS (n * 7) % 50,
          ts AS CAST(TIMESTAMP '2024-01-01 00:00:00'
              + INTERVAL '1' SECOND * (n - CASE WHEN n % 4 = 1 THEN 2 ELSE 0 END) AS TIMESTAMP(3)),
          WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
        ) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0',
                'fields.n.end' = '""" + (BIDS - 1) + "')");
    // Tick n is for item n % 3 at n / 6 seconds: each item has two ticks at each second (peers in a RANGE).
    tEnv.executeSql("""
        CREATE TABLE ticks (
          n BIGINT,
          item AS CAST(n % 3 AS INT),
          price AS (n * 7) % 50,
          ts AS CAST(TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1' SECOND * (n / 6) AS TIMESTAMP(3)),
          WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
        ) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0',
                'fields.n.end' = '""" + (BIDS - 1) + "')");
  }

  /** One input row: its number, partition, price and time in seconds. */
  private record Bid(long n, int item, int price, long second) {}

  private static List<Bid> bids() {
    List<Bid> bids = new ArrayList<>();
    for (long n = 0; n < BIDS; n++) {
      bids.add(new Bid(n, (int) (n % 3), (int) (n * 7) % 50, n - (n % 4 == 1 ? 2 : 0)));
    }
    return bids;
  }

  private static List<Bid> ticks() {
    List<Bid> ticks = new ArrayList<>();
    for (long n = 0; n < BIDS; n++) {
      ticks.add(new Bid(n, (int) (n % 3), (int) (n * 7) % 50, n / 6));
    }
    return ticks;
  }

  /**
   * Per input row: n, item, price (an INT, as Flink types {@code BIGINT % INT}), then SUM, COUNT, MIN and MAX of the prices of the rows of its item
   * that {@code inFrame(row, other)} admits, given each item's rows in time order (ties in arrival order).
   */
  private static List<Row> expected(List<Bid> input, FrameTest inFrame) {
    List<Row> rows = new ArrayList<>();
    for (int item = 0; item < 3; item++) {
      int partition = item;
      List<Bid> sorted = input.stream().filter(b -> b.item() == partition)
          .sorted(Comparator.comparingLong(Bid::second).thenComparingLong(Bid::n)).toList();
      for (int i = 0; i < sorted.size(); i++) {
        int sum = 0;
        long count = 0;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int j = 0; j < sorted.size(); j++) {
          if (inFrame.test(sorted, i, j)) {
            int price = sorted.get(j).price();
            sum += price;
            count++;
            min = Math.min(min, price);
            max = Math.max(max, price);
          }
        }
        Bid bid = sorted.get(i);
        rows.add(Row.of(bid.n(), bid.item(), bid.price(), sum, count, min, max));
      }
    }
    return rows;
  }

  /** Whether the row at {@code j} of a partition's time-ordered rows is in the frame of the row at {@code i}. */
  private interface FrameTest {
    boolean test(List<Bid> sorted, int i, int j);
  }

  private List<Row> query(String frame, String table) {
    List<Row> rows = rows(tEnv.executeSql("SELECT n, item, price, SUM(price) OVER w, COUNT(*) OVER w,"
        + " MIN(price) OVER w, MAX(price) OVER w FROM " + table + " WINDOW w AS (PARTITION BY item ORDER BY ts "
        + frame + ")"));
    assertThat(rows).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
    return rows;
  }

  @Test
  void rowsFramesAggregateTheCurrentRowAndTheRowsBeforeItInTimeOrder() {
    List<Row> rows = query("ROWS BETWEEN 2 PRECEDING AND CURRENT ROW", "bids");
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected(bids(), (sorted, i, j) -> j <= i && j >= i - 2));
    assertInTimeOrderPerItem(rows, bids());
  }

  @Test
  void unboundedRowsFramesAggregateEveryRowSoFar() {
    List<Row> rows = query("ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW", "bids");
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected(bids(), (sorted, i, j) -> j <= i));
  }

  @Test
  void rangeFramesTakeEveryRowOfTheIntervalAndThePeersOfTheCurrentRow() {
    tEnv.getConfig().set("parallelism.default", "1");
    List<Row> rows = query("RANGE BETWEEN INTERVAL '2' SECOND PRECEDING AND CURRENT ROW", "ticks");
    BiPredicate<Bid, Bid> inRange = (current, other) -> other.second() <= current.second()
        && other.second() >= current.second() - 2;
    assertThat(rows).containsExactlyInAnyOrderElementsOf(
        expected(ticks(), (sorted, i, j) -> inRange.test(sorted.get(i), sorted.get(j))));
  }

  @Test
  void anOrderByWithoutAFrameIsAnUnboundedRangeAsInFlink() {
    tEnv.getConfig().set("parallelism.default", "1");
    List<Row> rows = query("", "ticks");
    assertThat(rows).containsExactlyInAnyOrderElementsOf(
        expected(ticks(), (sorted, i, j) -> sorted.get(j).second() <= sorted.get(i).second()));
  }

  @Test
  void anOverAggregateInsideAnExpressionAndAWindowInline() {
    List<Row> rows = rows(tEnv.executeSql("SELECT n, price - MIN(price) OVER (PARTITION BY item ORDER BY ts"
        + " ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS above FROM bids WHERE item = 1"));
    List<Row> expected = new ArrayList<>();
    for (Row row : expected(bids(), (sorted, i, j) -> j <= i && j >= i - 1)) {
      if ((Integer) row.getField(1) == 1) {
        expected.add(Row.of(row.getField(0), (Integer) row.getField(2) - (Integer) row.getField(5)));
      }
    }
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void rowNumberWithoutATopNFilterNumbersEachPartitionsRowsInTimeOrder() {
    List<Row> rows = rows(tEnv.executeSql("SELECT n, ROW_NUMBER() OVER (PARTITION BY item ORDER BY ts) AS rn"
        + " FROM bids"));
    // The row number is the count of the partition's rows up to this one in time order (no item has ties).
    List<Row> expected = new ArrayList<>();
    for (Row row : expected(bids(), (sorted, i, j) -> j <= i)) {
      expected.add(Row.of(row.getField(0), row.getField(4)));
    }
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
    assertThatThrownBy(() -> tEnv.executeSql("SELECT n, RANK() OVER (PARTITION BY item ORDER BY ts) FROM bids"))
        .isInstanceOf(TableException.class)
        .hasMessageContaining("RANK() OVER (...) only as Top-N or deduplication");
  }

  @Test
  void aggregatesOfConstantsCountTheFrame() {
    List<Row> rows = rows(tEnv.executeSql("SELECT n, COUNT(1) OVER w, SUM(2) OVER w, item FROM bids"
        + " WINDOW w AS (PARTITION BY item ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)"));
    List<Row> expected = new ArrayList<>();
    for (Row row : expected(bids(), (sorted, i, j) -> j <= i && j >= i - 2)) {
      long count = (Long) row.getField(4);
      expected.add(Row.of(row.getField(0), count, (int) (2 * count), row.getField(1)));
    }
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void rowsBehindTheWatermarkAreDropped() {
    tEnv.getConfig().set("parallelism.default", "1");
    // Ten rows a second; row 30 claims second 5, when the watermark has long passed it.
    tEnv.executeSql("""
        CREATE TABLE paced (
          n BIGINT,
          ts AS CAST(TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1' SECOND * CASE WHEN n = 30 THEN 5 ELSE n END
              AS TIMESTAMP(3)),
          WATERMARK FOR ts AS ts
        ) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0',
                'fields.n.end' = '34', 'rows-per-second' = '10')""");
    List<Row> rows = rows(tEnv.executeSql("SELECT n, COUNT(*) OVER (ORDER BY ts) FROM paced"));
    List<Row> expected = new ArrayList<>();
    for (long n = 0; n < 35; n++) {
      if (n != 30) {
        expected.add(Row.of(n, n < 30 ? n + 1 : n));
      }
    }
    assertThat(rows).containsExactlyElementsOf(expected);
  }

  @Test
  void inProcessingTimeEachRowGoesOutWhenItArrives() {
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.executeSql("""
        CREATE TABLE clicks (n BIGINT, k AS CAST(n % 2 AS INT), pt AS PROCTIME())
        WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0', 'fields.n.end' = '9')""");
    List<Row> rows = rows(tEnv.executeSql("SELECT n, SUM(n) OVER w, COUNT(*) OVER w FROM clicks"
        + " WINDOW w AS (PARTITION BY k ORDER BY pt ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)"));
    List<Row> expected = new ArrayList<>();
    for (long n = 0; n < 10; n++) {
      expected.add(Row.of(n, n < 2 ? n : 2 * n - 2, n < 2 ? 1L : 2L));
    }
    assertThat(rows).containsExactlyElementsOf(expected);
    List<Row> running = rows(tEnv.executeSql("SELECT n, COUNT(*) OVER (PARTITION BY k ORDER BY pt) FROM clicks"));
    assertThat(running).hasSize(10)
        .allSatisfy(row -> assertThat(row.getField(1)).isEqualTo((Long) row.getField(0) / 2 + 1));
  }

  @Test
  void anOrderByThatIsNotATimeAttributeIsRejected() {
    assertThatThrownBy(() -> tEnv.executeSql("SELECT SUM(price) OVER (PARTITION BY item ORDER BY price) FROM bids"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("OVER windows' ordering in stream mode must be defined on a time attribute")
        .hasMessageContaining("price");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT SUM(price) OVER (PARTITION BY item ORDER BY"
        + " CAST(ts AS TIMESTAMP(3)) + INTERVAL '1' SECOND) FROM bids"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must be defined on a time attribute");
  }

  @Test
  void aDescendingOrderIsRejected() {
    assertThatThrownBy(() -> tEnv.executeSql("SELECT SUM(price) OVER (PARTITION BY item ORDER BY ts DESC) FROM bids"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ASCENDING");
  }

  @Test
  void anOverAggregateOfAnUpdatingInputIsRejected() {
    tEnv.executeSql("CREATE VIEW totals AS SELECT item, SUM(price) AS total, MAX(ts) AS ts FROM bids GROUP BY item");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT item, SUM(total) OVER (ORDER BY ts) FROM totals"))
        .isInstanceOf(TableException.class)
        .hasMessageContaining("does not support consuming update changes");
  }

  @Test
  void differentWindowsInOneSelectAndFollowingRowsAreRejected() {
    assertThatThrownBy(() -> tEnv.executeSql("SELECT SUM(price) OVER (PARTITION BY item ORDER BY ts),"
        + " COUNT(*) OVER (ORDER BY ts) FROM bids"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("All aggregates must be computed on the same window");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT SUM(price) OVER (PARTITION BY item ORDER BY ts"
        + " ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM bids"))
        .isInstanceOf(TableException.class)
        .hasMessageContaining("CURRENT ROW");
  }

  /** Each item's rows came out in the order of their times. */
  private static void assertInTimeOrderPerItem(List<Row> rows, List<Bid> input) {
    for (int item = 0; item < 3; item++) {
      List<Long> seconds = new ArrayList<>();
      for (Row row : rows) {
        if ((Integer) row.getField(1) == item) {
          seconds.add(input.get(((Long) row.getField(0)).intValue()).second());
        }
      }
      assertThat(seconds).isSorted();
    }
  }
}
