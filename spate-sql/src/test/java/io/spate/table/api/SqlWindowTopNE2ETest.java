package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Window Top-N: a Top-N partitioned by {@code window_start} and {@code window_end} emits each
 * window's first ranks once, as inserts, when the watermark passes the window; over a window
 * aggregate and over a window table function's rows.
 */
class SqlWindowTopNE2ETest {

  private static final int BIDS = 60;
  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);

  private TableEnvironment tEnv;

  @BeforeEach
  void createTable() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    // Bid n is for item n % 3, at n seconds, for (n * 37) % 101: no two bids, and no two items' totals
    // in one window, are equal, so every rank is certain.
    tEnv.executeSql("""
        CREATE TABLE bids (
          n BIGINT,
          item AS CAST(n % 3 AS INT),
          price AS (n * 37) % 101,
          ts AS CAST(TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1' SECOND * n AS TIMESTAMP(3)),
          WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
        ) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0',
                'fields.n.end' = '""" + (BIDS - 1) + "')");
  }

  @Test
  void theTopTwoItemsOfEachWindowAggregateGoOutOnceAsInserts() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT window_start, window_end, item, total, rn FROM (
          SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY total DESC) AS rn FROM (
            SELECT window_start, window_end, item, SUM(price) AS total
            FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
            GROUP BY window_start, window_end, item))
        WHERE rn <= 2"""));
    List<Row> expected = new ArrayList<>();
    for (int window = 0; window < BIDS / 10; window++) {
      List<int[]> totals = new ArrayList<>();
      for (int item = 0; item < 3; item++) {
        int total = 0;
        for (int n = window * 10; n < window * 10 + 10; n++) {
          total += n % 3 == item ? (n * 37) % 101 : 0;
        }
        totals.add(new int[] {item, total});
      }
      totals.sort(Comparator.comparingInt((int[] t) -> t[1]).reversed());
      for (int rank = 1; rank <= 2; rank++) {
        int[] top = totals.get(rank - 1);
        expected.add(Row.of(EPOCH.plusSeconds(window * 10L), EPOCH.plusSeconds(window * 10L + 10), top[0], top[1],
            (long) rank));
      }
    }
    assertThat(rows).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theTopThreeBidsOfEachWindowWithoutTheirRanks() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT window_start, n, price FROM (
          SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rn
          FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND)))
        WHERE rn <= 3"""));
    List<Row> expected = new ArrayList<>();
    for (int window = 0; window < BIDS / 10; window++) {
      List<Long> ns = new ArrayList<>();
      for (long n = window * 10L; n < window * 10L + 10; n++) {
        ns.add(n);
      }
      ns.sort(Comparator.comparingLong((Long n) -> (n * 37) % 101).reversed());
      for (Long n : ns.subList(0, 3)) {
        expected.add(Row.of(EPOCH.plusSeconds(window * 10L), n, (int) ((n * 37) % 101)));
      }
    }
    assertThat(rows).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }
}
