package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Window table functions with aggregates: each window and group emits one insert when the watermark
 * passes the window, equal to a plain reading of the input.
 */
class SqlWindowE2ETest {

  private static final int BIDS = 200;
  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);

  private TableEnvironment tEnv;

  @BeforeEach
  void createTable() {
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
  }

  @Test
  void aWindowFunctionOverAPlainTimestampIsRejectedInStreamingModeAndRunsInBatchMode() throws Exception {
    String query = """
        SELECT window_start, COUNT(*) AS n
        FROM TABLE(%s(TABLE plain, DESCRIPTOR(ts), %s))
        GROUP BY window_start, window_end""";
    tEnv.executeSql("CREATE VIEW plain AS SELECT n,"
        + " CAST(TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1' SECOND * n AS TIMESTAMP(3)) AS ts FROM bids");
    for (String window : List.of("TUMBLE", "HOP", "CUMULATE", "SESSION")) {
      String sizes = window.equals("TUMBLE") || window.equals("SESSION") ? "INTERVAL '10' SECOND"
          : "INTERVAL '5' SECOND, INTERVAL '10' SECOND";
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> tEnv.executeSql(query.formatted(window, sizes)))
          .as(window).isInstanceOf(ValidationException.class)
          .hasMessageContaining("The window function " + window + " needs a time attribute")
          .hasMessageContaining("ts is a plain TIMESTAMP(3)");
    }
    tEnv.getConfig().set("execution.runtime-mode", "batch");
    long windows = rows(tEnv.executeSql(query.formatted("TUMBLE", "INTERVAL '10' SECOND"))).stream()
        .filter(row -> row.getKind() == RowKind.INSERT).count();
    assertThat(windows).isEqualTo((BIDS + 9) / 10);
  }

  @Test
  void tumblingWindowsSumEachItemOncePerWindow() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT window_start, window_end, item, SUM(price) AS total, COUNT(*) AS bids, MAX(window_time) AS last
        FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
        GROUP BY window_start, window_end, item"""));
    assertThat(rows).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected(10, 10));
  }

  @Test
  void hoppingWindowsCountEachBidInEveryWindowThatHoldsIt() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT window_start, window_end, item, SUM(price) AS total, COUNT(*) AS bids, MAX(window_time) AS last
        FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
        GROUP BY window_start, window_end, item"""));
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected(10, 5));
  }

  /** Per window of {@code size} seconds every {@code slide}, and item: start, end, item, sum, count, last instant. */
  private static List<Row> expected(int size, int slide) {
    Map<String, long[]> groups = new TreeMap<>();
    for (int n = 0; n < BIDS; n++) {
      for (int start = n - n % slide; start > n - size; start -= slide) {
        long[] group = groups.computeIfAbsent(start + "/" + (n % 3), k -> new long[2]);
        group[0] += 10L * n;
        group[1]++;
      }
    }
    List<Row> rows = new ArrayList<>();
    groups.forEach((key, group) -> {
      int start = Integer.parseInt(key.substring(0, key.indexOf('/')));
      int item = Integer.parseInt(key.substring(key.indexOf('/') + 1));
      LocalDateTime windowStart = EPOCH.plusSeconds(start);
      LocalDateTime windowEnd = windowStart.plusSeconds(size);
      rows.add(Row.of(windowStart, windowEnd, item, group[0], group[1], windowEnd.minusNanos(1_000_000)));
    });
    return rows;
  }
}
