package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CUMULATE and SESSION window aggregates, HOP aggregates over shared slices, the CUMULATE and
 * SESSION window functions on their own, and Flink's legacy group windows: each window's groups come once, as
 * inserts, equal to a plain reading of the input; bad window arguments fail naming what is wrong.
 */
class SqlWindowAggregationE2ETest {

  private static final int BIDS = 200;
  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);

  private TableEnvironment tEnv;

  @BeforeEach
  void createTables() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    // Bid n is for item n % 3, at n seconds past 2024-01-01 00:00, for 10 * n.
    tEnv.executeSql("""
        CREATE TABLE bids (
          n BIGINT,
          item AS CAST(n % 3 AS INT),
          price AS n * 10,
          ts AS CAST(TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1' SECOND * n AS TIMESTAMP(3)),
          WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
        ) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0',
                'fields.n.end' = '""" + (BIDS - 1) + "', 'rows-per-second' = '100000')");
    // The same bids in bursts: ten a second apart, then ten seconds of none.
    tEnv.executeSql("""
        CREATE TABLE bursts (
          n BIGINT,
          item AS CAST(n % 3 AS INT),
          price AS n * 10,
          ts AS CAST(TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1' SECOND * (n + 10 * (n / 10)) AS TIMESTAMP(3)),
          WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
        ) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0',
                'fields.n.end' = '""" + (BIDS - 1) + "', 'rows-per-second' = '100000')");
  }

  @Test
  void cumulateWindowsGrowByTheirStepUpToTheirMaxSize() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT window_start, window_end, item, SUM(price) AS total, COUNT(*) AS bids
        FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '20' SECOND))
        GROUP BY window_start, window_end, item"""));
    assertThat(rows).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected(n -> cumulate(n, 5, 20), n -> n % 3));
  }

  @Test
  void cumulateWithAnOffsetShiftsItsPeriods() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT window_start, window_end, SUM(price) AS total, COUNT(*) AS bids
        FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '4' SECOND, INTERVAL '12' SECOND, INTERVAL '2' SECOND))
        GROUP BY window_start, window_end"""));
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected(n -> cumulateWithOffset(n), null));
  }

  @Test
  void theCumulateFunctionAloneListsEachRowOncePerWindowThatHoldsIt() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT n, window_start, window_end, window_time
        FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '20' SECOND))
        WHERE n < 30"""));
    List<Row> expected = new ArrayList<>();
    for (long n = 0; n < 30; n++) {
      for (int[] window : cumulate((int) n, 5, 20)) {
        LocalDateTime end = EPOCH.plusSeconds(window[1]);
        expected.add(Row.of(n, EPOCH.plusSeconds(window[0]), end, end.minusNanos(1_000_000)));
      }
    }
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void hoppingWindowsMergeTheirSlicesForEveryAggregate() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT window_start, window_end, item, SUM(price), COUNT(*), MIN(n), MAX(n), AVG(n),
          COUNT(DISTINCT n % 4)
        FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '15' SECOND))
        GROUP BY window_start, window_end, item"""));
    Map<String, List<Long>> groups = new TreeMap<>();
    for (int n = 0; n < BIDS; n++) {
      for (int start = n - n % 5; start > n - 15; start -= 5) {
        groups.computeIfAbsent(start + "/" + (n % 3), k -> new ArrayList<>()).add((long) n);
      }
    }
    List<Row> expected = new ArrayList<>();
    groups.forEach((key, ns) -> {
      int start = Integer.parseInt(key.substring(0, key.indexOf('/')));
      int item = Integer.parseInt(key.substring(key.indexOf('/') + 1));
      long sum = ns.stream().mapToLong(Long::longValue).sum();
      expected.add(Row.of(EPOCH.plusSeconds(start), EPOCH.plusSeconds(start + 15), item, sum * 10, (long) ns.size(),
          ns.get(0), ns.get(ns.size() - 1), sum / ns.size(), ns.stream().map(n -> n % 4).distinct().count()));
    });
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void sessionWindowsPartitionedByItemCloseAfterTheGap() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT window_start, window_end, item, SUM(price) AS total, COUNT(*) AS bids
        FROM TABLE(SESSION(TABLE bursts PARTITION BY item, DESCRIPTOR(ts), INTERVAL '5' SECOND))
        GROUP BY window_start, window_end, item"""));
    assertThat(rows).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
    assertThat(rows).containsExactlyInAnyOrderElementsOf(sessions(5, true));
  }

  @Test
  void sessionWindowsWithoutPartitionSpanEveryRowWithinTheGap() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT window_start, window_end, SUM(price) AS total, COUNT(*) AS bids
        FROM TABLE(SESSION(TABLE bursts, DESCRIPTOR(ts), INTERVAL '5' SECOND))
        GROUP BY window_start, window_end"""));
    assertThat(rows).hasSize(BIDS / 10).containsExactlyInAnyOrderElementsOf(sessions(5, false));
  }

  @Test
  void theSessionFunctionAloneListsEachRowWithItsSessionOnceTheSessionCloses() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT n, item, window_start, window_end, window_time
        FROM TABLE(SESSION(TABLE bursts PARTITION BY item, DESCRIPTOR(ts), INTERVAL '5' SECOND))
        WHERE n < 40"""));
    List<Row> sessions = sessions(5, true);
    List<Row> expected = new ArrayList<>();
    for (long n = 0; n < 40; n++) {
      LocalDateTime time = EPOCH.plusSeconds(n + 10 * (n / 10));
      int item = (int) (n % 3);
      for (Row session : sessions) {
        LocalDateTime start = (LocalDateTime) session.getField(0);
        LocalDateTime end = (LocalDateTime) session.getField(1);
        if (session.getField(2).equals(item) && !time.isBefore(start) && time.isBefore(end)) {
          expected.add(Row.of(n, item, start, end, end.minusNanos(1_000_000)));
        }
      }
    }
    assertThat(expected).hasSize(40);
    assertThat(rows).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aWindowAggregateOverAnotherOnesWindowTimeCascades() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT window_start, window_end, SUM(total) AS total, SUM(bids) AS bids
        FROM TABLE(CUMULATE((
            SELECT window_time AS wtime, SUM(price) AS total, COUNT(*) AS bids
            FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND))
            GROUP BY window_start, window_end, window_time),
          DESCRIPTOR(wtime), INTERVAL '10' SECOND, INTERVAL '20' SECOND))
        GROUP BY window_start, window_end"""));
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected(n -> cumulate(n, 10, 20), null));
  }

  @Test
  void legacyTumbleGroupWindowsGiveTheirStartEndAndRowtime() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT item, TUMBLE_START(ts, INTERVAL '10' SECOND) AS wstart, TUMBLE_END(ts, INTERVAL '10' SECOND) AS wend,
          TUMBLE_ROWTIME(ts, INTERVAL '10' SECOND) AS wtime, SUM(price) AS total, COUNT(*) AS bids
        FROM bids
        GROUP BY TUMBLE(ts, INTERVAL '10' SECOND), item"""));
    List<Row> expected = new ArrayList<>();
    for (Row row : expected(n -> new int[][] {{n - n % 10, n - n % 10 + 10}}, n -> n % 3)) {
      LocalDateTime end = (LocalDateTime) row.getField(1);
      expected.add(Row.of(row.getField(2), row.getField(0), end, end.minusNanos(1_000_000), row.getField(3),
          row.getField(4)));
    }
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void legacyHopAndSessionGroupWindowsEqualTheirWindowFunctions() {
    List<Row> hop = rows(tEnv.executeSql("""
        SELECT HOP_START(ts, INTERVAL '5' SECOND, INTERVAL '15' SECOND),
          HOP_END(ts, INTERVAL '5' SECOND, INTERVAL '15' SECOND), item, SUM(price), COUNT(*)
        FROM bids GROUP BY HOP(ts, INTERVAL '5' SECOND, INTERVAL '15' SECOND), item"""));
    assertThat(hop).containsExactlyInAnyOrderElementsOf(expected(n -> hop(n, 5, 15), n -> n % 3));
    List<Row> session = rows(tEnv.executeSql("""
        SELECT SESSION_START(ts, INTERVAL '5' SECOND), SESSION_END(ts, INTERVAL '5' SECOND), item, SUM(price), COUNT(*)
        FROM bursts GROUP BY SESSION(ts, INTERVAL '5' SECOND), item"""));
    assertThat(session).containsExactlyInAnyOrderElementsOf(sessions(5, true));
  }

  @Test
  void legacyGroupWindowColumnsAreNamedAsInFlink() {
    TableResult result = tEnv.executeSql("""
        SELECT TUMBLE_START(ts, INTERVAL '10' SECOND), COUNT(*) AS bids
        FROM bids GROUP BY TUMBLE(ts, INTERVAL '10' SECOND)""");
    assertThat(result.getResolvedSchema().getColumnNames()).containsExactly("EXPR$0", "bids");
    assertThat(rows(result)).hasSize(BIDS / 10);
  }

  @Test
  void badWindowArgumentsFailNamingTheArgument() {
    assertThatThrownBy(() -> tEnv.executeSql("""
        SELECT window_start, COUNT(*) FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '3' SECOND,
          INTERVAL '10' SECOND)) GROUP BY window_start, window_end"""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("CUMULATE's max size (10000 ms) must be an integral multiple of its step (3000 ms)");
    assertThatThrownBy(() -> tEnv.executeSql("""
        SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '-1' SECOND))
        GROUP BY window_start, window_end"""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("TUMBLE's size must be positive, not -1000 ms");
    assertThatThrownBy(() -> tEnv.executeSql("""
        SELECT window_start, COUNT(*) FROM TABLE(SESSION(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' SECOND * n))
        GROUP BY window_start, window_end"""))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Column 'n' not found");
    assertThatThrownBy(() -> tEnv.executeSql("""
        SELECT window_start, COUNT(*) FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(n), INTERVAL '1' SECOND,
          INTERVAL '2' SECOND)) GROUP BY window_start, window_end"""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("The time column of CUMULATE must be a TIMESTAMP or TIMESTAMP_LTZ, but n is BIGINT");
    assertThatThrownBy(() -> tEnv.executeSql("""
        SELECT window_start, COUNT(*) FROM TABLE(SESSION(TABLE bids PARTITION BY item, DESCRIPTOR(ts),
          INTERVAL '1' SECOND)) GROUP BY window_start, window_end"""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("A SESSION window aggregate must group by the window's partition keys, but it does not group by"
            + " item");
    assertThatThrownBy(() -> tEnv.executeSql("""
        SELECT HOP_START(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND), COUNT(*)
        FROM bids GROUP BY TUMBLE(ts, INTERVAL '10' SECOND)"""))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("HOP_START needs GROUP BY HOP(...), but the query groups by TUMBLE(...)");
  }

  @Test
  void aWindowOverTheMaxOfAnUpdatingInputIsRejected() {
    // The MAX of a time attribute is no time attribute (as in Flink), whatever the window does with updates.
    assertThatThrownBy(() -> tEnv.executeSql("""
        SELECT window_start, window_end, SUM(total)
        FROM TABLE(CUMULATE((SELECT item, MAX(ts) AS ts, SUM(price) AS total FROM bids GROUP BY item),
          DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
        GROUP BY window_start, window_end"""))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("The window function CUMULATE needs a time attribute in its DESCRIPTOR");
  }

  /** The windows [start, end) in seconds of CUMULATE(step, size) that hold second {@code n}. */
  private static int[][] cumulate(int n, int step, int size) {
    int start = n - n % size;
    List<int[]> windows = new ArrayList<>();
    for (int end = n - n % step + step; end <= start + size; end += step) {
      windows.add(new int[] {start, end});
    }
    return windows.toArray(new int[0][]);
  }

  /** CUMULATE(4 s, 12 s, offset 2 s). */
  private static int[][] cumulateWithOffset(int n) {
    int start = n - Math.floorMod(n - 2, 12);
    List<int[]> windows = new ArrayList<>();
    for (int end = start + 4; end <= start + 12; end += 4) {
      if (end > n) {
        windows.add(new int[] {start, end});
      }
    }
    return windows.toArray(new int[0][]);
  }

  /** The windows [start, end) in seconds of HOP(slide, size) that hold second {@code n}. */
  private static int[][] hop(int n, int slide, int size) {
    List<int[]> windows = new ArrayList<>();
    for (int start = n - n % slide; start > n - size; start -= slide) {
      windows.add(new int[] {start, start + size});
    }
    return windows.toArray(new int[0][]);
  }

  /**
   * Per window of {@code windows} and group ({@code group} of bid n, none if null): start, end, the
   * group, the sum of prices and the count of bids.
   */
  private static List<Row> expected(IntFunction<int[][]> windows, IntFunction<Integer> group) {
    Map<String, long[]> groups = new TreeMap<>();
    for (int n = 0; n < BIDS; n++) {
      for (int[] window : windows.apply(n)) {
        int key = group == null ? -1 : group.apply(n);
        long[] acc = groups.computeIfAbsent(window[0] + "/" + window[1] + "/" + key,
            k -> new long[] {window[0], window[1], key, 0, 0});
        acc[3] += 10L * n;
        acc[4]++;
      }
    }
    List<Row> rows = new ArrayList<>();
    for (long[] acc : groups.values()) {
      LocalDateTime start = EPOCH.plusSeconds(acc[0]);
      LocalDateTime end = EPOCH.plusSeconds(acc[1]);
      rows.add(group == null ? Row.of(start, end, acc[3], acc[4]) : Row.of(start, end, (int) acc[2], acc[3], acc[4]));
    }
    return rows;
  }

  /** The sessions of the bursts with {@code gap} seconds, per item or over all: start, end, [item,] sum, count. */
  private static List<Row> sessions(int gap, boolean perItem) {
    List<Row> rows = new ArrayList<>();
    for (int item = 0; item < (perItem ? 3 : 1); item++) {
      long start = -1;
      long end = -1;
      long sum = 0;
      long count = 0;
      for (int n = 0; n < BIDS; n++) {
        if (perItem && n % 3 != item) {
          continue;
        }
        long time = n + 10L * (n / 10);
        if (count > 0 && time > end) {
          rows.add(session(start, end, perItem ? item : null, sum, count));
          count = 0;
          sum = 0;
        }
        if (count == 0) {
          start = time;
        }
        end = time + gap;
        sum += 10L * n;
        count++;
      }
      rows.add(session(start, end, perItem ? item : null, sum, count));
    }
    return rows;
  }

  private static Row session(long start, long end, Integer item, long sum, long count) {
    return item == null ? Row.of(EPOCH.plusSeconds(start), EPOCH.plusSeconds(end), sum, count)
        : Row.of(EPOCH.plusSeconds(start), EPOCH.plusSeconds(end), item, sum, count);
  }
}
